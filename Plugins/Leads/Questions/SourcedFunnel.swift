import LockstepCore

/// The funnel per value of a text field, a lead source: how many leads of each source reach each
/// stage, beside the marketing activities that name the source (`crm_source`), so pipeline can
/// be traced to the programs that produce it (closed-loop reporting).
struct SourcedFunnel {
    let stages: [LeadStage]
    /// Per value, most leads at the last stage first: the count meeting each stage's criteria.
    let rows: [(value: String, counts: [Int])]
    let activities: [String: [String]]
    let field: String

    /// Refuses a field the funnel cannot be split by: one not declared, not text, or without a column.
    static func requireSplittable(_ field: String, leads: LeadsSection, plan: LeadDataPlan) throws(CommandError) {
        guard let declared = leads.fields.first(where: { $0.name.value == field }) else {
            throw .unknown("lead field", field, among: leads.fields.map(\.name.value))
        }
        let loaded = (plan.loads + (plan.join?.loads ?? [])).contains { $0.field == field }
        guard declared.type == "string", loaded else {
            throw .usage(
                "funnel --by takes a text field the export has a column for; '\(field)' is "
                    + (loaded ? declared.type : "\(declared.type) without a column"),
                fix: "name a text field such as a lead source, mapped under leads.data.columns")
        }
    }

    init(_ tally: LeadTally, field: String, leads: LeadsSection, workbook: Workbook) {
        rows = tally.byValue.map { (value: $0.key, counts: $0.value) }
            .sorted { ($0.1.last ?? 0, $0.1.first ?? 0, $1.0) > ($1.1.last ?? 0, $1.1.first ?? 0, $0.0) }
        stages = leads.stages
        self.field = field
        // The activities that name each source, read through the workbook's items.
        var named: [String: [String]] = [:]
        for item in workbook.items where item.kind.name == "activity" {
            if case .string(let source?)? = item.fields["crm_source"] { named[source, default: []].append(item.id) }
        }
        activities = named
    }

    var table: Table {
        Table(
            [field, "activities"] + stages.map(\.id),
            rows: rows.map { row in
                [.text(row.value), .text((activities[row.value] ?? []).joined(separator: ", "))]
                    + row.counts.map { .integer($0) }
            })
    }
}
