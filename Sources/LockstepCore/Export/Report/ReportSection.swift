/// A part of the client report a plugin writes: a heading and the blocks under it.
public struct ReportSection: Sendable {
    /// Where in the report a section goes.
    public enum Part: Int, Sendable, Comparable {
        /// The report itself, read by the client.
        case body
        /// The client's appendix: inventories and reference tables.
        case appendix
        /// For the team only (`--audience team`): ids, field names, commands, line numbers.
        case technical

        public static func < (a: Part, b: Part) -> Bool { a.rawValue < b.rawValue }
    }

    public var title: String
    public var blocks: [ReportBlock]
    /// Where the section goes within its part: the strategy (5) and buying roles (6) before the
    /// sales process (10), coverage (20), the lead lifecycle (40) and the funnel on data (50).
    public var order: Int
    public var part: Part

    public init(title: String, blocks: [ReportBlock], order: Int, part: Part = .body) {
        self.title = title
        self.blocks = blocks
        self.order = order
        self.part = part
    }
}
