import LockstepCore

/// A way field knowledge returns to marketing: win/loss reviews, ride-alongs, a field product team.
public struct FeedbackLoop: Sendable {
    public var id: String
    public var name: String
    public var cadence: String?
    public var owner: String?
    /// Who takes part: `sales`, `marketing`, `product`, `customer-success`…; both sales and
    /// marketing should, for field knowledge to cross over (MK017).
    public var participants: [String] = []
    /// The activities whose reviews this loop's input feeds (MK018).
    public var informs: [Located<String>] = []
    public var location: SourceLocation?
}

/// The `feedback` section.
public struct FeedbackSection: TypedSection {
    public static let key = "feedback"
    public static let writeOrder = 80
    public static let itemKinds: [ItemKind] = [.feedback]

    public var loops: [FeedbackLoop] = []

    public init() {}

    public init(decoding node: SourceNode, context: DecodeContext) {
        for (index, loopNode) in context.sequence(node, what: "feedback").enumerated() {
            let keys = ["id", "name", "cadence", "owner", "participants", "informs"]
            guard let reader = context.item(loopNode, kind: "feedback item", number: index + 1, keys: keys),
                let id = reader.id()
            else { continue }
            loops.append(
                FeedbackLoop(
                    id: id, name: reader.string("name") ?? id, cadence: reader.string("cadence"),
                    owner: reader.string("owner"), participants: reader.strings("participants").map(\.value),
                    informs: reader.strings("informs"), location: reader.location))
        }
    }

    public func encode() -> YAMLNode {
        .sequence(
            loops.map { loop in
                var out = MappingBuilder()
                out.string("id", loop.id)
                out.string("name", loop.name)
                out.string("cadence", loop.cadence)
                out.string("owner", loop.owner)
                out.list("participants", loop.participants)
                out.list("informs", loop.informs.map(\.value))
                return out.build()
            })
    }

    public var items: [Item] {
        loops.map { loop in
            Item(
                kind: .feedback, id: loop.id, name: loop.name, location: loop.location,
                references: loop.informs.map { Reference(.activity, $0) },
                fields: [
                    "cadence": .string(loop.cadence), "owner": .string(loop.owner),
                    "participants": .list(loop.participants),
                    "informs": .list(loop.informs.map(\.value)),
                ])
        }
    }
}
