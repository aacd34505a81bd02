/// A GitHub-flavoured Markdown table, ready to paste into a pull request or an email.
enum MarkdownRenderer {
    static func render(_ table: Table) -> String {
        var lines = ["| " + table.columns.map { escape($0.title) }.joined(separator: " | ") + " |"]
        lines.append("|" + table.columns.map { $0.alignment == .right ? " ---: |" : " --- |" }.joined())
        for row in table.rows {
            lines.append("| " + table.columns.indices.map { escape($0 < row.count ? row[$0].text : "") }.joined(separator: " | ") + " |")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "|": out += "\\|"
            case "\n", "\r": out += " "
            default: out.append(character)
            }
        }
        return out
    }
}
