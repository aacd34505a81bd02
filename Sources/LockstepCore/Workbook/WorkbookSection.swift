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
    /// References made outside any item (settings that name ids), checked like item references.
    var looseReferences: [Reference] { get }
    /// Rewrites every reference the section makes: `rewrite(kind, id)` returns the id to keep
    /// (the same, or a new one after a rename), or nil to drop the reference (after a removal).
    mutating func rewriteReferences(_ rewrite: (ItemKind, String) -> String?)
}

extension WorkbookSection {
    public var items: [Item] { [] }
    public static var itemKinds: [ItemKind] { [] }
    public var looseReferences: [Reference] { [] }
    public mutating func rewriteReferences(_ rewrite: (ItemKind, String) -> String?) {}
}
