import LockstepCore

/// One way leads come in: inbound, outbound, partner, expansion… each through its own lead stages
/// (in order, named from `leads.stages`) into the sales process its last stage enters. A workbook
/// without paths has one: every lead stage in order.
public struct LeadPath: Sendable {
    public static let sources = ["inbound", "outbound", "partner", "expansion", "referral", "event"]

    public var id: String
    public var name: String
    /// Where its leads come from: one of `sources`, or the team's own word.
    public var source: String?
    public var stages: [Located<String>] = []
    public var location: SourceLocation?

    public init(id: String, name: String) {
        self.id = id
        self.name = name
    }
}

extension LeadsSection {
    /// The orders lead stages are passed in, by position in `stages`: each path's, or the one
    /// order of `stages` when the workbook declares no paths.
    public var sequences: [[Int]] {
        guard !paths.isEmpty else { return [Array(stages.indices)] }
        let positions = Dictionary(stages.enumerated().map { ($1.id, $0) }) { first, _ in first }
        return paths.map { path in path.stages.compactMap { positions[$0.value] } }
    }

    static func decodePath(_ reader: MappingReader, id: String) -> LeadPath {
        var path = LeadPath(id: id, name: reader.string("name") ?? id)
        path.source = reader.string("source")
        path.stages = reader.strings("stages")
        path.location = reader.location
        return path
    }

    static func encode(_ path: LeadPath) -> YAMLNode {
        var out = MappingBuilder()
        out.string("id", path.id)
        out.string("name", path.name)
        out.string("source", path.source)
        out.list("stages", path.stages.map(\.value))
        return out.build()
    }
}
