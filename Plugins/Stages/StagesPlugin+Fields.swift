import LockstepCore

extension StagesPlugin {
    public func fieldTypes(for kind: ItemKind) -> [String: FieldType] {
        switch kind {
        case .process: return ["kind": .string, "stages": .list]
        case .strategy: return ["innovation": .string, "value": .string, "brand": .string, "sales_role": .string, "segments": .list]
        case .stage: return ["process": .string, "goal": .string, "owner": .string, "phase": .string,
                             "probability": .number, "exit": .list]
        default: return [:]
        }
    }
}

extension SalesProcess {
    var fields: [String: FieldValue] {
        ["kind": .string(kind), "stages": .list(stages.map(\.id))]
    }
}

extension SalesStage {
    func fields(process: String) -> [String: FieldValue] {
        ["process": .string(process), "goal": .string(goal), "owner": .string(owner), "phase": .string(phase),
         "probability": .number(probability), "exit": .list(exit)]
    }
}
