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

    public init(title: String) { self.title = title }

    public mutating func annotate(_ node: String, _ note: String, gap: Bool = false) {
        notes[node, default: []].append(note)
        if gap { gaps.insert(node) }
    }

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
