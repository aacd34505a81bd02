/// A plugin's section as a value: what the loader, the encoder and the editing commands need
/// to know of it. A built-in plugin names its Swift type (`SectionSpec(PersonasSection.self)`);
/// an external plugin's section is described by its signature, so the two are handled alike.
public struct SectionSpec: Sendable {
    /// The top-level key the section is stored under.
    public let key: String
    /// Where the section goes in a new file, relative to other sections (lower first).
    public let writeOrder: Int
    /// The kinds of item the section holds.
    public let itemKinds: [ItemKind]
    /// Whether `add`, `edit`, `rename` and `remove` may change it (it is an `EditableSection`).
    public let isEditable: Bool
    private let makeEmpty: @Sendable () -> any WorkbookSection
    private let decoder: @Sendable (SourceNode, DecodeContext) -> any WorkbookSection
    private let fields: @Sendable (ItemKind?) -> [EditableField]
    /// For a `ListSection`: appends a run's section to the section read so far.
    private let appender: (@Sendable (inout any WorkbookSection, any WorkbookSection) -> Void)?
    /// For a `ListSection`: makes room for that many items.
    private let reserver: (@Sendable (inout any WorkbookSection, Int) -> Void)?

    public init<Section: TypedSection>(_ type: Section.Type) {
        key = Section.key
        writeOrder = Section.writeOrder
        itemKinds = Section.itemKinds
        makeEmpty = { Section() }
        decoder = { Section(decoding: $0, context: $1) }
        isEditable = type is any EditableSection.Type
        fields = { Section.editableFields(of: $0) }
        appender = (type as? any ListSection.Type).map { Self.appender(of: $0) }
        reserver = (type as? any ListSection.Type).map { Self.reserver(of: $0) }
    }

    /// A section known only at run time (an external plugin's): its key, order and kinds, the
    /// fields `edit` may set, and how to make it empty or read it.
    public init(
        key: String, writeOrder: Int, itemKinds: [ItemKind],
        editableFields: @escaping @Sendable (ItemKind?) -> [EditableField],
        empty: @escaping @Sendable () -> any EditableSection,
        decode: @escaping @Sendable (SourceNode, DecodeContext) -> any EditableSection
    ) {
        self.key = key
        self.writeOrder = writeOrder
        self.itemKinds = itemKinds
        isEditable = true
        makeEmpty = empty
        decoder = decode
        fields = editableFields
        appender = nil
        reserver = nil
    }

    private static func appender<Section: ListSection>(
        of _: Section.Type
    )
        -> @Sendable (inout any WorkbookSection, any WorkbookSection) -> Void
    {
        { whole, run in
            guard let run = run as? Section else { return }
            change(&whole) { (section: inout Section) in section.append(contentsOf: run) }
        }
    }

    private static func reserver<Section: ListSection>(
        of _: Section.Type
    ) -> @Sendable (inout any WorkbookSection, Int) -> Void {
        { whole, items in change(&whole) { (section: inout Section) in section.reserveCapacity(items) } }
    }

    /// Applies `body` to the section `whole` holds, in place: `whole` is left holding an empty
    /// section meanwhile, so the section's items are not copied as it changes.
    private static func change<Section: ListSection>(
        _ whole: inout any WorkbookSection, _ body: (inout Section) -> Void
    ) {
        guard var section = whole as? Section else { return }
        whole = Section()
        body(&section)
        whole = section
    }

    /// Whether the section can be read a run of items at a time.
    public var readsInRuns: Bool { appender != nil }

    /// Appends `run`, a section decoded from a run of this section's items, to `section`.
    public func append(_ run: any WorkbookSection, to section: inout any WorkbookSection) {
        appender?(&section, run)
    }

    /// Makes room in `section` for `items` items in all, before its runs are appended.
    public func reserve(_ items: Int, in section: inout any WorkbookSection) {
        reserver?(&section, items)
    }

    /// An empty section, for a new workbook or a first item.
    public func empty() -> any WorkbookSection { makeEmpty() }

    /// Decodes the section, reporting every problem to `context`.
    public func decode(_ node: SourceNode, context: DecodeContext) -> any WorkbookSection { decoder(node, context) }

    /// The fields `edit` may set on items of `kind`; for `nil`, on the section itself
    /// (`strategy`, `team`). None for a section that cannot be edited.
    public func editableFields(of kind: ItemKind?) -> [EditableField] { fields(kind) }
}
