/// One top-level section of a workbook (`processes`, `activities`…), owned by a plugin.
///
/// A section is a value: the session keeps earlier copies for undo. What the loader and the
/// encoder need to know of its kind (its key, how to read it) is its `SectionSpec`.
public protocol WorkbookSection: Sendable {
    /// Where the section goes in a new file, relative to other sections (lower first).
    var order: Int { get }
    /// The kinds of item `items` holds, so a look-up of one kind skips the other sections.
    var kindsHeld: [ItemKind] { get }
    func encode() -> YAMLNode
    /// The named things the section holds, for id checks, references and completion.
    var items: [Item] { get }
    /// Hands each of `items` to `body` in turn; a section of many items builds one at a time,
    /// so a pass over them (validation) never holds them all.
    func forEachItem(_ body: (Item) -> Void)
    /// References made outside any item (settings that name ids), checked like item references.
    var looseReferences: [Reference] { get }
    /// The ids (and shorter aliases) of the items of `kind`, for completion. By default taken
    /// from `items`; a section of many items gives them without building each item.
    func itemNames(of kind: ItemKind) -> [(id: String, alias: String?)]
    /// Rewrites every reference the section makes: `rewrite(kind, id)` returns the id to keep
    /// (the same, or a new one after a rename), or nil to drop the reference (after a removal).
    mutating func rewriteReferences(_ rewrite: (ItemKind, String) -> String?)
}

extension WorkbookSection {
    public var items: [Item] { [] }
    public var looseReferences: [Reference] { [] }
    public func forEachItem(_ body: (Item) -> Void) { items.forEach(body) }
    public func itemNames(of kind: ItemKind) -> [(id: String, alias: String?)] {
        items.filter { $0.kind == kind }.map { ($0.id, $0.alias) }
    }
    public mutating func rewriteReferences(_ rewrite: (ItemKind, String) -> String?) {}
}

/// A section a built-in plugin defines as a Swift type: its key, order and kinds are the
/// type's, and `workbook.section(PersonasSection.self)` finds it.
public protocol TypedSection: WorkbookSection {
    /// The top-level key the section is stored under.
    static var key: String { get }
    /// Where the section goes in a new file, relative to other sections (lower first).
    static var writeOrder: Int { get }
    static var itemKinds: [ItemKind] { get }
    /// An empty section, for a new workbook.
    init()
    /// Decodes the section, reporting every problem to `context`.
    init(decoding node: SourceNode, context: DecodeContext)
    /// The fields `edit` may set on items of `kind`; for `nil`, on the section itself
    /// (`strategy`, `team`). None by default; a section that has some is an `EditableSection`.
    static func editableFields(of kind: ItemKind?) -> [EditableField]
}

extension TypedSection {
    public static var itemKinds: [ItemKind] { [] }
    public static func editableFields(of kind: ItemKind?) -> [EditableField] { [] }
    public var order: Int { Self.writeOrder }
    public var kindsHeld: [ItemKind] { Self.itemKinds }
}

/// A section that is one list of items, read by one `decodeEach` over the section's node: a long
/// one is read a run of items at a time (see `ListRuns`), each run decoded as a section of its
/// own and appended in order, which must give the section a whole read gives.
public protocol ListSection: TypedSection {
    mutating func append(contentsOf run: Self)
    /// Makes room for `items` items in all, so that appending runs does not grow the storage
    /// step by step (each step a copy, and up to twice the room needed at the end).
    mutating func reserveCapacity(_ items: Int)
}
