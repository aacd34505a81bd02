import LockstepCore

extension LeadsPlugin {
    public func fieldTypes(for kind: ItemKind) -> [String: FieldType] {
        switch kind {
        case .leadStage:
            return ["owner": .string, "criteria": .string, "handoff_to": .string, "accept_within": .duration,
                    "first_touch_within": .duration, "rejects_to": .string, "enters": .string]
        case .recycle: return ["owner": .string, "returns_to": .string]
        case .leadField: return ["type": .string]
        case .leadPath: return ["source": .string, "stages": .list]
        default: return [:]
        }
    }
}

extension LeadStage {
    var fields: [String: FieldValue] {
        ["owner": .string(owner), "criteria": .string(criteria?.value), "handoff_to": .string(handoff?.to),
         "accept_within": .duration(handoff?.acceptWithin), "first_touch_within": .duration(handoff?.firstTouchWithin),
         "rejects_to": .string(rejectsTo?.value), "enters": .string(enters?.value)]
    }
}
