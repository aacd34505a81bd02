import Foundation
import LockstepCore

/// A PostgreSQL connection URL, read as libpq reads the common forms, with the password refused:
/// a workbook is shared and committed, so a password in it would leak.
struct PostgresURL: Sendable {
    var host = "127.0.0.1"
    var port = 5432
    var user: String
    var database: String?
    /// A folder holding the server's socket (`?host=/run/postgresql`), instead of TCP.
    var socketFolder: String?

    /// The connection as a person reads it, without a password.
    var name: String {
        "postgresql://\(user)@\(socketFolder ?? host):\(port)/\(database ?? "")"
    }

    init(_ text: String) throws(SQLDatabaseError) {
        guard let components = URLComponents(string: text),
            ["postgresql", "postgres"].contains(components.scheme ?? "")
        else {
            throw SQLDatabaseError(
                message:
                    "'\(Sanitized.excerpt(text))' is not a postgresql:// URL (postgresql://USER@HOST:PORT/DATABASE)")
        }
        guard components.password == nil else {
            throw SQLDatabaseError(
                message: "the URL holds a password; give it in PGPASSWORD or ~/.pgpass instead, never in the workbook")
        }
        user = components.user ?? FileSystem.environment("PGUSER") ?? FileSystem.environment("USER") ?? "postgres"
        if let host = components.host, !host.isEmpty { self.host = host }
        if let port = components.port { self.port = port }
        let path = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        database = path.isEmpty ? nil : path
        for item in components.queryItems ?? [] where item.name == "host" {
            if let value = item.value, value.hasPrefix("/") {
                socketFolder = value
            } else if let value = item.value {
                host = value
            }
        }
    }
}

/// `~/.pgpass` (or `PGPASSFILE`): `host:port:database:user:password` lines, `*` matching anything.
struct PasswordFile {
    let entries: [[String]]

    static func standard() -> PasswordFile? {
        let path = FileSystem.environment("PGPASSFILE") ?? FileSystem.environment("HOME").map { $0 + "/.pgpass" }
        guard let path, let bytes = try? FileSystem.readBytes(path, limit: 1 << 20) else { return nil }
        let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n").filter { !$0.hasPrefix("#") }
        return PasswordFile(entries: lines.map(Self.fields))
    }

    /// A line's five fields; `\:` and `\\` stand for a colon and a backslash.
    static func fields(_ line: Substring) -> [String] {
        var fields: [String] = [], current = "", escaped = false
        for character in line {
            if escaped {
                current.append(character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == ":" {
                fields.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        fields.append(current)
        return fields
    }

    func password(for url: PostgresURL) -> String? {
        let wanted = [
            url.socketFolder == nil ? url.host : "localhost", String(url.port), url.database ?? url.user, url.user,
        ]
        return entries.first { entry in
            entry.count == 5 && zip(entry.prefix(4), wanted).allSatisfy { $0 == "*" || $0 == $1 }
        }?[4]
    }
}
