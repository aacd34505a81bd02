/// Builds a mapping node for saving, skipping absent values and empty collections; an empty
/// string the workbook holds is written (`kpi: ""`), never dropped.
public struct MappingBuilder {
    public private(set) var pairs: [(String, YAMLNode)] = []

    public init() {}

    public mutating func string(_ key: String, _ value: String?) {
        if let value { pairs.append((key, .string(value))) }
    }

    /// A number, date, duration or fixed word, written as is.
    public mutating func literal(_ key: String, _ value: CustomStringConvertible?) {
        if let value { pairs.append((key, .literal(value.description))) }
    }

    /// A list of strings on one line: `[a, b]`.
    public mutating func list(_ key: String, _ values: [String]) {
        if !values.isEmpty { pairs.append((key, .sequence(values.map { .string($0) }, style: .flow))) }
    }

    public mutating func node(_ key: String, _ value: YAMLNode?) {
        guard let value else { return }
        switch value.content {
        case .mapping(let entries) where entries.isEmpty: return
        case .sequence(let items) where items.isEmpty: return
        default: pairs.append((key, value))
        }
    }

    public func build(style: YAMLNode.Style = .block) -> YAMLNode { .mapping(pairs, style: style) }
}
