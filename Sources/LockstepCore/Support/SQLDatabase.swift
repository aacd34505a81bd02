/// A database a plugin can ask questions of, connected by the host application (the shell links
/// a PostgreSQL client): the core knows only this seam, the plugin writes the SQL.
public protocol SQLDatabase: AnyObject, Sendable {
    /// The connection as a person reads it, without its password: `postgresql://crm@db:5432/sales`.
    var name: String { get }
    /// The SQL it speaks: `postgres`, `spark`.
    var dialect: String { get }
    /// The rows of `sql`, each column by name. Blocks until the answer is in.
    func rows(_ sql: String) throws(SQLDatabaseError) -> [[String: SQLValue]]
    /// The columns of `table` (`schema.table` allowed), in order; empty when there is no such table.
    func columns(of table: String) throws(SQLDatabaseError) -> [String]
    func close()
}

/// One value of a row, as the plugin reads it.
public enum SQLValue: Sendable, Equatable {
    case null
    case integer(Int)
    case number(Double)
    case text(String)
    case bool(Bool)

    public var integer: Int? {
        switch self {
        case .integer(let value): return value
        case .number(let value) where value == value.rounded() && abs(value) < 1e18: return Int(value)
        case .text(let text): return Int(text)
        default: return nil
        }
    }

    public var text: String? {
        switch self {
        case .text(let text): return text
        case .integer(let value): return String(value)
        default: return nil
        }
    }
}

/// Why a database could not answer: its own message, and where in the SQL it points (a
/// character offset, 1-based, as PostgreSQL gives it) when it says.
public struct SQLDatabaseError: Error, Sendable, Equatable {
    public var message: String
    public var position: Int?

    public init(message: String, position: Int? = nil) {
        self.message = message
        self.position = position
    }
}

/// Connects to databases by URL (`postgresql://…`); the host application provides one.
public protocol SQLConnector: Sendable {
    /// The URL schemes it connects to.
    var schemes: [String] { get }
    /// A connection to `url`. The password is never in the URL a workbook holds: the connector
    /// takes it from the environment or the user's password file.
    func connect(_ url: String) throws(SQLDatabaseError) -> any SQLDatabase
}
