/// A YAML node built in memory to be written; files are read into `SourceNode`s instead.
public struct YAMLNode: Sendable {
    public enum Content: Sendable {
        /// A scalar's text. `quoted`: a string that must be quoted wherever plain text would
        /// read as a number, boolean or null.
        case scalar(String, quoted: Bool)
        case mapping([Entry])
        case sequence([YAMLNode])
    }

    /// A key and its value, in the order they are written.
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
    /// How a collection is laid out when written: `flow` keeps `[a, b]` on one line.
    public var style: Style

    public init(_ content: Content, style: Style = .block) {
        self.content = content
        self.style = style
    }

    /// A string value: written plain where that reads back as the same string, else quoted.
    public static func string(_ text: String) -> YAMLNode { YAMLNode(.scalar(text, quoted: true)) }
    /// A number, boolean, date or duration, written exactly as given.
    public static func literal(_ text: String) -> YAMLNode { YAMLNode(.scalar(text, quoted: false)) }
    /// Keys are text too: one a YAML 1.1 reader would take for something else (`on`, `yes`) is quoted.
    public static func mapping(_ pairs: [(String, YAMLNode)], style: Style = .block) -> YAMLNode {
        YAMLNode(.mapping(pairs.map { Entry(key: .string($0.0), value: $0.1) }), style: style)
    }
    public static func sequence(_ items: [YAMLNode], style: Style = .block) -> YAMLNode {
        YAMLNode(.sequence(items), style: style)
    }

    /// The text of a scalar node, or nil for a collection.
    public var scalar: String? {
        if case .scalar(let text, _) = content { return text }
        return nil
    }

    /// The value of the entry whose key reads `key`, in a mapping.
    public func value(at key: String) -> YAMLNode? {
        guard case .mapping(let entries) = content else { return nil }
        return entries.first { $0.key.scalar == key }?.value
    }
}

extension YAMLNode: Hashable {
    /// Two nodes are equal when they hold the same values; how a collection is laid out is not a value.
    public static func == (a: YAMLNode, b: YAMLNode) -> Bool {
        switch (a.content, b.content) {
        case let (.scalar(x, xQuoted), .scalar(y, yQuoted)): return x == y && xQuoted == yQuoted
        case let (.sequence(x), .sequence(y)): return x == y
        case let (.mapping(x), .mapping(y)):
            return x.count == y.count && zip(x, y).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        default: return false
        }
    }

    public func hash(into hasher: inout Hasher) {
        switch content {
        case .scalar(let text, let quoted):
            hasher.combine(text)
            hasher.combine(quoted)
        case .sequence(let items):
            hasher.combine(items)
        case .mapping(let entries):
            for entry in entries {
                hasher.combine(entry.key)
                hasher.combine(entry.value)
            }
        }
    }
}
