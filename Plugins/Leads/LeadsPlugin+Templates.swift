import LockstepCore

extension LeadsPlugin {
    /// The lead stages each CRM ships with (CRM-EXPORTS.md), owners and hand-off SLAs filled in,
    /// criteria left for the workshop: LD001 marks each one still to agree.
    public var templates: [String] { ["salesforce", "hubspot", "waterfall"] }

    public func template(_ name: String) -> String? {
        switch name {
        case "salesforce":
            // Lead Status defaults: Open - Not Contacted, Working - Contacted, Closed - Converted.
            return Self.leads(
                fields: "status: string, rating: string, lead_source: string, converted: bool",
                stages: [
                    ("open", "Open - Not Contacted", "marketing", nil, nil),
                    (
                        "working", "Working - Contacted", "sales",
                        "{ to: sales, accept_within: 24h, first_touch_within: 48h }", nil
                    ),
                    ("converted", "Closed - Converted", "sales", nil, "new-business/prospecting"),
                ])
        case "hubspot":
            return Self.leads(
                fields: "score: number, lifecycle_stage: string, mql_at: date, first_touch_at: date",
                stages: [
                    ("subscriber", "Subscriber", "marketing", nil, nil),
                    ("lead", "Lead", "marketing", nil, nil),
                    (
                        "mql", "Marketing Qualified Lead", "marketing",
                        "{ to: sales, accept_within: 24h, first_touch_within: 48h }", nil
                    ),
                    ("sql", "Sales Qualified Lead", "sales", nil, "new-business/appointment-scheduled"),
                ])
        case "waterfall":
            // The Demand Waterfall: Inquiry → MQL → SAL → SQL → Won.
            return Self.leads(
                fields: "score: number, mql_at: date, first_touch_at: date",
                stages: [
                    ("inquiry", "Inquiry", "marketing", nil, nil),
                    (
                        "mql", "Marketing qualified lead", "marketing",
                        "{ to: sales, accept_within: 24h, first_touch_within: 48h }", nil
                    ),
                    ("sal", "Sales accepted lead", "sales", nil, nil),
                    ("sql", "Sales qualified lead", "sales", nil, "new-business/opportunity"),
                ])
        default:
            return nil
        }
    }

    private static func leads(
        fields: String, stages: [(id: String, name: String, owner: String, handoff: String?, enters: String?)]
    ) -> String {
        var text = "team:\n  sales_reps: 8\n  lead_gen_reps: 2\n\nleads:\n  fields: { \(fields) }\n  stages:\n"
        for stage in stages {
            text += "    - id: \(stage.id)\n      name: \"\(stage.name)\"\n      owner: \(stage.owner)\n"
            if let handoff = stage.handoff { text += "      handoff: \(handoff)\n" }
            if stage.owner == "sales" { text += "      rejects_to: nurture\n" }
            if let enters = stage.enters { text += "      enters: \(enters)\n" }
        }
        text +=
            "  recycle:\n    - { id: nurture, name: Nurture track, owner: marketing, returns_to: \(stages[0].id) }\n"
        return text
    }
}
