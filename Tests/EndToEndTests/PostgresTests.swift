import Foundation
import TestSupport
import Testing

/// A PostgreSQL cluster of the tests' own (Tests/Support/postgres.py): initdb and pg_ctl from
/// Debian's postgresql package, on a free loopback port, stopped when the test is done.
final class PostgresCluster {
    static var available: Bool {
        FileManager.default.isExecutableFile(atPath: "/usr/bin/initdb")
            || ((try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? []).contains {
                FileManager.default.isExecutableFile(atPath: "/usr/lib/postgresql/\($0)/bin/initdb")
            }
    }
    static let missing: Comment =
        "PostgreSQL's server is absent (apt-get install postgresql, or make deps): the SQL is not run in it"
    static let script = repositoryRoot.appendingPathComponent("Tests/Support/postgres.py").path

    let folder: String
    let port: Int

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("lockstep-pg-\(UUID().uuidString)").path
        let started = try runProgram("python3", [Self.script, "start", folder])
        guard started.code == 0, let port = Int(started.output.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw ClusterFailure(reason: started.errors)
        }
        self.port = port
    }

    deinit {
        _ = try? runProgram("python3", [Self.script, "stop", folder])
        try? FileManager.default.removeItem(atPath: folder)
    }

    struct ClusterFailure: Error { let reason: String }

    var url: String { "postgresql://lockstep@127.0.0.1:\(port)/postgres" }

    /// Loads `export` into `table`, its columns typed as `types` says (column → lead field type).
    func load(_ export: String, types: [String: String], table: String = "leads") throws {
        let file = folder + "-types-\(table).json"
        try JSONSerialization.data(withJSONObject: types).write(to: URL(fileURLWithPath: file))
        let loaded = try runProgram("python3", [Self.script, "load", String(port), export, file, table])
        #expect(loaded.code == 0, "\(loaded.errors)")
    }

    func run(_ sql: String) throws -> ProcessResult {
        let file = folder + "-\(UUID().uuidString).sql"
        try sql.write(toFile: file, atomically: true, encoding: .utf8)
        return try runProgram("python3", [Self.script, "sql", String(port), file])
    }
}

/// The lead questions run as SQL in a real PostgreSQL, through PostgresNIO: the same output as
/// on the CSV export the table was loaded from.
@Suite("Lead questions in PostgreSQL", .enabled(if: PostgresCluster.available, PostgresCluster.missing))
struct PostgresTests {
    static let acmeTypes = [
        "HubSpot Score": "number", "Number of Employees": "number", "Country/Region": "string", "Job Title": "string",
        "Budget confirmed": "bool", "Became a Marketing Qualified Lead Date": "date", "First sales touch": "date",
        "Lifecycle Stage": "string", "Contact owner": "string",
    ]

    /// A copy of the example whose data is `url`'s table instead of its CSV file.
    func databaseWorkbook(_ url: String, table: String? = nil) throws -> String {
        let text = try String(contentsOfFile: exampleWorkbook, encoding: .utf8).replacingOccurrences(
            of: "    file: crm/acme-hubspot-contacts.csv\n",
            with: "    url: \(url)\n" + (table.map { "    table: \($0)\n" } ?? ""))
        let path = FileManager.default.temporaryDirectory.appendingPathComponent(
            "lockstep-db-\(UUID().uuidString).yaml"
        ).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test("the example's questions and data rules give on its table what they give on its CSV")
    func sameAsCSV() throws {
        let cluster = try PostgresCluster()
        try cluster.load(
            repositoryRoot.appendingPathComponent("examples/crm/acme-hubspot-contacts.csv").path, types: Self.acmeTypes)
        let workbook = try databaseWorkbook(cluster.url)
        let questions = "funnel; funnel --values; funnel --by country; sla; sla --by-owner; ignored"
        let inDatabase = try runLockstep(["-c", questions, workbook])
        let onFile = try runLockstep(["-c", questions, exampleWorkbook])
        #expect(inDatabase.code == 0, "\(inDatabase.errors)")
        #expect(inDatabase.output == onFile.output)
        #expect(
            inDatabase.output.contains("mql      Marketing qualified lead                           32             26"))
        let check = try runLockstep(["check", workbook, "--select", "LD", "--format", "json"])
        let fileCheck = try runLockstep(["check", exampleWorkbook, "--select", "LD", "--format", "json"])
        func findings(_ output: String) -> [String] {
            output.split(separator: "\n").filter { $0.contains("\"message\"") }.map { line in
                String(line.split(separator: ", \"target\"").first ?? line)
            }.sorted()
        }
        #expect(
            !findings(check.output).isEmpty && findings(check.output) == findings(fileCheck.output), "\(check.output)")
        let status = try runLockstep(["-c", "data", workbook])
        #expect(
            status.output.contains(
                "159 leads in table leads of postgresql://lockstep@127.0.0.1:\(cluster.port)/postgres"))
    }

    @Test(
        "data connect in a session; a password in the workbook, a missing table and an unmapped field are refused, named"
    )
    func connectAndRefuse() throws {
        let cluster = try PostgresCluster()
        try cluster.load(
            repositoryRoot.appendingPathComponent("examples/crm/acme-hubspot-contacts.csv").path, types: Self.acmeTypes,
            table: "contacts")
        let session = try runLockstep([
            "-c", "data connect \(cluster.url) --table contacts; sla; data disconnect; sla", exampleWorkbook,
        ])
        #expect(
            session.errors.contains(
                "connected to postgresql://lockstep@127.0.0.1:\(cluster.port)/postgres, table contacts"))
        #expect(
            session.output.components(separatedBy: "15         7      46.7").count == 3,
            "in the database, then on the file again: \(session.output)")
        let secret = try databaseWorkbook("postgresql://lockstep:hunter2@127.0.0.1:\(cluster.port)/postgres")
        let refused = try runLockstep(["check", secret])
        #expect(
            refused.code == 2 && refused.errors.contains("url of leads data") && refused.errors.contains("PGPASSWORD"))
        #expect(!refused.errors.contains("hunter2"), "the password is never repeated")
        let missing = try runLockstep(["-c", "funnel", try databaseWorkbook(cluster.url, table: "nowhere")])
        #expect(missing.errors.contains("has no table 'nowhere'"), "\(missing.errors)")
        _ = try cluster.run("ALTER TABLE contacts DROP COLUMN \"Number of Employees\";")
        let text = try String(contentsOfFile: try databaseWorkbook(cluster.url, table: "contacts"), encoding: .utf8)
            .replacingOccurrences(of: "columns: { employees: Number of Employees, ", with: "columns: { ")
        let unmapped = FileManager.default.temporaryDirectory.appendingPathComponent(
            "lockstep-db-\(UUID().uuidString).yaml"
        ).path
        try text.write(toFile: unmapped, atomically: true, encoding: .utf8)
        let field = try runLockstep(["-c", "funnel", unmapped])
        #expect(
            field.errors.contains(
                "the criteria of lead stage 'mql' use field 'employees', which table contacts has no column for"),
            "\(field.errors)")
    }

    @Test(
        "the benchmark's 1M rows in PostgreSQL: funnel and SLA are the evaluator's numbers and the README's",
        .requiresShared("bench/gen_leads.py"))
    func millionRows() throws {
        let cluster = try PostgresCluster()
        let (onFile, export) = try SQLDifferentialTests.benchWorkbook(rows: 1_000_000, criteria: [])
        let inDatabase = try SQLDifferentialTests.benchWorkbook(onFile, readingFrom: cluster.url)
        try cluster.load(export, types: benchTypes)
        let questions = "set format csv; funnel; funnel --values; sla"
        let database = try runLockstep(["-c", questions, inDatabase])
        let file = try runLockstep(["-c", questions, onFile])
        #expect(database.code == 0, "\(database.errors)")
        #expect(database.output == file.output)
        #expect(
            database.output.contains("mql,Marketing qualified lead,21111,") && database.output.contains("9524,4056"))
    }

    @Test(
        "seeded random criteria count the same rows in PostgreSQL as in the evaluator",
        .requiresShared("bench/gen_leads.py"))
    func randomCriteria() throws {
        var random = SeededRandom(fallback: 20261201, label: "random criteria in PostgreSQL")
        let criteria = (0..<40).map { _ in RandomCriteria.condition(depth: 3, using: &random) }
        let (onFile, export) = try SQLDifferentialTests.benchWorkbook(rows: 10_000, criteria: criteria)
        let cluster = try PostgresCluster()
        try cluster.load(export, types: benchTypes)
        let inDatabase = try SQLDifferentialTests.benchWorkbook(onFile, readingFrom: cluster.url)
        let questions = "set format csv; funnel"
        let ours = try runLockstep(["-c", questions, onFile]), theirs = try runLockstep(["-c", questions, inDatabase])
        #expect(theirs.code == 0, "\(theirs.errors)")
        #expect(ours.output == theirs.output, "seed \(random.seed)")
        #expect(ours.output.split(whereSeparator: \.isNewline).count > 40, "\(ours.output)\(ours.errors)")
    }

    @Test(
        "Olist's real export: MQLs joined with closed deals, day-first dates, the same answers in PostgreSQL",
        .requiresShared(
            "data/olist-funnel/olist_marketing_qualified_leads_dataset.csv",
            "data/olist-funnel/olist_closed_deals_dataset.csv"))
    func olist() throws {
        let cluster = try PostgresCluster()
        let data = TestSupport.sharedFolder.appendingPathComponent("data/olist-funnel")
        try cluster.load(
            data.appendingPathComponent("olist_marketing_qualified_leads_dataset.csv").path,
            types: ["first_contact_date": "date:DD-MM-YYYY", "origin": "string"], table: "mqls")
        try cluster.load(
            data.appendingPathComponent("olist_closed_deals_dataset.csv").path,
            types: ["won_date": "date:DD-MM-YYYY", "business_segment": "string"], table: "olist_closed_deals_dataset")
        let workbook = repositoryRoot.appendingPathComponent("examples/olist/olist.yaml").path
        let inDatabase = FileManager.default.temporaryDirectory.appendingPathComponent(
            "lockstep-olist-\(UUID().uuidString).yaml"
        ).path
        try String(contentsOfFile: workbook, encoding: .utf8).replacingOccurrences(
            of: "    file: ../../../shared/data/olist-funnel/olist_marketing_qualified_leads_dataset.csv\n",
            with: "    url: \(cluster.url)\n    table: mqls\n"
        ).write(toFile: inDatabase, atomically: true, encoding: .utf8)
        let questions = "funnel; sla; ignored; funnel --by origin"
        let database = try runLockstep(["-c", questions, inDatabase])
        let file = try runLockstep(["--allow-data-outside", "-c", questions, workbook])
        #expect(database.code == 0, "\(database.errors)")
        #expect(database.output == file.output)
        #expect(database.output.contains("won    Seller signed") && database.output.contains("842"))
    }
}
