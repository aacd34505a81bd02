import Dispatch
import Foundation
import LockstepCore
import Logging
import NIOCore
import PostgresNIO

/// Connects to PostgreSQL through PostgresNIO, for the lead questions run where the data is.
///
/// A URL names the server, user and database (`postgresql://crm@db.internal:5432/sales`,
/// `postgresql:///sales?host=/run/postgresql` for a socket); the password comes from
/// `PGPASSWORD` or the user's `~/.pgpass` (or `PGPASSFILE`), never from a workbook.
/// The databases Lockstep connects to, by the URL's scheme: PostgreSQL, and Spark.
public struct WarehouseConnector: SQLConnector {
    public init() {}

    public var schemes: [String] { PostgresConnector().schemes + SparkConnector().schemes }

    public func connect(_ url: String) throws(SQLDatabaseError) -> any SQLDatabase {
        url.hasPrefix("spark:") ? try SparkConnector().connect(url) : try PostgresConnector().connect(url)
    }
}

public struct PostgresConnector: SQLConnector {
    public init() {}

    public var schemes: [String] { ["postgresql", "postgres"] }

    public func connect(_ url: String) throws(SQLDatabaseError) -> any SQLDatabase {
        let target = try PostgresURL(url)
        let password = FileSystem.environment("PGPASSWORD") ?? PasswordFile.standard()?.password(for: target)
        let configuration: PostgresConnection.Configuration
        if let socket = target.socketFolder {
            configuration = .init(
                unixSocketPath: socket + "/.s.PGSQL.\(target.port)", username: target.user, password: password,
                database: target.database)
        } else {
            configuration = .init(
                host: target.host, port: target.port, username: target.user, password: password,
                database: target.database,
                tls: .disable)
        }
        let connection = try Blocking.run { () async throws(SQLDatabaseError) -> PostgresConnection in
            do {
                return try await PostgresConnection.connect(
                    configuration: configuration, id: 1, logger: Logger(label: "lockstep.postgres"))
            } catch {
                throw SQLDatabaseError(message: "cannot connect to \(target.name): \(PostgresDatabase.describe(error))")
            }
        }
        return PostgresDatabase(connection: connection, name: target.name)
    }
}

/// One open connection; each question is one query, answered before the next is sent.
final class PostgresDatabase: SQLDatabase, @unchecked Sendable {
    let connection: PostgresConnection
    let name: String
    var dialect: String { "postgres" }
    private let logger = Logger(label: "lockstep.postgres")

    init(connection: PostgresConnection, name: String) {
        self.connection = connection
        self.name = name
    }

    func rows(_ sql: String) throws(SQLDatabaseError) -> [[String: SQLValue]] {
        let connection = connection, logger = logger
        return try Blocking.run { () async throws(SQLDatabaseError) -> [[String: SQLValue]] in
            do {
                var rows: [[String: SQLValue]] = []
                for try await row in try await connection.query(PostgresQuery(unsafeSQL: sql), logger: logger) {
                    var values: [String: SQLValue] = [:]
                    for cell in row { values[cell.columnName] = Self.value(cell) }
                    rows.append(values)
                }
                return rows
            } catch let error as PSQLError {
                let position = error.serverInfo?[.position].flatMap(Int.init)
                throw SQLDatabaseError(message: Self.describe(error), position: position)
            } catch {
                throw SQLDatabaseError(message: Self.describe(error))
            }
        }
    }

    func columns(of table: String) throws(SQLDatabaseError) -> [String] {
        let parts = table.split(separator: ".").map(String.init)
        let schema = parts.count > 1 ? parts[0] : nil
        let name = parts.last ?? table
        let quote = { (text: String) in "'" + text.replacingOccurrences(of: "'", with: "''") + "'" }
        let sql =
            "SELECT column_name FROM information_schema.columns WHERE table_name = \(quote(name))"
            + (schema.map { " AND table_schema = \(quote($0))" } ?? " AND table_schema = ANY (current_schemas(false))")
            + " ORDER BY ordinal_position"
        return try rows(sql).compactMap { $0["column_name"]?.text }
    }

    private let closing = NSLock()
    private var closed = false

    /// Closes the connection and waits until it is closed (PostgresNIO requires that before the
    /// connection goes away); called from the shell's thread, never from an event loop.
    func close() {
        closing.lock()
        defer { closing.unlock() }
        guard !closed else { return }
        closed = true
        try? connection.close().wait()
    }

    deinit { close() }

    /// A cell as the plugin reads it: whole numbers, numbers, text, true/false or nothing.
    static func value(_ cell: PostgresCell) -> SQLValue {
        guard cell.bytes != nil else { return .null }
        switch cell.dataType {
        case .int2, .int4, .int8: return (try? cell.decode(Int.self)).map(SQLValue.integer) ?? .null
        case .float4, .float8: return (try? cell.decode(Double.self)).map(SQLValue.number) ?? .null
        case .numeric:
            if let text = try? cell.decode(String.self), let number = Double(text) {
                return number == number.rounded() ? .integer(Int(number)) : .number(number)
            }
            return .null
        case .bool: return (try? cell.decode(Bool.self)).map(SQLValue.bool) ?? .null
        default: return (try? cell.decode(String.self)).map(SQLValue.text) ?? .null
        }
    }

    /// The server's own message (and its hint), else the error's description.
    static func describe(_ error: any Error) -> String {
        if let error = error as? PSQLError {
            if let message = error.serverInfo?[.message] {
                return message + (error.serverInfo?[.hint].map { " (hint: \($0))" } ?? "")
            }
            return "\(error.code)"
        }
        return String(describing: error)
    }
}

/// Runs async work from the shell's synchronous commands: the calling thread waits on a
/// semaphore while the work runs on the concurrency pool, so it never waits on itself.
enum Blocking {
    /// Where the task leaves its result for the waiting thread; written once, before the signal.
    final class Box<Value>: @unchecked Sendable { var result: Result<Value, SQLDatabaseError>? }

    static func run<Value: Sendable>(
        _ work: @escaping @Sendable () async throws(SQLDatabaseError) -> Value
    ) throws(SQLDatabaseError) -> Value {
        let box = Box<Value>()
        let done = DispatchSemaphore(value: 0)
        Task {
            do throws(SQLDatabaseError) {
                box.result = .success(try await work())
            } catch {
                box.result = .failure(error)
            }
            done.signal()
        }
        done.wait()
        return try box.result!.get()
    }
}
