/// The formats `set format` offers for every listing.
public enum OutputFormat: String, Sendable, CaseIterable {
    case table, csv, json, markdown

    public static var names: [String] { allCases.map(\.rawValue) }
}

/// Where output goes and what it may use there.
public struct RenderOptions: Sendable {
    /// The terminal's width in columns; nil when output is not a terminal (no truncation).
    public var width: Int?
    /// ANSI colour and bold, only on a terminal and never with NO_COLOR.
    public var color: Bool
    /// csv cells a spreadsheet would run as formulas get a leading `'` (OWASP); off for machines.
    public var neutralizeFormulas: Bool

    public init(width: Int? = nil, color: Bool = false, neutralizeFormulas: Bool = true) {
        self.width = width
        self.color = color
        self.neutralizeFormulas = neutralizeFormulas
    }
}

extension Table {
    /// The table in `format`, ending with a newline.
    public func rendered(as format: OutputFormat, options: RenderOptions = RenderOptions()) -> String {
        switch format {
        case .table: return TextTableRenderer(options: options).render(self)
        case .csv: return CSVRenderer.render(self, neutralizingFormulas: options.neutralizeFormulas)
        case .json: return JSONRenderer.render(self)
        case .markdown: return MarkdownRenderer.render(self)
        }
    }
}
