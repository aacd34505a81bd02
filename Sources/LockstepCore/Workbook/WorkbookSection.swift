/// One top-level section of a workbook (`processes`, `activities`…), owned by a plugin.
///
/// A section is a value: the session keeps earlier copies for undo.
public protocol WorkbookSection: Sendable {
    /// The top-level key the section is stored under.
    static var key: String { get }
    /// Where the section goes in a new file, relative to other sections (lower first).
    static var writeOrder: Int { get }
    /// An empty section, for a new workbook.
    init()
    /// Decodes the section, reporting every problem to `context`.
    init(decoding node: SourceNode, context: DecodeContext)
    func encode() -> YAMLNode
    /// The named things the section holds, for id checks, references and completion.
    var items: [Item] { get }
    /// The kinds of item `items` holds, so a look-up of one kind skips the other sections.
    static var itemKinds: [ItemKind] { get }
    /// `writeOrder` and `itemKinds` of this value: the same as its type's for a built-in section,
    /// its declaration's for an external plugin's (one Swift type serves every such section).
    var order: Int { get }
    var kindsHeld: [ItemKind] { get }
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
    public static var itemKinds: [ItemKind] { [] }
    public var order: Int { Self.writeOrder }
    public var kindsHeld: [ItemKind] { Self.itemKinds }
    public var looseReferences: [Reference] { [] }
    public func itemNames(of kind: ItemKind) -> [(id: String, alias: String?)] {
        items.filter { $0.kind == kind }.map { ($0.id, $0.alias) }
    }
    public mutating func rewriteReferences(_ rewrite: (ItemKind, String) -> String?) {}
}
