import LockstepCore

extension StagesPlugin {
    /// Each process as a box of its stages, in order, with the probability of winning at each.
    public func draw(_ diagram: inout Diagram, workbook: Workbook) {
        for process in workbook.processes {
            let nodes = process.stages.map { stage in
                Diagram.Node(id: "stage:\(process.id)/\(stage.id)", label: stage.name)
            }
            diagram.groups.append(Diagram.Group(id: "process:\(process.id)", label: "\(process.name) (\(process.kind ?? "process"))", nodes: nodes))
            for stage in process.stages {
                if let probability = stage.probability { diagram.annotate("stage:\(process.id)/\(stage.id)", "\(probability)% to win") }
            }
            for (from, to) in zip(process.stages, process.stages.dropFirst()) {
                diagram.edges.append(Diagram.Edge(from: "stage:\(process.id)/\(from.id)", to: "stage:\(process.id)/\(to.id)"))
            }
        }
        // A deal won at the end of a new-business process makes a customer: the customer process
        // starts there, so no process floats unconnected.
        let customers = workbook.processes.filter { $0.kind == "customer" }
        for won in workbook.processes where won.kind != "customer" {
            guard let last = won.stages.last else { continue }
            for customer in customers {
                guard let first = customer.stages.first else { continue }
                diagram.edges.append(Diagram.Edge(from: "stage:\(won.id)/\(last.id)", to: "stage:\(customer.id)/\(first.id)", label: "won"))
            }
        }
    }

    /// The strategy both teams align to, then the processes as a stage map: the client's own words.
    public func reportSections(_ workbook: Workbook, context: CheckContext) -> [ReportSection] {
        var sections: [ReportSection] = []
        if let strategy = workbook.section(StrategySection.self) {
            let facts = [("What innovation is based on", strategy.innovation), ("How clients judge value", strategy.value),
                         ("What the brand stands for", strategy.brand), ("What sales is expected to do", strategy.salesRole),
                         ("Target segments", strategy.segments.isEmpty ? nil : strategy.segments.joined(separator: ", "))]
                .compactMap { term, detail in detail.map { Fact(term, $0) } }
            if !facts.isEmpty {
                sections.append(ReportSection(title: "Go-to-market strategy", blocks: [.facts(facts)], order: 5))
            }
        }
        guard !workbook.processes.isEmpty else { return sections }
        let entered = Self.enteringLeadStages(workbook)
        let lanes = workbook.processes.map { process in
            StageMap.Lane(name: process.name, kind: Self.kindWords[process.kind ?? ""] ?? process.kind,
                          enteredFrom: entered[process.id].map { ClientText.list($0) },
                          stages: process.stages.map { StageMap.Stage(name: $0.name, phase: $0.phase, probability: $0.probability, owner: $0.owner.map(ClientText.words)) })
        }
        sections.append(ReportSection(
            title: "Sales process", blocks: [.paragraph("The stages a deal goes through, with the chance of winning from each."), .stageMap(StageMap(lanes: lanes))],
            order: 10))
        let criteria = Table(["process", "stage", "exit criteria"], rows: workbook.processes.flatMap { process in
            process.stages.map { [.text(process.name), .text($0.name), .text($0.exit.isEmpty ? "none written" : $0.exit.joined(separator: "; "))] }
        })
        sections.append(ReportSection(title: "Exit criteria", blocks: [.table(criteria)], order: 10, part: .appendix))
        return sections
    }

    /// Process kinds in words.
    static let kindWords = ["new": "new business", "customer": "existing customers"]

    /// The lead stages (by name) that hand over into each process, read through the core's items.
    static func enteringLeadStages(_ workbook: Workbook) -> [String: [String]] {
        var entering: [String: [String]] = [:]
        let stages = ItemIndex(workbook.items(of: .stage))
        for lead in workbook.items(of: .leadStage) {
            guard case .string(let target?)? = lead.fields["enters"], case .found(let stage) = stages.resolve(target, as: .stage) else { continue }
            entering[String(stage.id.prefix { $0 != "/" }), default: []].append(lead.name)
        }
        return entering
    }
}
