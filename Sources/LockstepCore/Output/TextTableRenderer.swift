/// Aligned columns that fit the terminal: the widest text columns are shortened with `…`.
struct TextTableRenderer {
    static let gap = 2
    static let narrowest = 6

    let options: RenderOptions

    func render(_ table: Table) -> String {
        guard !table.columns.isEmpty else { return "" }
        if table.rows.isEmpty { return "(none)\n" }
        // Data never drives the terminal: escape sequences, bells and line breaks show as escapes.
        let titles = table.columns.map { Sanitized.visible($0.title) }
        let rows = table.rows.map { $0.map { Sanitized.visible($0.text) } }
        let widths = fittedWidths(titles: titles, rows: rows, table: table)
        var lines = [line(titles, table: table, widths: widths, header: true, row: nil)]
        lines.append(widths.map { String(repeating: "─", count: $0) }.joined(separator: String(repeating: " ", count: Self.gap)))
        for (index, row) in rows.enumerated() {
            lines.append(line(row, table: table, widths: widths, header: false, row: index))
        }
        return lines.map { $0.trailingSpacesRemoved }.joined(separator: "\n") + "\n"
    }

    private func fittedWidths(titles: [String], rows: [[String]], table: Table) -> [Int] {
        var widths = titles.map(\.count)
        for row in rows {
            for (column, cell) in row.enumerated() where column < widths.count {
                widths[column] = max(widths[column], cell.count)
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
