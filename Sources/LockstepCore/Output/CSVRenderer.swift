/// RFC 4180 csv: a header row, fields quoted when they hold a comma, quote or line break.
enum CSVRenderer {
    static func render(_ table: Table) -> String {
        var out = table.columns.map { field($0.title) }.joined(separator: ",") + "\r\n"
        for row in table.rows {
            out += row.map { field($0.text) }.joined(separator: ",") + "\r\n"
        }
        return out
    }

    static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingAll("\"", with: "\"\"") + "\""
    }
}

extension String {
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var out = ""
        for character in self {
            if character == target { out += replacement } else { out.append(character) }
        }
        return out
    }
}
