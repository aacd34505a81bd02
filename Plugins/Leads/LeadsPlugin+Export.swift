import LockstepCore

extension LeadsPlugin {
    /// The lead lifecycle as a box, each stage's owner under its name, the hand-over into the
    /// sales stage it enters, and rejected leads' way back through a nurture track.
    public func draw(_ diagram: inout Diagram, workbook: Workbook) {
        guard let leads = workbook.section(LeadsSection.self), !leads.stages.isEmpty else { return }
        var nodes = leads.stages.map { Diagram.Node(id: "lead:\($0.id)", label: $0.name) }
        nodes += leads.recycle.map { Diagram.Node(id: "recycle:\($0.id)", label: $0.name) }
        diagram.groups.insert(Diagram.Group(id: "leads", label: "Lead lifecycle", nodes: nodes), at: 0)
        for stage in leads.stages {
            if let owner = stage.owner { diagram.annotate("lead:\(stage.id)", "owner: \(owner)") }
            if let within = stage.handoff?.firstTouchWithin {
                diagram.annotate("lead:\(stage.id)", "first touch ≤ \(within)")
            }
        }
        for (from, to) in zip(leads.stages, leads.stages.dropFirst()) {
            diagram.edges.append(Diagram.Edge(from: "lead:\(from.id)", to: "lead:\(to.id)"))
        }
        let salesStages = ItemIndex(workbook.items(of: .salesStage))
        for stage in leads.stages {
            if let enters = stage.enters?.value, case .found(let target) = salesStages.resolve(enters, as: .salesStage)
            {
                diagram.edges.append(Diagram.Edge(from: "lead:\(stage.id)", to: "stage:\(target.id)", label: "enters"))
            }
            if let rejects = stage.rejectsTo?.value {
                let target = leads.recycle.contains { $0.id == rejects } ? "recycle:\(rejects)" : "lead:\(rejects)"
                diagram.edges.append(
                    Diagram.Edge(from: "lead:\(stage.id)", to: target, label: "rejected", isSidePath: true))
            }
        }
        for track in leads.recycle {
            if let back = track.returnsTo?.value {
                diagram.edges.append(
                    Diagram.Edge(from: "recycle:\(track.id)", to: "lead:\(back)", label: "returns", isSidePath: true))
            }
        }
    }

    /// The lead lifecycle, the funnel and hand-offs measured on the CRM export when there is one,
    /// the team in the appendix, and the criteria as written for the technical appendix.
    public func reportSections(_ workbook: Workbook, context: CheckContext) -> [ReportSection] {
        var sections: [ReportSection] = []
        if let team = workbook.section(TeamSection.self) {
            let facts = [
                ("Sales reps", team.salesReps.map(String.init)),
                ("Lead-generation reps", team.leadGenReps.map(String.init)),
                ("Type of sale", team.sale),
            ].compactMap { term, detail in detail.map { Fact(term, $0) } }
            if !facts.isEmpty {
                sections.append(ReportSection(title: "Team", blocks: [.facts(facts)], order: 30, part: .appendix))
            }
        }
        guard let leads = workbook.section(LeadsSection.self), !leads.stages.isEmpty else { return sections }
        let names = Dictionary(
            (leads.stages.map { ($0.id, $0.name) } + leads.recycle.map { ($0.id, $0.name) }),
            uniquingKeysWith: { a, _ in a })
        let salesStages = ItemIndex(workbook.items(of: .salesStage))
        let lifecycle = Table(
            ["stage", "owned by", "hand-off", "if rejected, goes to", "then enters"],
            rows: leads.stages.map { stage in
                var enters = ""
                if let target = stage.enters?.value,
                    case .found(let item) = salesStages.resolve(target, as: .salesStage)
                {
                    enters = item.name
                }
                return [
                    .text(stage.name),
                    .text(stage.owner.map { Self.ownerWords[$0] ?? ClientText.words($0) } ?? "nobody"),
                    .text(
                        LeadCommands.handoffText(stage.handoff).map {
                            Self.ownerWords.reduce($0) { $0.replacing($1.key, with: $1.value) }
                        } ?? ""),
                    .text(stage.rejectsTo.map { names[$0.value] ?? $0.value } ?? ""), .text(enters),
                ]
            })
        sections.append(
            ReportSection(
                title: "Lead lifecycle",
                blocks: [
                    .paragraph(
                        "How a lead moves from first interest to the sales process, who owns it at each stage, and how fast it must be followed up."
                    ),
                    .table(lifecycle),
                ], order: 40))
        let criteria = Table(
            ["stage", "qualifies when"],
            rows: leads.stages.map { [.text($0.id), $0.criteria.map { .code($0.value) } ?? .text("—")] })
        sections.append(
            ReportSection(title: "Lead definitions as written", blocks: [.table(criteria)], order: 20, part: .technical)
        )
        guard case .success(let (tally, summary))? = LeadDataAccess.tally(for: workbook, context: context) else {
            return sections
        }
        sections.append(
            ReportSection(
                title: "Lead funnel on CRM data", blocks: Self.funnelBlocks(tally, summary: summary, leads: leads),
                order: 50))
        return sections
    }

    /// Owners as a client says them.
    static let ownerWords = ["lead-gen": "lead generation"]

    /// The funnel as bars and a table, then the hand-offs against their SLA: client words, stage names.
    static func funnelBlocks(_ tally: LeadTally, summary: LeadDataSummary, leads: LeadsSection) -> [ReportBlock] {
        let funnel = Funnel(tally, leads: leads, plan: summary.plan)
        let total = max(funnel.total, 1)
        var text = "Measured on \(summary.rowCount) leads from the CRM export"
        text +=
            summary.badRowCount > 0
            ? " (\(summary.badRowCount) unreadable row\(summary.badRowCount == 1 ? "" : "s") left out)." : "."
        let bars = funnel.rows.map { row in
            BarChart.Bar(
                label: row.stage.name, value: Double(row.meets),
                shown: "\(row.meets) (\(ClientText.percent(Double(row.meets) / Double(total))))")
        }
        let rows = funnel.rows.enumerated().map { index, row -> [Table.Cell] in
            let previous = index == 0 ? funnel.total : funnel.rows[index - 1].meets
            return [
                .text(row.stage.name), .integer(row.meets),
                .text(ClientText.percent(Double(row.meets) / Double(total))),
                .text(previous == 0 ? "" : ClientText.percent(Double(row.meets) / Double(previous))),
            ]
        }
        var blocks: [ReportBlock] = [
            .paragraph(text), .bars(BarChart(title: "Leads reaching each stage", bars: bars)),
            .table(Table(["stage", "leads", "of all leads", "of the stage before"], rows: rows)),
        ]
        let sla = HandoffSLA(tally, leads: leads)
        if !sla.measured.isEmpty {
            blocks.append(.paragraph("Hand-offs against the agreed time to first touch:"))
            blocks.append(
                .table(
                    Table(
                        ["stage", "agreed first touch", "handed over", "late or never", "never called"],
                        rows: sla.measured.map { stage in
                            [
                                .text(stage.stage.name), .text("within \(stage.limit)"), .integer(stage.handedOff),
                                .text("\(stage.breaches) (\(ClientText.percent(stage.breachShare)))"),
                                .text("\(stage.untouched) (\(ClientText.percent(stage.untouchedShare)))"),
                            ]
                        })))
        }
        return blocks
    }
}
