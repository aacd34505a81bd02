/// A part of the client report a plugin writes: a heading and Markdown under it.
public struct ReportSection: Sendable {
    public var title: String
    public var markdown: String
    /// Where the section goes: the sales process (10) before coverage (20) and gaps (30),
    /// then the lead lifecycle (40) and the funnel on data (50).
    public var order: Int

    public init(title: String, markdown: String, order: Int) {
        self.title = title
        self.markdown = markdown
        self.order = order
    }
}
