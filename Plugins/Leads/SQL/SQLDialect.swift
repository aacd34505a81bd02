import LockstepCore

/// The SQL dialects the lead questions are written in, and where they differ: quoting, text
/// functions, and how a timestamp becomes days since 1970 (the evaluator's unit for dates).
///
/// Every value from the workbook reaches the SQL through `identifier` or `string`, which escape
/// it for the dialect: a stage name or a CRM value can never become SQL.
enum SQLDialect: String, CaseIterable, Sendable {
    case postgres, duckdb, spark, bigquery, snowflake

    /// A quoted identifier: `"Lead Source"`, or with backticks where the dialect quotes so.
    func identifier(_ name: String) -> String {
        switch self {
        case .spark: return "`" + Self.escaping(name, ["`": "``"]) + "`"
        case .bigquery: return "`" + Self.escaping(name, ["\\": "\\\\", "`": "\\`"]) + "`"
        default: return "\"" + Self.escaping(name, ["\"": "\"\""]) + "\""
        }
    }

    /// A text literal. PostgreSQL and DuckDB take backslashes as they are; the others read
    /// backslash escapes, so those are escaped too.
    func string(_ text: String) -> String {
        switch self {
        case .postgres, .duckdb: return "'" + Self.escaping(text, ["'": "''"]) + "'"
        default:
            var out = "'"
            for scalar in text.unicodeScalars {
                switch scalar {
                case "\\": out += "\\\\"
                case "'": out += "\\'"
                case "\n": out += "\\n"
                case "\r": out += "\\r"
                case "\t": out += "\\t"
                default: out.unicodeScalars.append(scalar)
                }
            }
            return out + "'"
        }
    }

    /// `text` with each character of `replacements` written as its replacement.
    private static func escaping(_ text: String, _ replacements: [Character: String]) -> String {
        var out = ""
        for character in text { out += replacements[character] ?? String(character) }
        return out
    }

    var doubleType: String {
        switch self {
        case .postgres: return "DOUBLE PRECISION"
        case .bigquery: return "FLOAT64"
        default: return "DOUBLE"
        }
    }

    /// A number literal as a double, exactly the value the evaluator compares with.
    func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return "CAST(\(value.description) AS \(doubleType))"
    }

    /// `part` occurs in `text` (both non-null).
    func contains(_ text: String, _ part: String) -> String {
        switch self {
        case .postgres, .duckdb, .bigquery: return "STRPOS(\(text), \(part)) > 0"
        case .spark: return "INSTR(\(text), \(part)) > 0"
        case .snowflake: return "POSITION(\(part) IN \(text)) > 0"
        }
    }

    /// `text` starts with the literal `prefix` of `length` characters.
    func startsWith(_ text: String, _ prefix: String, length: Int) -> String {
        "SUBSTR(\(text), 1, \(length)) = \(prefix)"
    }

    /// A timestamp column as days since 1970-01-01 UTC, the time of day a fraction.
    func days(ofTimestamp column: String) -> String {
        switch self {
        case .postgres: return "(date_part('epoch', \(column)) / 86400)"
        case .duckdb: return "(epoch_us(\(column)) / 86400000000)"
        case .spark: return "(CAST(unix_micros(\(column)) AS DOUBLE) / 86400000000)"
        case .bigquery: return "(UNIX_MICROS(\(column)) / 86400000000)"
        case .snowflake: return "(CAST(DATE_PART(epoch_microsecond, \(column)) AS DOUBLE) / 86400000000)"
        }
    }

    /// Today as days since 1970-01-01, when the SQL runs.
    var today: String {
        switch self {
        case .postgres, .duckdb: return "(CURRENT_DATE - DATE '1970-01-01')"
        case .spark: return "unix_date(current_date())"
        case .bigquery: return "UNIX_DATE(CURRENT_DATE())"
        case .snowflake: return "DATEDIFF(day, '1970-01-01'::date, CURRENT_DATE())"
        }
    }

    /// A CRM stage value as the workbook compares it: lower case, letters and digits only.
    func normalized(_ value: String) -> String {
        switch self {
        case .postgres: return "regexp_replace(lower(\(value)), '[^[:alnum:]]', '', 'g')"
        case .duckdb: return "regexp_replace(lower(\(value)), '[^\\p{L}\\p{Nd}]', '', 'g')"
        case .spark: return "regexp_replace(lower(\(value)), '[^\\\\p{L}\\\\p{Nd}]', '')"
        case .bigquery: return "REGEXP_REPLACE(LOWER(\(value)), r'[^\\p{L}\\p{Nd}]', '')"
        case .snowflake: return "REGEXP_REPLACE(LOWER(\(value)), '[^[:alnum:]]', '')"
        }
    }

    /// A boolean expression counted over rows; an aggregate's own filter where the dialect has
    /// one, which skips the rows that fail rather than adding a 0 for each.
    func count(_ condition: String) -> String {
        switch self {
        case .postgres, .duckdb: return "COUNT(*) FILTER (WHERE \(condition))"
        case .bigquery: return "COUNTIF(\(condition))"
        case .snowflake: return "COUNT_IF(\(condition))"
        case .spark: return "SUM(CASE WHEN \(condition) THEN 1 ELSE 0 END)"
        }
    }

    /// The same, as a whole number even over no row.
    func tally(_ condition: String) -> String { "COALESCE(\(count(condition)), 0)" }
}
