import LockstepCore

/// A stage of a sales process.
public struct SalesStage: Sendable {
    public static let phases = ["awareness", "consideration", "decision", "retention", "expansion"]

    public var id: String
    public var name: String
    public var goal: String?
    public var owner: String?
    public var phase: String?
    public var probability: Int?
    public var exit: [String] = []
    public var location: SourceLocation?

    public init(id: String, name: String) {
        self.id = id
        self.name = name
    }
}

/// A sales process: new business, or a customer process (retention, renewal, expansion).
public struct SalesProcess: Sendable {
    public static let kinds = ["new", "customer"]

    public var id: String
    public var name: String
    public var kind: String?
    public var stages: [SalesStage] = []
    /// An opportunity export to check the stages' win probabilities against (`calibrate`, SP007).
    public var history: OpportunityHistory?
    public var location: SourceLocation?

    public init(id: String, name: String) {
        self.id = id
        self.name = name
    }
}

/// The `processes` section.
public struct ProcessesSection: TypedSection {
    public static let key = "processes"
    public static let writeOrder = 60
    public static let itemKinds: [ItemKind] = [.process, .stage]

    public var processes: [SalesProcess] = []

    public init() {}

    public init(decoding node: SourceNode, context: DecodeContext) {
        for (index, processNode) in context.sequence(node, what: "processes").enumerated() {
            let keys = ["id", "name", "kind", "stages", "history"]
            guard let reader = context.item(processNode, kind: "process", number: index + 1, keys: keys),
                let id = reader.id()
            else { continue }
            var process = SalesProcess(id: id, name: reader.string("name") ?? id)
            process.location = reader.location
            process.kind = reader.choice("kind", from: SalesProcess.kinds)
            process.stages = reader.list("stages").enumerated().compactMap { offset, stageNode in
                Self.decodeStage(stageNode, number: offset + 1, process: id, context: context)
            }
            if let history = reader.mapping("history", keys: OpportunityHistory.keys) {
                process.history = OpportunityHistory.decode(history)
            }
            processes.append(process)
        }
    }

    private static func decodeStage(
        _ node: SourceNode, number: Int, process: String, context: DecodeContext
    ) -> SalesStage? {
        let keys = ["id", "name", "goal", "owner", "phase", "probability", "exit"]
        guard let reader = context.item(node, kind: "stage", number: number, keys: keys, in: "process '\(process)'"),
            let id = reader.id()
        else { return nil }
        var stage = SalesStage(id: id, name: reader.string("name") ?? id)
        stage.location = reader.location
        stage.goal = reader.string("goal")
        stage.owner = reader.string("owner")
        stage.phase = reader.choice("phase", from: SalesStage.phases)
        stage.probability = reader.int("probability", in: 0...100)
        stage.exit = reader.strings("exit").map(\.value)
        return stage
    }

    public func encode() -> YAMLNode {
        .sequence(
            processes.map { process in
                var out = MappingBuilder()
                out.string("id", process.id)
                out.string("name", process.name)
                out.literal("kind", process.kind)
                out.node(
                    "stages",
                    .sequence(
                        process.stages.map { stage in
                            var fields = MappingBuilder()
                            fields.string("id", stage.id)
                            fields.string("name", stage.name)
                            fields.string("goal", stage.goal)
                            fields.string("owner", stage.owner)
                            fields.literal("phase", stage.phase)
                            fields.literal("probability", stage.probability)
                            fields.list("exit", stage.exit)
                            return fields.build()
                        }))
                out.node("history", process.history?.encode())
                return out.build()
            })
    }

    public var items: [Item] {
        processes.flatMap { process in
            [
                Item(
                    kind: .process, id: process.id, name: process.name, location: process.location,
                    fields: process.fields)
            ]
                + process.stages.map { stage in
                    Item(
                        kind: .stage, id: "\(process.id)/\(stage.id)", alias: stage.id, name: stage.name,
                        location: stage.location,
                        fields: stage.fields(process: process.id))
                }
        }
    }
}
