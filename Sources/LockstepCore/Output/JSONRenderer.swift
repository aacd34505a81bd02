/// A JSON array of objects keyed by column title, keys in column order, numbers as numbers.
///
/// Hand-written because the standard encoders do not keep key order, and readers of
/// `lockstep … | jq` expect the columns in the order the table shows them.
public enum JSONRenderer {
    static func render(_ table: Table) -> String {
        guard !table.rows.isEmpty else { return "[]\n" }
        let rows = table.rows.map { row in
            let fields = table.columns.enumerated().map { index, column in
                "\(quoted(column.title)): \(value(index < row.count ? row[index] : .empty))"
            }
            return "  {" + fields.joined(separator: ", ") + "}"
        }
        return "[\n" + rows.joined(separator: ",\n") + "\n]\n"
    }

    static func value(_ cell: Table.Cell) -> String {
        switch cell {
        case .text(let text), .code(let text): return quoted(text)
        case .integer(let number): return String(number)
        case .number(let number): return number.isFinite ? cell.text : "null"
        case .empty: return "null"
        }
    }

    /// A JSON string literal.
    public static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
