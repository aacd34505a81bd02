/// RFC 4180 csv: a header row, fields quoted when they hold a comma, quote or line break.
///
/// A text cell that a spreadsheet would run as a formula (it starts with `=`, `+`, `-`, `@`, a
/// tab or a carriage return) gets a leading `'`, as OWASP recommends against CSV injection;
/// numbers are left alone. `set csv-formulas raw` turns that off for machine consumers.
enum CSVRenderer {
    static func render(_ table: Table, neutralizingFormulas: Bool = true) -> String {
        var out = table.columns.map { field($0.title, neutralizing: neutralizingFormulas) }.joined(separator: ",") + "\r\n"
        for row in table.rows {
            out += row.map { cell in
                guard case .text(let text) = cell else { return field(cell.text) }
                return field(text, neutralizing: neutralizingFormulas)
            }.joined(separator: ",") + "\r\n"
        }
        return out
    }

    static let formulaStarts: Set<Character> = ["=", "+", "-", "@", "\t", "\r"]

    static func field(_ raw: String, neutralizing: Bool) -> String {
        var text = Sanitized.visible(raw, keepingLayout: true)
        if neutralizing, let first = raw.first, formulaStarts.contains(first) { text = "'" + text }
        return field(text)
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
