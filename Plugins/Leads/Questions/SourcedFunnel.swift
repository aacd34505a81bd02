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

    init(_ measures: LeadMeasures, field: String, workbook: Workbook) throws(CommandError) {
        let leads = measures.leads
        guard let declared = leads.fields.first(where: { $0.name.value == field }) else {
            throw .unknown("lead field", field, among: leads.fields.map(\.name.value))
        }
        guard declared.type == "string", case .string(let codes, let names)? = measures.dataset.frame.columns[field]
        else {
            throw .usage(
                "funnel --by takes a text field the export has a column for; '\(field)' is \(declared.type)",
                fix: "name a text field such as a lead source, mapped under leads.data.columns")
        }
        var counts = Array(repeating: Array(repeating: 0, count: leads.stages.count), count: names.count + 1)
        for row in 0..<measures.dataset.rowCount {
            let value = codes[row] < 0 ? names.count : Int(codes[row])
            for stage in leads.stages.indices where measures.meets[stage][row] { counts[value][stage] += 1 }
        }
        let labelled = (names + ["(empty)"]).enumerated().map { ($1, counts[$0]) }.filter { $0.1.contains { $0 > 0 } }
        rows = labelled.sorted { ($0.1.last ?? 0, $0.1.first ?? 0, $1.0) > ($1.1.last ?? 0, $1.1.first ?? 0, $0.0) }
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
