import Foundation
import LockstepCore
import TestSupport
import Testing

/// DuckDB's Python package, which runs the generated SQL.
enum DuckDB {
    static let available = (try? runProgram("python3", ["-c", "import duckdb"]).code) == 0
    static let missing: Comment =
        "DuckDB's Python package is absent (pip install duckdb, or make deps): the generated SQL is not run"
}

/// The SQL `lockstep sql` writes gives the numbers the evaluator gives: run in DuckDB on the
/// same export, loaded as a warehouse would type it, for every question; and for seeded random
/// criteria over every kind of test the language has.
@Suite("Lead questions as SQL, in DuckDB beside the evaluator", .enabled(if: DuckDB.available, DuckDB.missing))
struct SQLDifferentialTests {
    typealias Rows = [[String: Any]]

    func json(_ text: String) throws -> Rows {
        try JSONSerialization.jsonObject(with: Data(text.utf8)) as? Rows ?? []
    }

    /// Each `set format json` table the commands printed, in order.
    func tables(_ workbook: String, _ commands: String) throws -> [Rows] {
        let result = try runLockstep(["-c", "set format json; " + commands, workbook])
        #expect(result.code == 0, "\(result.errors)")
        // Text a command says besides its table (`data`'s summary) comes before the table's `[`.
        return try result.output.components(separatedBy: "\n]\n").compactMap { piece in
            guard let start = piece.range(of: "[\n") else { return nil }
            return try json(String(piece[start.lowerBound...]) + "\n]")
        }
    }

    /// The questions' SQL run in DuckDB on `export`, one table per question.
    func inDuckDB(
        _ workbook: String, export: String, join: (table: String, file: String)? = nil, dateFormat: String? = nil,
        _ questions: [String]
    ) throws -> [Rows] {
        let types = try tables(workbook, "data")[0].reduce(into: [String: String]()) { types, row in
            let type = row["type"] as? String
            types[row["column"] as! String] = type == "date" ? dateFormat.map { "date:" + $0 } ?? type : type
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lockstep-sql-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let typesFile = folder.appendingPathComponent("types.json")
        try JSONSerialization.data(withJSONObject: types).write(to: typesFile)
        var files: [String] = []
        for (index, question) in questions.enumerated() {
            let sql = try runLockstep(["-c", "sql \(question) --dialect duckdb --as-of \(TestSupport.today)", workbook])
            #expect(sql.code == 0, "\(sql.errors)")
            let file = folder.appendingPathComponent("\(index).sql")
            try sql.output.write(to: file, atomically: true, encoding: .utf8)
            files.append(file.path)
        }
        let run = try runProgram(
            "python3",
            [repositoryRoot.appendingPathComponent("Tests/Support/sql_on_duckdb.py").path, export, typesFile.path]
                + (join.map { ["--join", "\($0.table)=\($0.file)"] } ?? []) + files)
        #expect(run.code == 0, "\(run.errors)")
        return try run.output.split(separator: "\n").map { try json(String($0)) }
    }

    func int(_ value: Any?) -> Int? { (value as? NSNumber)?.intValue ?? (value as? String).flatMap(Int.init) }

    /// funnel, sla, ignored, and sla --by-owner when the export names owners, compared number by number.
    /// Without `handoffs` (a workbook with no hand-off to measure), the funnel alone.
    func compareAll(
        _ workbook: String, export: String, join: (table: String, file: String)? = nil, dateFormat: String? = nil,
        owners byOwner: Bool = true, handoffs: Bool = true
    ) throws {
        let questions = ["funnel"] + (handoffs ? ["sla", "ignored"] : []) + (byOwner ? ["sla --by-owner"] : [])
        let ours = try tables(workbook, questions.joined(separator: "; "))
        let theirs = try inDuckDB(workbook, export: export, join: join, dateFormat: dateFormat, questions)
        try #require(ours.count == questions.count && theirs.count == questions.count)
        func cell(_ value: Any?) -> String { value.map { $0 is NSNull ? "" : "\($0)" } ?? "" }
        let funnel = ours[0].map { row in
            [
                row["stage"] as! String, cell(row["meets criteria (cumulative)"]), cell(row["CRM stage now"]),
                cell(row["at it now, not meeting"]), cell(row["meeting, CRM has earlier"]),
            ]
        }
        let sqlFunnel = theirs[0].map { row in
            [
                row["stage"] as! String, "\(int(row["meets"])!)", int(row["crm_stage_now"]).map(String.init) ?? "",
                int(row["at_it_not_meeting"]).map(String.init) ?? "",
                int(row["meeting_crm_has_earlier"]).map(String.init) ?? "",
            ]
        }
        #expect(funnel == sqlFunnel, "funnel on \(export)")
        guard handoffs else { return #expect(funnel.count > 1) }
        let sla = ours[1].map { "\($0["stage"]!) \($0["handed off"]!) \($0["breaches"]!)" }
        #expect(
            sla == theirs[1].map { "\($0["stage"]!) \(int($0["handed_off"])!) \(int($0["breaches"])!)" },
            "sla on \(export)")
        #expect(funnel.count > 1 && !sla.isEmpty, "something was compared")
        let ignored = ours[2].map { "\($0["stage"]!) \($0["no sales touch"]!)" }
        #expect(ignored == theirs[2].map { "\($0["stage"]!) \(int($0["untouched"])!)" })
        guard byOwner else { return }
        let owners = Set(ours[3].map { "\($0["stage"]!) \($0["owner"]!) \($0["handed off"]!) \($0["breaches"]!)" })
        #expect(!owners.isEmpty)
        #expect(
            owners
                == Set(
                    theirs[3].map {
                        "\($0["stage"]!) \($0["owner"]!) \(int($0["handed_off"])!) \(int($0["breaches"])!)"
                    }))
    }

    @Test("the example: funnel, CRM stages, SLA, SLA by owner and ignored are the evaluator's numbers")
    func example() throws {
        try compareAll(
            exampleWorkbook,
            export: repositoryRoot.appendingPathComponent("examples/crm/acme-hubspot-contacts.csv").path)
    }

    /// A workbook over the benchmark's export (../shared/bench/README.md) with one lead stage
    /// per criteria, and the export of `rows` rows beside it.
    static func benchWorkbook(rows: Int, criteria: [String]) throws -> (workbook: String, export: String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "lockstep-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let export = folder.appendingPathComponent("leads.csv").path
        let generated = try runProgram(
            "python3",
            [TestSupport.sharedFolder.appendingPathComponent("bench/gen_leads.py").path, String(rows), export])
        #expect(generated.code == 0, "\(generated.errors)")
        var text = try String(
            contentsOf: repositoryRoot.appendingPathComponent("benchmarks/leads-bench.yaml"), encoding: .utf8)
        if !criteria.isEmpty {
            let stages = criteria.enumerated().map { index, condition in
                "    - id: c\(index)\n      owner: marketing\n      criteria: \(condition.yamlQuoted)\n"
            }.joined()
            text = text.replacingOccurrences(of: "  data:\n", with: stages + "  data:\n")
        }
        let workbook = folder.appendingPathComponent("bench.yaml").path
        try text.write(toFile: workbook, atomically: true, encoding: .utf8)
        return (workbook, export)
    }

    /// The benchmark workbook `workbook` written beside it again, reading its rows from `url`
    /// (a database, or `spark:local`) rather than from its export.
    static func benchWorkbook(_ workbook: String, readingFrom url: String) throws -> String {
        let elsewhere = URL(fileURLWithPath: workbook).deletingLastPathComponent().appendingPathComponent(
            "elsewhere.yaml"
        ).path
        try String(contentsOfFile: workbook, encoding: .utf8).replacingOccurrences(
            of: "    file: leads.csv\n", with: "    url: \(url)\n"
        ).write(toFile: elsewhere, atomically: true, encoding: .utf8)
        return elsewhere
    }

    @Test(
        "the benchmark's 1M-row export: every question gives the evaluator's numbers and the README's",
        .requiresShared("bench/gen_leads.py"))
    func millionRows() throws {
        let (workbook, export) = try Self.benchWorkbook(rows: 1_000_000, criteria: [])
        try compareAll(workbook, export: export, owners: false)
        let funnel = try tables(workbook, "funnel")[0]
        #expect(
            funnel.map { "\($0["stage"]!) \($0["meets criteria (cumulative)"]!)" } == [
                "inquiry 1000000", "mql 21111", "sql 6149",
            ])
    }

    @Test(
        "seeded random criteria over every test of the language count the same rows in SQL as in the evaluator",
        .requiresShared("bench/gen_leads.py"))
    func randomCriteria() throws {
        var random = SeededRandom(fallback: 20261130, label: "random criteria")
        let criteria = (0..<40).map { _ in RandomCriteria.condition(depth: 3, using: &random) }
        let (workbook, export) = try Self.benchWorkbook(rows: 10_000, criteria: criteria)
        let ours = try tables(workbook, "funnel")[0]
        let theirs = try inDuckDB(workbook, export: export, ["funnel"])[0]
        #expect(ours.count == theirs.count && ours.count > 40)
        // Criteria that pass everything or nothing would prove little: the counts must vary.
        #expect(Set(ours.map { "\($0["meets criteria (cumulative)"]!)" }).count >= 15, "\(ours)")
        for (mine, other) in zip(ours, theirs) {
            let stage = mine["stage"] as! String
            let index = Int(stage.dropFirst()).flatMap { stage.hasPrefix("c") ? $0 : nil }
            #expect(
                "\(mine["meets criteria (cumulative)"]!)" == "\(int(other["meets"])!)",
                "\(stage): \(index.map { criteria[$0] } ?? "") (seed \(random.seed))")
        }
    }
}

/// The benchmark export's columns, typed as benchmarks/leads-bench.yaml declares them.
let benchTypes = [
    "score": "number", "employees": "number", "country": "string", "title": "string", "budget_confirmed": "bool",
    "mql_at": "date", "first_touch_at": "date", "lifecycle_stage": "string",
]

extension String {
    /// The text as a double-quoted YAML scalar.
    fileprivate var yamlQuoted: String {
        "\"" + replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
