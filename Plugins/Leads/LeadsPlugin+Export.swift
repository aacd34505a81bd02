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
            if let within = stage.handoff?.firstTouchWithin { diagram.annotate("lead:\(stage.id)", "first touch ≤ \(within)") }
        }
        for (from, to) in zip(leads.stages, leads.stages.dropFirst()) {
            diagram.edges.append(Diagram.Edge(from: "lead:\(from.id)", to: "lead:\(to.id)"))
        }
        let salesStages = ItemIndex(workbook.items(of: .salesStage))
        for stage in leads.stages {
            if let enters = stage.enters?.value, case .found(let target) = salesStages.resolve(enters, as: .salesStage) {
                diagram.edges.append(Diagram.Edge(from: "lead:\(stage.id)", to: "stage:\(target.id)", label: "enters"))
            }
            if let rejects = stage.rejectsTo?.value {
                let target = leads.recycle.contains { $0.id == rejects } ? "recycle:\(rejects)" : "lead:\(rejects)"
                diagram.edges.append(Diagram.Edge(from: "lead:\(stage.id)", to: target, label: "rejected", isSidePath: true))
            }
        }
        for track in leads.recycle {
            if let back = track.returnsTo?.value {
                diagram.edges.append(Diagram.Edge(from: "recycle:\(track.id)", to: "lead:\(back)", label: "returns", isSidePath: true))
            }
        }
    }

    /// The lead lifecycle, and the funnel measured on the CRM export when there is one.
    public func reportSections(_ workbook: Workbook, context: CheckContext) -> [ReportSection] {
        guard let leads = workbook.section(LeadsSection.self), !leads.stages.isEmpty else { return [] }
        let lifecycle = Table(["stage", "owner", "qualifies when", "hand-off", "if rejected", "enters"], rows: leads.stages.map { stage in
            [.text(stage.name), .text(stage.owner ?? "nobody"), stage.criteria.map { .code($0.value) } ?? .text("—"),
             .text(LeadCommands.handoffText(stage.handoff) ?? ""), .text(stage.rejectsTo?.value ?? ""), .text(stage.enters?.value ?? "")]
        })
        var sections = [ReportSection(title: "Lead lifecycle", markdown: lifecycle.rendered(as: .markdown), order: 40)]
        guard case .success(let dataset)? = LeadDataAccess.dataset(for: workbook, context: context),
              let measures = try? LeadMeasures(leads: leads, dataset: dataset, today: context.today) else { return sections }
        var text = "Measured on \(dataset.plan.path.split(separator: "/").last.map(String.init) ?? dataset.plan.path): \(dataset.rowCount) leads"
        text += dataset.badRowCount > 0 ? " (\(dataset.badRowCount) unreadable row\(dataset.badRowCount == 1 ? "" : "s") left out).\n\n" : ".\n\n"
        text += Funnel(measures).table.rendered(as: .markdown)
        let sla = HandoffSLA(measures)
        if !sla.measured.isEmpty {
            text += "\nHand-offs against their first-touch SLA, and leads sales never touched:\n\n" + sla.table.rendered(as: .markdown)
            text += "\n" + sla.ignoredTable.rendered(as: .markdown)
        }
        sections.append(ReportSection(title: "Lead funnel on CRM data", markdown: text, order: 50))
        return sections
    }
}
