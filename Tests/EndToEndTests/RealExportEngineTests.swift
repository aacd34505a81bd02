import Foundation
import TestSupport
import Testing

/// The real CRM exports of ../shared/data measured by the evaluator, in PostgreSQL, in DuckDB
/// and in Spark: every question the same, number for number (Olist's joined export is measured
/// in PostgresTests and SparkTests).
@Suite("Real CRM exports in every engine")
struct RealExportEngineTests {
    static let questions = "set format csv; funnel; sla; ignored; sla --by-owner"
    /// X Education's export has no dates: no hand-off to measure.
    static let funnelQuestions = "set format csv; funnel; funnel --by lead_profile"
    static let xEducation = "data/x-education/lead-scoring.repaired.csv"
    static let maven = "data/maven-crm/sales_pipeline.csv"

    /// The workbook on a copy of its export, in a folder of their own; the copy's path.
    static func onFile(
        _ workbook: (String) -> String, export: String
    ) throws -> (workbook: String, folder: URL, export: String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lockstep-real-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let copy = folder.appendingPathComponent("export.csv")
        try FileManager.default.copyItem(at: URL(fileURLWithPath: export), to: copy)
        let path = folder.appendingPathComponent("file.yaml").path
        try workbook("file: export.csv").write(toFile: path, atomically: true, encoding: .utf8)
        return (path, folder, copy.path)
    }

    static func inDatabase(
        _ workbook: (String) -> String, url: String, table: String, folder: URL
    ) throws -> String {
        let path = folder.appendingPathComponent("database.yaml").path
        try workbook("url: \(url)\n    table: \(table)").write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func samePostgres(
        _ workbook: @escaping (String) -> String, export relative: String, types: [String: String],
        questions: String = questions, expect: String
    ) throws {
        let export = TestSupport.sharedFolder.appendingPathComponent(relative).path
        let cluster = try PostgresCluster()
        try cluster.load(export, types: types, table: "crm")
        let (file, folder, _) = try Self.onFile(workbook, export: export)
        let database = try Self.inDatabase(workbook, url: cluster.url, table: "crm", folder: folder)
        let ours = try runLockstep(["-c", questions, file])
        let theirs = try runLockstep(["-c", questions, database])
        #expect(theirs.code == 0, "\(theirs.errors)")
        #expect(ours.output == theirs.output)
        #expect(ours.output.contains(expect), "\(ours.output)")
    }

    @Test(
        "X Education in PostgreSQL: 'Select' read as empty, the same funnel as on the file",
        .enabled(if: PostgresCluster.available, PostgresCluster.missing), .requiresShared(xEducation))
    func xEducationInPostgres() throws {
        try samePostgres(
            RealExports.xEducation, export: Self.xEducation, types: RealExports.xEducationTypes,
            questions: Self.funnelQuestions, expect: "converted,converted,")
    }

    @Test(
        "Maven's pipeline in PostgreSQL: CRM stages, the SLA and the SLA by agent as on the file",
        .enabled(if: PostgresCluster.available, PostgresCluster.missing), .requiresShared(maven))
    func mavenInPostgres() throws {
        try samePostgres(
            RealExports.maven, export: Self.maven, types: RealExports.mavenTypes,
            expect: "engaging,Darcel Schlecht,636,182,28.6")
    }

    @Test(
        "X Education and Maven in DuckDB: every question's SQL gives the evaluator's numbers",
        .enabled(if: DuckDB.available, DuckDB.missing), .requiresShared(xEducation, maven))
    func inDuckDB() throws {
        let differential = SQLDifferentialTests()
        for (workbook, relative, measured) in [
            (RealExports.xEducation, Self.xEducation, false), (RealExports.maven, Self.maven, true),
        ] {
            let (file, _, export) = try Self.onFile(
                workbook, export: TestSupport.sharedFolder.appendingPathComponent(relative).path)
            try differential.compareAll(file, export: export, owners: measured, handoffs: measured)
        }
    }

    @Test(
        "Olist in DuckDB: MQLs joined with closed deals, day-first dates, every question's SQL gives the evaluator's numbers",
        .enabled(if: DuckDB.available, DuckDB.missing),
        .requiresShared(
            "data/olist-funnel/olist_marketing_qualified_leads_dataset.csv",
            "data/olist-funnel/olist_closed_deals_dataset.csv"))
    func olistInDuckDB() throws {
        let data = TestSupport.sharedFolder.appendingPathComponent("data/olist-funnel")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "lockstep-olist-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for name in ["olist_marketing_qualified_leads_dataset.csv", "olist_closed_deals_dataset.csv"] {
            try FileManager.default.copyItem(
                at: data.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
        let workbook = folder.appendingPathComponent("olist.yaml").path
        try String(
            contentsOf: repositoryRoot.appendingPathComponent("examples/olist/olist.yaml"), encoding: .utf8
        ).replacingOccurrences(of: "../../../shared/data/olist-funnel/", with: "")
            .write(toFile: workbook, atomically: true, encoding: .utf8)
        try SQLDifferentialTests().compareAll(
            workbook, export: folder.appendingPathComponent("olist_marketing_qualified_leads_dataset.csv").path,
            join: ("olist_closed_deals_dataset", folder.appendingPathComponent("olist_closed_deals_dataset.csv").path),
            dateFormat: "DD-MM-YYYY", owners: false)
    }

    @Test(
        "X Education and Maven in Spark: the funnel with 'Select' read as empty, CRM stages, the SLA by agent, as on the file",
        .enabled(if: Spark.available, Spark.missing), .requiresShared(xEducation, maven))
    func inSpark() throws {
        for (workbook, relative, types, questions) in [
            (RealExports.xEducation, Self.xEducation, RealExports.xEducationTypes, Self.funnelQuestions),
            (RealExports.maven, Self.maven, RealExports.mavenTypes, Self.questions),
        ] {
            let export = TestSupport.sharedFolder.appendingPathComponent(relative).path
            let (file, folder, _) = try Self.onFile(workbook, export: export)
            try SparkTests.load(export, types: types, table: "crm", in: folder)
            let database = try Self.inDatabase(workbook, url: "spark:local", table: "crm", folder: folder)
            let ours = try runLockstep(["-c", questions, file])
            let theirs = try runLockstep(["-c", questions, database], in: folder.path)
            #expect(theirs.code == 0, "\(theirs.errors)")
            #expect(ours.output == theirs.output, "\(relative)")
        }
    }
}
