/// A picture of how leads flow into the sales processes, drawn by the plugins together (lead
/// stages, process stages, the content behind each) and written as Mermaid or Graphviz DOT.
public struct Diagram: Sendable {
    public struct Node: Sendable {
        public var id: String
        public var label: String

        public init(id: String, label: String) {
            self.id = id
            self.label = label
        }
    }

    /// A box around nodes: the lead lifecycle, one sales process.
    public struct Group: Sendable {
        public var id: String
        public var label: String
        public var nodes: [Node]

        public init(id: String, label: String, nodes: [Node]) {
            self.id = id
            self.label = label
            self.nodes = nodes
        }
    }

    public struct Edge: Sendable {
        public var from: String
        public var to: String
        public var label: String?
        /// A path a lead may take (a rejection, a recycle), not the main flow.
        public var isSidePath: Bool

        public init(from: String, to: String, label: String? = nil, isSidePath: Bool = false) {
            self.from = from
            self.to = to
            self.label = label
            self.isSidePath = isSidePath
        }
    }

    public var title: String
    public var groups: [Group] = []
    public var edges: [Edge] = []
    /// A line added under a node's label (`3 activities`), by node id.
    public var notes: [String: [String]] = [:]
    /// Nodes marked as gaps (drawn in red).
    public var gaps: Set<String> = []
    /// Nodes with a partial gap (some buying roles without content), drawn in amber.
    public var partialGaps: Set<String> = []
    /// Gaps accepted on purpose (a waiver), drawn grey and dashed rather than red.
    public var accepted: Set<String> = []

    /// The day the diagram shows: waivers past their date no longer accept a gap.
    public var today: Day

    public init(title: String, today: Day) {
        self.title = title
        self.today = today
    }

    /// How a note marks its node.
    public enum Mark: Sendable { case none, gap, partialGap, accepted }

    public mutating func annotate(_ node: String, _ note: String, gap: Bool = false) {
        annotate(node, note, mark: gap ? .gap : .none)
    }

    public mutating func annotate(_ node: String, _ note: String, mark: Mark) {
        notes[node, default: []].append(note)
        switch mark {
        case .none: break
        case .gap: gaps.insert(node)
        case .partialGap: partialGaps.insert(node)
        case .accepted: accepted.insert(node)
        }
    }

    /// Laid out as rows, one per group, stacked top to bottom, when a single left-to-right strip
    /// would be too wide for a slide: more than `stripLimit` stages in all.
    public static let stripLimit = 6
    var inRows: Bool { groups.reduce(0) { $0 + $1.nodes.count } > Self.stripLimit }

    /// The nodes in drawing order, each with the short name the formats use for it.
    var nodeNames: [String: String] {
        var names: [String: String] = [:]
        for node in groups.flatMap(\.nodes) where names[node.id] == nil { names[node.id] = "n\(names.count)" }
        return names
    }

    /// Edges whose ends are both drawn (a reference to a stage of an unloaded plugin is left out).
    var drawableEdges: [Edge] {
        let names = nodeNames
        return edges.filter { names[$0.from] != nil && names[$0.to] != nil }
    }

    func lines(of node: Node) -> [String] { [node.label] + (notes[node.id] ?? []) }
}
