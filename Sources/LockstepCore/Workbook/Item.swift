/// A kind of named thing in a workbook: `stage`, `activity`, `persona`…
///
/// Plugins define their kinds; a plugin refers to another plugin's kind by the same name,
/// which is part of the workbook's public contract like the section keys.
///
/// A class, so that a value naming a kind is one pointer: every reference in a workbook names
/// one or two kinds, and a large workbook holds a million references.
public final class ItemKind: Hashable, Sendable, CustomStringConvertible {
    public let name: String
    public let plural: String

    // The name alone identifies a kind; hashing only it keeps look-ups cheap.
    public static func == (a: ItemKind, b: ItemKind) -> Bool { a.name == b.name }
    public func hash(into hasher: inout Hasher) { hasher.combine(name) }

    public init(_ name: String, plural: String) {
        self.name = name
        self.plural = plural
    }

    public var description: String { name }
}

/// A reference from one item to another, by id, where it was written.
public struct Reference: Sendable {
    /// The kind the id names (used in messages), and a second kind it may name instead.
    public var kind: ItemKind
    public var otherKind: ItemKind?
    public var id: String
    public var location: SourceLocation?

    public init(_ kinds: [ItemKind], _ id: Located<String>) {
        self.kind = kinds[0]
        self.otherKind = kinds.count > 1 ? kinds[1] : nil
        self.id = id.value
        self.location = id.location
    }

    public init(_ kind: ItemKind, _ id: Located<String>) {
        self.kind = kind
        self.id = id.value
        self.location = id.location
    }

    /// The kinds the id may name, the first used in messages.
    public var kinds: [ItemKind] { otherKind.map { [kind, $0] } ?? [kind] }
}

/// The generic view of a named thing: what the core needs to check ids and references,
/// complete names in the shell and list items of any kind.
public struct Item: Sendable {
    public var kind: ItemKind
    /// Unique within the kind; stages use `process/stage`.
    public var id: String
    /// A shorter id accepted in references while no other item of the kind shares it.
    public var alias: String?
    public var name: String
    public var location: SourceLocation?
    public var references: [Reference]
    /// Builds the item's values on demand: most uses of items (ids, references, completion)
    /// never look at them, and a large workbook has tens of thousands of items.
    private let makeFields: @Sendable () -> [String: FieldValue]

    /// The item's values by field name, for `find KIND where …` and team rules.
    public var fields: [String: FieldValue] { makeFields() }

    public init(
        kind: ItemKind, id: String, alias: String? = nil, name: String, location: SourceLocation?,
        references: [Reference] = [], fields: @autoclosure @escaping @Sendable () -> [String: FieldValue] = [:]
    ) {
        self.kind = kind
        self.id = id
        self.alias = alias
        self.name = name
        self.location = location
        self.references = references
        self.makeFields = fields
    }
}

/// One field's value on an item; nil is an empty value.
public enum FieldValue: Sendable, Equatable {
    case string(String?)
    case number(Double?)
    case bool(Bool?)
    case date(Day?)
    case duration(WorkbookDuration?)
    case list([String])

    public static func number(_ value: Int?) -> FieldValue { .number(value.map(Double.init)) }
}

extension FieldValue {
    /// The value as a reader sees it (`48h`, `a, b`), or nil when empty.
    public var shown: String? {
        switch self {
        case .string(let value): return value
        case .number(let value):
            return value.map { $0 == $0.rounded() && abs($0) < 1e15 ? String(Int($0)) : String($0) }
        case .bool(let value): return value.map { $0 ? "true" : "false" }
        case .date(let value): return value?.description
        case .duration(let value): return value?.text
        case .list(let values): return values.isEmpty ? nil : values.joined(separator: ", ")
        }
    }
}
