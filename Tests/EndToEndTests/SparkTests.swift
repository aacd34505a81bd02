import Foundation
import TestSupport
import Testing

/// PySpark and a Java runtime, for Spark in local mode.
enum Spark {
    static let available =
        (try? runProgram("python3", ["-c", "import pyspark"]).code) == 0
        && ((try? runProgram("/usr/bin/env", ["java", "-version"]).code) == 0)
    static let missing: Comment =
        "PySpark or Java is absent (pip install pyspark; apt-get install default-jre-headless; or make deps): Spark is not run"
}

/// The lead questions run in Spark (local mode) through its own `spark-sql` client: the same
/// output as on the CSV export the table was loaded from.
@Suite("Lead questions in Spark", .enabled(if: Spark.available, Spark.missing))
struct SparkTests {
    @Test("data connect spark:local: funnel, sla and ignored on the example's table read as on its CSV")
    func sameAsCSV() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "lockstep-spark-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let types = folder.appendingPathComponent("types.json")
        try JSONSerialization.data(withJSONObject: PostgresTests.acmeTypes).write(to: types)
        let export = repositoryRoot.appendingPathComponent("examples/crm/acme-hubspot-contacts.csv").path
        let loaded = try runProgram(
            "python3",
            [
                repositoryRoot.appendingPathComponent("Tests/Support/spark.py").path, folder.path, export, types.path,
                "leads",
            ])
        #expect(loaded.code == 0 && loaded.output.hasSuffix("159\n"), "\(loaded.errors)")
        let questions = "funnel; sla; ignored"
        // spark-sql finds the table in the catalog of the folder it runs in.
        let inSpark = try runLockstep(
            ["-c", "data connect spark:local; " + questions, exampleWorkbook], in: folder.path)
        let onFile = try runLockstep(["-c", questions, exampleWorkbook])
        #expect(inSpark.code == 0, "\(inSpark.errors)")
        #expect(inSpark.output == onFile.output)
        #expect(
            inSpark.output.contains("mql      Marketing qualified lead                           32             26"))
    }

    @Test(
        "seeded random criteria count the same rows in Spark as in the evaluator", .requiresShared("bench/gen_leads.py")
    )
    func randomCriteria() throws {
        var random = SeededRandom(fallback: 20261202, label: "random criteria in Spark")
        let criteria = (0..<30).map { _ in RandomCriteria.condition(depth: 3, using: &random) }
        let (onFile, export) = try SQLDifferentialTests.benchWorkbook(rows: 10_000, criteria: criteria)
        let folder = URL(fileURLWithPath: onFile).deletingLastPathComponent()
        try Self.load(export, types: benchTypes, table: "leads", in: folder)
        let inSpark = try SQLDifferentialTests.benchWorkbook(onFile, readingFrom: "spark:local")
        let ours = try runLockstep(["-c", "set format csv; funnel", onFile])
        let theirs = try runLockstep(["-c", "set format csv; funnel", inSpark], in: folder.path)
        #expect(theirs.code == 0, "\(theirs.errors)")
        #expect(ours.output == theirs.output, "seed \(random.seed)")
        #expect(ours.output.split(whereSeparator: \.isNewline).count > 30)
    }

    @Test(
        "the benchmark's 1M rows in Spark: funnel and SLA are the evaluator's numbers and the README's",
        .requiresShared("bench/gen_leads.py"))
    func millionRows() throws {
        let (onFile, export) = try SQLDifferentialTests.benchWorkbook(rows: 1_000_000, criteria: [])
        let folder = URL(fileURLWithPath: onFile).deletingLastPathComponent()
        let inSpark = try SQLDifferentialTests.benchWorkbook(onFile, readingFrom: "spark:local")
        try Self.load(export, types: benchTypes, table: "leads", in: folder)
        let questions = "set format csv; funnel; funnel --values; sla"
        let spark = try runLockstep(["-c", questions, inSpark], in: folder.path)
        let file = try runLockstep(["-c", questions, onFile])
        #expect(spark.code == 0, "\(spark.errors)")
        #expect(spark.output == file.output)
        #expect(spark.output.contains("mql,Marketing qualified lead,21111,") && spark.output.contains("9524,4056"))
    }

    @Test(
        "Olist's real export: MQLs joined with closed deals, day-first dates, the same answers in Spark",
        .requiresShared(
            "data/olist-funnel/olist_marketing_qualified_leads_dataset.csv",
            "data/olist-funnel/olist_closed_deals_dataset.csv"))
    func olist() throws {
        let folder = try Self.folder("olist")
        let data = TestSupport.sharedFolder.appendingPathComponent("data/olist-funnel")
        try Self.load(
            data.appendingPathComponent("olist_marketing_qualified_leads_dataset.csv").path,
            types: ["first_contact_date": "date:DD-MM-YYYY", "origin": "string"], table: "mqls", in: folder)
        try Self.load(
            data.appendingPathComponent("olist_closed_deals_dataset.csv").path,
            types: ["won_date": "date:DD-MM-YYYY", "business_segment": "string"], table: "olist_closed_deals_dataset",
            in: folder)
        let workbook = repositoryRoot.appendingPathComponent("examples/olist/olist.yaml").path
        let inSpark = folder.appendingPathComponent("olist.yaml").path
        try String(contentsOfFile: workbook, encoding: .utf8).replacingOccurrences(
            of: "    file: ../../../shared/data/olist-funnel/olist_marketing_qualified_leads_dataset.csv\n",
            with: "    url: spark:local\n    table: mqls\n"
        ).write(toFile: inSpark, atomically: true, encoding: .utf8)
        let questions = "funnel; sla; ignored; funnel --by origin"
        let spark = try runLockstep(["-c", questions, inSpark], in: folder.path)
        let file = try runLockstep(["--allow-data-outside", "-c", questions, workbook])
        #expect(spark.code == 0, "\(spark.errors)")
        #expect(spark.output == file.output)
        #expect(spark.output.contains("won    Seller signed") && spark.output.contains("842"))
    }

    private static func folder(_ name: String) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "lockstep-spark-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// Loads `export` into the Spark catalog of `folder`, typed by `types`.
    static func load(_ export: String, types: [String: String], table: String, in folder: URL) throws {
        let file = folder.appendingPathComponent("types-\(table).json")
        try JSONSerialization.data(withJSONObject: types).write(to: file)
        let loaded = try runProgram(
            "python3",
            [
                repositoryRoot.appendingPathComponent("Tests/Support/spark.py").path, folder.path, export, file.path,
                table,
            ])
        #expect(loaded.code == 0, "\(loaded.errors)")
    }
}
