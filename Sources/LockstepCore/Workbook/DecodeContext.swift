/// Collects every problem found while decoding a workbook, so one load reports them all.
public final class DecodeContext {
    public let file: String
    public private(set) var errors: [WorkbookError] = []

    public init(file: String) { self.file = file }

    public func report(_ error: WorkbookError) { errors.append(error) }

    public func location(of node: YAMLNode) -> SourceLocation {
        SourceLocation(file: file, line: node.line, column: node.column)
    }

    /// Reads `node` as a mapping allowed to hold `keys`; reports and returns nil otherwise.
    /// `what` names the mapping in messages; it is only worked out when there is an error.
    public func mapping(_ node: YAMLNode, what: @autoclosure @escaping () -> String, keys: [String]) -> MappingReader? {
        guard case .mapping(let entries) = node.content else {
            report(.wrongType(location(of: node), what: what(), expected: "a mapping of keys", found: node.quotedForMessage))
            return nil
        }
        // A workbook mapping has a handful of keys: a list searched in order beats hashing them.
        var values: [(key: String, node: YAMLNode, keyNode: YAMLNode)] = []
        values.reserveCapacity(entries.count)
        for entry in entries {
            guard let key = entry.key.scalar else {
                report(.wrongType(location(of: entry.key), what: "a key in \(what())", expected: "a plain name", found: entry.key.quotedForMessage))
                continue
            }
            if let first = values.first(where: { $0.key == key }) {
                report(.duplicateKey(location(of: entry.key), key: key, first: location(of: first.keyNode)))
                continue
            }
            guard keys.contains(key) else {
                report(.unknownKey(location(of: entry.key), key: key, what: what(), suggestion: Suggestion.closest(to: key, in: keys)))
                continue
            }
            values.append((key, entry.value, entry.key))
        }
        return MappingReader(node: node, describe: what, values: values, context: self)
    }

    /// Reads one item of a list: named by its id in messages (`stage 'discovery'`), else by position.
    public func item(_ node: YAMLNode, kind: String, number: Int, keys: [String], in parent: @autoclosure @escaping () -> String? = nil) -> MappingReader? {
        mapping(node, what: {
            var name = "\(kind) #\(number)"
            if case .mapping(let entries) = node.content,
               let id = entries.first(where: { $0.key.scalar == "id" })?.value.scalar, Identifier.isValid(id) {
                name = "\(kind) '\(id)'"
            }
            return parent().map { "\(name) of \($0)" } ?? name
        }(), keys: keys)
    }

    /// Reads `node` as a list; `null` or nothing counts as empty.
    public func sequence(_ node: YAMLNode?, what: @autoclosure () -> String) -> [YAMLNode] {
        guard let node, !node.isNull else { return [] }
        guard case .sequence(let items) = node.content else {
            report(.wrongType(location(of: node), what: what(), expected: "a list", found: node.quotedForMessage))
            return []
        }
        return items
    }
}

/// A value with the place it was read from, for references and later error messages.
public struct Located<Value: Sendable>: Sendable {
    public var value: Value
    public var location: SourceLocation?

    public init(_ value: Value, at location: SourceLocation?) {
        self.value = value
        self.location = location
    }
}

extension Located: Equatable where Value: Equatable {}
