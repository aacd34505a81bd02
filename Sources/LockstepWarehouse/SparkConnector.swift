import Foundation
import LockstepCore

/// Runs the lead questions' Spark SQL through Spark's own client, `spark-sql`: from `SPARK_HOME`,
/// from the `pyspark` package, or on `PATH`. `spark:local` runs Spark in this process's machine
/// (two cores), in the current folder's catalog (`metastore_db`, `spark-warehouse`);
/// `spark://HOST:PORT` names a cluster's master.
///
/// Each query starts the client anew (seconds, not milliseconds): a lead question asks one or two.
public struct SparkConnector: SQLConnector {
    public init() {}

    public var schemes: [String] { ["spark"] }

    public func connect(_ url: String) throws(SQLDatabaseError) -> any SQLDatabase {
        let master: String
        if url == "spark:local" || url == "spark://local" {
            master = "local[2]"
        } else if url.hasPrefix("spark://") {
            master = url
        } else {
            throw SQLDatabaseError(message: "'\(Sanitized.excerpt(url))' is not spark:local or spark://HOST:PORT")
        }
        guard let client = Self.client() else {
            throw SQLDatabaseError(
                message:
                    "Spark's spark-sql client was not found: pip install pyspark (it needs Java 17 or later), or set SPARK_HOME"
            )
        }
        return SparkDatabase(client: client, master: master, name: url)
    }

    /// `spark-sql`: `SPARK_HOME`'s, the pyspark package's, or the first on `PATH`.
    static func client() -> String? {
        if let home = FileSystem.environment("SPARK_HOME"),
            FileManager.default.isExecutableFile(atPath: home + "/bin/spark-sql")
        {
            return home + "/bin/spark-sql"
        }
        if let found = try? ChildProcess.run(
            ["/usr/bin/env", "python3", "-c", "import os, pyspark; print(os.path.dirname(pyspark.__file__))"],
            outputLimit: 1 << 16, timeout: 30), found.status == 0
        {
            let folder = String(decoding: found.output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            if FileManager.default.isExecutableFile(atPath: folder + "/bin/spark-sql") {
                return folder + "/bin/spark-sql"
            }
        }
        return ChildProcess.find(["spark-sql"])
    }
}

/// One Spark "connection": the client and master each query is run with.
final class SparkDatabase: SQLDatabase, @unchecked Sendable {
    let client: String
    let master: String
    let name: String
    var dialect: String { "spark" }
    /// Seconds a query may take: a cluster may queue it.
    static let timeout = 600

    init(client: String, master: String, name: String) {
        self.client = client
        self.master = master
        self.name = name
    }

    func rows(_ sql: String) throws(SQLDatabaseError) -> [[String: SQLValue]] {
        let arguments = [
            client, "--master", master, "--conf", "spark.ui.enabled=false", "--conf", "spark.sql.session.timeZone=UTC",
            "--hiveconf", "hive.cli.print.header=true", "-S", "-e", sql,
        ]
        let result: ChildProcess.Result
        do {
            result = try ChildProcess.run(arguments, outputLimit: 64 << 20, timeout: Self.timeout)
        } catch {
            throw SQLDatabaseError(message: "spark-sql did not answer: \(error)")
        }
        guard result.status == 0 else {
            throw SQLDatabaseError(
                message: Self.message(result.errors), position: Self.position(result.errors, in: sql))
        }
        // Tab-separated, the header first; NULL for nothing. Values the questions read are numbers,
        // true/false and the CRM's stage and owner names.
        let lines = String(decoding: result.output, as: UTF8.self).split(
            separator: "\n", omittingEmptySubsequences: true)
        guard let header = lines.first?.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) else {
            return []
        }
        return lines.dropFirst().map { line in
            var row: [String: SQLValue] = [:]
            for (name, cell) in zip(header, line.split(separator: "\t", omittingEmptySubsequences: false)) {
                row[name] = Self.value(String(cell))
            }
            return row
        }
    }

    static func value(_ cell: String) -> SQLValue {
        switch cell {
        case "NULL": return .null
        case "true": return .bool(true)
        case "false": return .bool(false)
        default:
            if let integer = Int(cell) { return .integer(integer) }
            if let number = Double(cell), cell.contains(".") { return .number(number) }
            return .text(cell)
        }
    }

    /// Columns already asked for, by table: each question of a session asks again, and each ask
    /// starts the client.
    private var knownColumns: [String: [String]] = [:]
    private let lock = NSLock()

    func columns(of table: String) throws(SQLDatabaseError) -> [String] {
        if let known = lock.withLock({ knownColumns[table] }) { return known }
        let found = try describe(table)
        if !found.isEmpty { lock.withLock { knownColumns[table] = found } }
        return found
    }

    private func describe(_ table: String) throws(SQLDatabaseError) -> [String] {
        let quoted = table.split(separator: ".").map { "`" + $0.replacingOccurrences(of: "`", with: "``") + "`" }
            .joined(separator: ".")
        do {
            return try header(of: quoted)
        } catch {
            if error.message.contains("TABLE_OR_VIEW_NOT_FOUND") { return [] }
            throw error
        }
    }

    /// The column names `DESCRIBE` gives, in order.
    private func header(of table: String) throws(SQLDatabaseError) -> [String] {
        // DESCRIBE pads its names with spaces.
        try rows("DESCRIBE \(table)").compactMap { $0["col_name"]?.text?.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") }
    }

    func close() {}

    /// Spark's error, without its stack trace.
    static func message(_ errors: String) -> String {
        let lines = errors.split(separator: "\n").map(String.init)
        let error =
            lines.first { $0.contains("Error") || $0.contains("Exception") || $0.hasPrefix("[") } ?? lines.last
            ?? "spark-sql failed"
        return String(error.prefix(400))
    }

    /// Spark's `line L, pos P` as a character offset into `sql` (1-based).
    static func position(_ errors: String, in sql: String) -> Int? {
        guard let match = errors.firstMatch(of: /line (\d+), pos (\d+)/), let line = Int(match.1),
            let column = Int(match.2)
        else {
            return nil
        }
        let lines = sql.split(separator: "\n", omittingEmptySubsequences: false)
        guard line >= 1, line <= lines.count else { return nil }
        return lines.prefix(line - 1).reduce(0) { $0 + $1.count + 1 } + column + 1
    }
}
