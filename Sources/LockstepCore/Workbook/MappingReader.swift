/// Typed access to one mapping of the workbook; every bad value is reported with its position.
public struct MappingReader {
    public let node: SourceNode
    /// How the mapping is named in messages (`stage 'discovery'`), worked out only for an error.
    let describe: () -> String
    public var what: String { describe() }
    let values: [Value]
    public let context: DecodeContext

    /// A key that was written, its place in the list of allowed keys, and its value.
    struct Value {
        var key: String
        var position: Int
        var node: SourceNode
        var keyNode: SourceNode
    }

    private func value(_ key: String) -> SourceNode? {
        // Lengths first: most keys differ in length, and comparing two lengths is cheaper than
        // comparing two strings.
        let length = key.utf8.count
        for entry in values where entry.key.utf8.count == length && entry.key == key { return entry.node }
        return nil
    }

    public var location: SourceLocation { context.location(of: node) }

    /// The value node for `key`, nil when absent or written as null.
    public func node(_ key: String) -> SourceNode? {
        guard let value = value(key), !value.isNull else { return nil }
        return value
    }

    public func has(_ key: String) -> Bool { node(key) != nil }

    public func location(of key: String) -> SourceLocation? { value(key).map(context.location(of:)) }

    /// A string; reports a collection, and a missing value when `required`.
    public func string(_ key: String, required: Bool = false) -> String? {
        guard let value = node(key) else {
            if required { context.report(.missingKey(location, key: key, what: what)) }
            return nil
        }
        guard let text = value.scalar else {
            wrongType(key, value, expected: "text")
            return nil
        }
        if Sanitized.hasControl(text) {
            context.report(.controlCharacter(context.location(of: value), what: "\(key) of \(what)", value: text))
        }
        return text
    }

    public func located(_ key: String, required: Bool = false) -> Located<String>? {
        string(key, required: required).map { Located($0, at: location(of: key)) }
    }

    /// An expression: its location is that of its first character, inside any quotes, so an
    /// error's column lands on the offending character.
    public func expression(_ key: String) -> Located<String>? {
        guard var located = located(key) else { return nil }
        if node(key)?.isQuoted == true { located.location?.column += 1 }
        return located
    }

    /// An id: required, and lower-case words joined by hyphens.
    public func id(_ key: String = "id") -> String? {
        guard let text = string(key, required: true) else { return nil }
        guard Identifier.isValid(text) else {
            context.report(.invalidID(location(of: key)!, what: "\(key) of \(what)", value: text))
            return nil
        }
        return text
    }

    public func int(_ key: String, in range: ClosedRange<Int>? = nil) -> Int? {
        guard let value = node(key), let text = string(key) else { return nil }
        let expected = range.map { "a whole number from \($0.lowerBound) to \($0.upperBound)" } ?? "a whole number"
        guard let number = Int(text), range?.contains(number) ?? true else {
            wrongType(key, value, expected: expected)
            return nil
        }
        return number
    }

    /// A number as written (`12`, `0.5`), within `range` when given.
    public func number(_ key: String, in range: ClosedRange<Double>? = nil) -> Double? {
        guard let value = node(key), let text = string(key) else { return nil }
        guard let number = Double(text), number.isFinite, range?.contains(number) ?? true else {
            wrongType(
                key, value, expected: range.map { "a number from \($0.lowerBound) to \($0.upperBound)" } ?? "a number")
            return nil
        }
        return number
    }

    public func bool(_ key: String) -> Bool? {
        guard let value = node(key), let text = string(key) else { return nil }
        switch text.lowercased() {
        case "true", "yes": return true
        case "false", "no": return false
        default:
            wrongType(key, value, expected: "true or false")
            return nil
        }
    }

    public func day(_ key: String) -> Day? {
        guard let value = node(key), let text = string(key) else { return nil }
        guard let day = Day(iso: text) else {
            wrongType(key, value, expected: "a date written YYYY-MM-DD")
            return nil
        }
        return day
    }

    public func duration(_ key: String) -> WorkbookDuration? {
        guard let value = node(key), let text = string(key) else { return nil }
        guard let duration = WorkbookDuration(text) else {
            wrongType(key, value, expected: "a duration such as 24h, 2d or 2w")
            return nil
        }
        return duration
    }

    /// One of a fixed set of words, with "did you mean" for a near miss.
    public func choice(_ key: String, from allowed: [String]) -> String? {
        guard let value = node(key), let text = string(key) else { return nil }
        guard allowed.contains(text) else {
            context.report(
                .notAllowed(context.location(of: value), what: "\(key) of \(what)", value: text, allowed: allowed))
            return nil
        }
        return text
    }

    /// A list of strings with their positions; a single string counts as a list of one.
    public func strings(_ key: String) -> [Located<String>] {
        guard let value = node(key) else { return [] }
        if let text = value.scalar { return [Located(context.shared(text), at: context.location(of: value))] }
        return context.sequence(value, what: "\(key) of \(what)").compactMap { item in
            guard let text = item.scalar else {
                wrongType(key, item, expected: "a list of names")
                return nil
            }
            return Located(context.shared(text), at: context.location(of: item))
        }
    }

    /// A nested mapping.
    public func mapping(_ key: String, what nestedWhat: String? = nil, keys: [String]) -> MappingReader? {
        guard let value = node(key) else { return nil }
        return context.mapping(value, what: nestedWhat ?? "\(key) of \(self.what)", keys: keys)
    }

    /// A nested list of nodes.
    public func list(_ key: String) -> [SourceNode] {
        context.sequence(node(key), what: "\(key) of \(what)")
    }

    /// A mapping of names to names (`columns: { score: HubSpot Score }`), in written order.
    public func pairs(_ key: String) -> [(key: Located<String>, value: Located<String>)] {
        guard let value = node(key) else { return [] }
        guard let entries = value.entries else {
            wrongType(key, value, expected: "a mapping such as { name: value }")
            return []
        }
        return entries.compactMap { entry in
            guard let name = entry.key.scalar, let text = entry.value.scalar else {
                wrongType(key, entry.value, expected: "a mapping of names to single values")
                return nil
            }
            return (
                Located(name, at: context.location(of: entry.key)), Located(text, at: context.location(of: entry.value))
            )
        }
    }

    private func wrongType(_ key: String, _ value: SourceNode, expected: String) {
        context.report(
            .wrongType(
                context.location(of: value), what: "\(key) of \(what)", expected: expected,
                found: value.quotedForMessage))
    }
}
