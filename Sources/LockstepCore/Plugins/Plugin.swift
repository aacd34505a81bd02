/// What a plugin contributes: workbook sections, commands, checks, and extra validation.
///
/// A plugin depends on the core only; it reads another plugin's data through the
/// workbook's generic items (`Workbook.items(of:)`), never by importing that plugin.
public protocol Plugin: Sendable {
    /// The name workbooks list under `plugins:`.
    var name: String { get }
    /// One line for the `plugins` listing.
    var summary: String { get }
    /// Plugins that must be loaded first (marketing needs stages).
    var dependencies: [String] { get }
    /// The top-level sections this plugin reads and writes.
    var sections: [SectionSpec] { get }
    /// The kinds of item its sections hold, for `list KIND` and completion.
    var itemKinds: [ItemKind] { get }
    /// The fields `find KIND where …` and team rules may name on items of `kind`, besides `id` and `name`.
    func fieldTypes(for kind: ItemKind) -> [String: FieldType]
    var commands: [Command] { get }
    var checks: [any Check] { get }
    /// Lines `show ID` adds about an item, from this plugin's point of view (a stage's content).
    func describe(_ item: Item, in workbook: Workbook) -> [String]
    /// Validation across sections beyond ids and references, run after every load.
    func validate(_ workbook: Workbook, context: DecodeContext)
    /// Adds this plugin's part of the flow diagram (its stages, links, notes on others' nodes).
    func draw(_ diagram: inout Diagram, workbook: Workbook)
    /// This plugin's sections of the client report (`export report`).
    func reportSections(_ workbook: Workbook, context: CheckContext) -> [ReportSection]
    /// What the client report is about, for its heading, when this plugin says (the first
    /// loaded plugin that does wins): the core knows nothing of sales.
    var reportSubject: String? { get }
    /// This plugin's sections of a `new --template NAME` workbook (YAML), or nil when it has
    /// nothing for that template.
    func template(_ name: String) -> String?
    /// The templates it has sections for (the CRMs whose defaults it knows).
    var templates: [String] { get }
    /// This plugin's coverage matrix, for `lockstep diff` (none by default).
    func coverage(_ workbook: Workbook) -> CoverageMatrix?
    /// This plugin's steps of the guided tour, chosen for `workbook` as the tour starts (the gap
    /// it asks the learner to close is one this workbook has).
    func lessons(_ workbook: Workbook, context: CheckContext) -> [Lesson]
    /// True for a program of its own (docs/plugins.md), which `plugin_settings:` may configure.
    var isExternal: Bool { get }
}

extension Plugin {
    public var dependencies: [String] { [] }
    public var itemKinds: [ItemKind] { [] }
    public func fieldTypes(for kind: ItemKind) -> [String: FieldType] { [:] }
    public var commands: [Command] { [] }
    public var checks: [any Check] { [] }
    public func describe(_ item: Item, in workbook: Workbook) -> [String] { [] }
    public func validate(_ workbook: Workbook, context: DecodeContext) {}
    public func draw(_ diagram: inout Diagram, workbook: Workbook) {}
    public func reportSections(_ workbook: Workbook, context: CheckContext) -> [ReportSection] { [] }
    public var reportSubject: String? { nil }
    public func template(_ name: String) -> String? { nil }
    public var templates: [String] { [] }
    public func coverage(_ workbook: Workbook) -> CoverageMatrix? { nil }
    public func lessons(_ workbook: Workbook, context: CheckContext) -> [Lesson] { [] }
    public var isExternal: Bool { false }
}

/// Why a plugin named by its path cannot be used (it does not start, does not answer, speaks
/// another version of the protocol), in words for the workbook's error.
public struct ExternalPluginError: Error, Sendable {
    public let reason: String
    /// No program goes by that name: for a bare name, the workbook's error is "unknown plugin".
    public let notFound: Bool

    public init(reason: String, notFound: Bool = false) {
        self.reason = reason
        self.notFound = notFound
    }
}
