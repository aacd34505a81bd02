/// A GitHub-flavoured Markdown table, ready to paste into a pull request or an email.
enum MarkdownRenderer {
    static func render(_ table: Table) -> String {
        var lines = ["| " + table.columns.map { escape($0.title) }.joined(separator: " | ") + " |"]
        lines.append("|" + table.columns.map { $0.alignment == .right ? " ---: |" : " --- |" }.joined())
        for row in table.rows {
            lines.append("| " + table.columns.indices.map { $0 < row.count ? cell(row[$0]) : "" }.joined(separator: " | ") + " |")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func escape(_ text: String) -> String { MarkdownText.inline(text) }

    static func cell(_ cell: Table.Cell) -> String {
        guard case .code(let text) = cell else { return escape(cell.text) }
        return MarkdownText.code(text)
    }
}
