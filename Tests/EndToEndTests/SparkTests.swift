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
}
