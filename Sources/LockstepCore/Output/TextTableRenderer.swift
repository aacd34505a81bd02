/// Aligned columns that fit the terminal: the widest text columns are shortened with `…`.
struct TextTableRenderer {
    static let gap = 2
    static let narrowest = 6

    let options: RenderOptions

    func render(_ table: Table) -> String {
        guard !table.columns.isEmpty else { return "" }
        if table.rows.isEmpty { return "(none)\n" }
        let widths = fittedWidths(table)
        var lines = [line(table.columns.map(\.title), table: table, widths: widths, header: true, row: nil)]
        lines.append(widths.map { String(repeating: "─", count: $0) }.joined(separator: String(repeating: " ", count: Self.gap)))
        for (index, row) in table.rows.enumerated() {
            lines.append(line(row.map(\.text), table: table, widths: widths, header: false, row: index))
        }
        return lines.map { $0.trailingSpacesRemoved }.joined(separator: "\n") + "\n"
    }

    private func fittedWidths(_ table: Table) -> [Int] {
        var widths = table.columns.map { $0.title.count }
        for row in table.rows {
            for (column, cell) in row.enumerated() where column < widths.count {
                widths[column] = max(widths[column], cell.text.count)
            }
        }
        guard let available = options.width else { return widths }
        var total = widths.reduce(0, +) + Self.gap * (widths.count - 1)
        while total > available {
            // Shorten the widest left-aligned column; numbers are never cut.
            let candidates = widths.indices.filter { table.columns[$0].alignment == .left && widths[$0] > Self.narrowest }
            guard let widest = candidates.max(by: { widths[$0] < widths[$1] }) else { break }
            widths[widest] -= 1
            total -= 1
        }
        return widths
    }

    private func line(_ texts: [String], table: Table, widths: [Int], header: Bool, row: Int?) -> String {
        var cells: [String] = []
        for (column, width) in widths.enumerated() {
            var text = column < texts.count ? texts[column] : ""
            if text.count > width { text = String(text.prefix(width - 1)) + "…" }
            let padding = String(repeating: " ", count: width - text.count)
            var cell = table.columns[column].alignment == .right ? padding + text : text + padding
            if options.color {
                if header {
                    cell = "\u{1B}[1m" + cell + "\u{1B}[0m"
                } else if let row, table.highlighted.contains([row, column]) {
                    cell = "\u{1B}[31;1m" + cell + "\u{1B}[0m"
                }
            }
            cells.append(cell)
        }
        return cells.joined(separator: String(repeating: " ", count: Self.gap))
    }
}

extension String {
    var trailingSpacesRemoved: String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
