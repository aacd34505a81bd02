/// One client's alignment model: the plugins it uses and their sections.
public struct Workbook: Sendable {
    public static let formatVersion = 1

    public var name: String?
    /// Plugin names, as the file lists them.
    public var plugins: [String]
    public var sections: [String: any WorkbookSection]
    public var checks: CheckSettings
    /// What the workbook allows its external plugins, by their entry in `plugins`.
    public var pluginSettings: [String: PluginSettings] = [:]
    /// The order the file wrote its top-level keys in, kept so saves stay close to the original.
    public var keyOrder: [String]

    public init(name: String? = nil, plugins: [String] = []) {
        self.name = name
        self.plugins = plugins
        self.sections = [:]
        self.checks = CheckSettings()
        self.keyOrder = []
    }

    public func section<S: TypedSection>(_ type: S.Type) -> S? {
        sections[S.key] as? S
    }

    /// Changes a section in place, creating it empty first when the workbook has none.
    public mutating func update<S: TypedSection, R>(_ type: S.Type, _ change: (inout S) throws -> R) rethrows -> R {
        var section = (sections[S.key] as? S) ?? S()
        let result = try change(&section)
        sections[S.key] = section
        return result
    }

    /// Every named thing in every section.
    public var items: [Item] {
        // In the sections' usual order, so listings come out the same on every run.
        sections.values.sorted { $0.order < $1.order }.flatMap { $0.items }
    }

    /// Each of `items` in turn, in the same order, without holding them all.
    public func forEachItem(_ body: (Item) -> Void) {
        for section in sections.values.sorted(by: { $0.order < $1.order }) { section.forEachItem(body) }
    }

    public func items(of kind: ItemKind) -> [Item] {
        sections.values.sorted { $0.order < $1.order }
            .filter { $0.kindsHeld.contains(kind) }
            .flatMap { $0.items.filter { $0.kind == kind } }
    }
}
