import LockstepCore

/// A customer need or pain point that activities answer.
public struct Need: Sendable {
    public var id: String
    public var name: String
    public var location: SourceLocation?
}

/// The `needs` section.
public struct NeedsSection: TypedSection {
    public static let key = "needs"
    public static let writeOrder = 20
    public static let itemKinds: [ItemKind] = [.need]

    public var needs: [Need] = []

    public init() {}

    public init(decoding node: SourceNode, context: DecodeContext) {
        for (index, needNode) in context.sequence(node, what: "needs").enumerated() {
            guard let reader = context.item(needNode, kind: "need", number: index + 1, keys: ["id", "name"]),
                let id = reader.id()
            else { continue }
            needs.append(Need(id: id, name: reader.string("name") ?? id, location: reader.location))
        }
    }

    public func encode() -> YAMLNode {
        .sequence(
            needs.map { need in
                var out = MappingBuilder()
                out.string("id", need.id)
                out.string("name", need.name)
                return out.build()
            })
    }

    public var items: [Item] {
        needs.map { Item(kind: .need, id: $0.id, name: $0.name, location: $0.location) }
    }
}
