import LockstepCore

/// A buying role: who takes part in the purchase, and the needs they carry.
public struct Persona: Sendable {
    public static let roles = ["economic-buyer", "technical-buyer", "user", "champion", "influencer", "procurement"]

    public var id: String
    public var name: String
    public var role: String?
    public var needs: [Located<String>] = []
    /// Phases or stages where this persona takes part, beyond what its role implies.
    public var involvedIn: [Located<String>] = []
    /// Phases or stages where this persona takes no part: no gap there.
    public var notInvolvedIn: [Located<String>] = []
    public var location: SourceLocation?

    public init(id: String, name: String) {
        self.id = id
        self.name = name
    }
}

/// The `personas` section.
public struct PersonasSection: TypedSection {
    public static let key = "personas"
    public static let writeOrder = 30
    public static let itemKinds: [ItemKind] = [.persona]

    public var personas: [Persona] = []

    public init() {}

    public init(decoding node: SourceNode, context: DecodeContext) {
        for (index, personaNode) in context.sequence(node, what: "personas").enumerated() {
            guard
                let reader = context.item(
                    personaNode, kind: "persona", number: index + 1,
                    keys: ["id", "name", "role", "needs", "involved_in", "not_involved_in"]),
                let id = reader.id()
            else { continue }
            var persona = Persona(id: id, name: reader.string("name") ?? id)
            persona.location = reader.location
            persona.role = reader.choice("role", from: Persona.roles)
            persona.needs = reader.strings("needs")
            persona.involvedIn = reader.strings("involved_in")
            persona.notInvolvedIn = reader.strings("not_involved_in")
            personas.append(persona)
        }
    }

    public func encode() -> YAMLNode {
        .sequence(
            personas.map { persona in
                var out = MappingBuilder()
                out.string("id", persona.id)
                out.string("name", persona.name)
                out.literal("role", persona.role)
                out.list("needs", persona.needs.map(\.value))
                out.list("involved_in", persona.involvedIn.map(\.value))
                out.list("not_involved_in", persona.notInvolvedIn.map(\.value))
                return out.build()
            })
    }

    public var items: [Item] {
        personas.map { persona in
            Item(
                kind: .persona, id: persona.id, name: persona.name, location: persona.location,
                references: persona.needs.map { Reference(.need, $0) },
                fields: [
                    "role": .string(persona.role), "needs": .list(persona.needs.map(\.value)),
                    "involved_in": .list(persona.involvedIn.map(\.value)),
                    "not_involved_in": .list(persona.notInvolvedIn.map(\.value)),
                ])
        }
    }
}

extension PersonasSection {
    public mutating func rewriteReferences(_ rewrite: (ItemKind, String) -> String?) {
        for index in personas.indices {
            personas[index].needs = personas[index].needs.compactMap { need in
                rewrite(.need, need.value).map { Located($0, at: need.location) }
            }
        }
    }
}
