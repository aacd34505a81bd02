/// A YAML node with the position it was read from; the workbook's sections decode from these.
public struct YAMLNode: Sendable {
    public enum Content: Sendable {
        /// A scalar's text. `quoted`: read from quotes, or (when writing) a string that must be
        /// quoted wherever plain text would read as a number, boolean or null.
        case scalar(String, quoted: Bool)
        case mapping([Entry])
        case sequence([YAMLNode])
    }

    /// A key and its value, in the order they were written.
    public struct Entry: Sendable {
        public var key: YAMLNode
        public var value: YAMLNode
        public init(key: YAMLNode, value: YAMLNode) {
            self.key = key
            self.value = value
        }
    }

    public enum Style: Sendable { case block, flow }

    public var content: Content
    /// 1-based line and column; 0 for nodes made in memory.
    public var line: Int
    public var column: Int
    /// How a collection is laid out when written: `flow` keeps `[a, b]` on one line.
    public var style: Style

    public init(_ content: Content, line: Int = 0, column: Int = 0, style: Style = .block) {
        self.content = content
        self.line = line
        self.column = column
        self.style = style
    }

    /// A string value: written plain where that reads back as the same string, else quoted.
    public static func string(_ text: String) -> YAMLNode { YAMLNode(.scalar(text, quoted: true)) }
    /// A number, boolean, date or duration, written exactly as given.
    public static func literal(_ text: String) -> YAMLNode { YAMLNode(.scalar(text, quoted: false)) }
    public static func mapping(_ pairs: [(String, YAMLNode)], style: Style = .block) -> YAMLNode {
        YAMLNode(.mapping(pairs.map { Entry(key: .literal($0.0), value: $0.1) }), style: style)
    }
    public static func sequence(_ items: [YAMLNode], style: Style = .block) -> YAMLNode {
        YAMLNode(.sequence(items), style: style)
    }

    /// The text of a scalar node, or nil for a collection.
    public var scalar: String? {
        if case .scalar(let text, _) = content { return text }
        return nil
    }

    /// How the node reads in an error message: a scalar quoted, a collection by its kind.
    public var quotedForMessage: String {
        switch content {
        case .scalar(let text, _):
            let shown = text.count > 40 ? String(text.prefix(40)) + "…" : text
            return text.isEmpty ? "an empty value" : "'\(shown)'"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        }
    }

    /// True for `~`, `null` and an empty plain scalar: YAML's ways of writing nothing.
    public var isNull: Bool {
        if case .scalar(let text, let quoted) = content, !quoted {
            return text.isEmpty || text == "~" || text == "null" || text == "Null" || text == "NULL"
        }
        return false
    }
}
