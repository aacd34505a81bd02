import LockstepCore

extension MarketingPlugin {
    public func fieldTypes(for kind: ItemKind) -> [String: FieldType] {
        switch kind {
        case .activity:
            return ["kind": .string, "stages": .list, "lead_stages": .list, "personas": .list, "needs": .list, "channel": .string, "cta": .string,
                    "response": .string, "follow_up_channel": .string, "follow_up_owner": .string, "enablement": .string,
                    "kpi": .string, "kpi_kind": .string, "theme": .string, "crm_source": .string, "owner": .string, "reviewed": .date]
        case .persona: return ["role": .string, "needs": .list, "involved_in": .list, "not_involved_in": .list]
        case .feedback: return ["cadence": .string, "owner": .string, "participants": .list, "informs": .list]
        default: return [:]
        }
    }
}

extension Activity {
    var fields: [String: FieldValue] {
        ["kind": .string(kind), "stages": .list(stages.map(\.value)), "lead_stages": .list(leadStages.map(\.value)), "personas": .list(personas.map(\.value)),
         "needs": .list(needs.map(\.value)), "channel": .string(channel), "cta": .string(cta), "response": .string(response),
         "follow_up_channel": .string(followUp?.channel), "follow_up_owner": .string(followUp?.owner),
         "enablement": .string(enablement?.value), "kpi": .string(kpi), "kpi_kind": .string(kpiClass?.rawValue), "theme": .string(theme), "crm_source": .string(crmSource),
         "owner": .string(owner),
         "reviewed": .date(reviewed)]
    }
}
