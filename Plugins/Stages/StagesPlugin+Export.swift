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
    }

    /// The processes and their stages, as the client's team described them.
    public func reportSections(_ workbook: Workbook, context: CheckContext) -> [ReportSection] {
        guard !workbook.processes.isEmpty else { return [] }
        var text = ""
        for process in workbook.processes {
            text += "**\(MarkdownText.inline(process.name))** (\(MarkdownText.inline(process.kind ?? "process")))\n\n"
            let table = Table(["stage", "phase", "win probability", "owner", "exit criteria"], rows: process.stages.map { stage in
                [.text(stage.name), .text(stage.phase ?? ""), stage.probability.map { .text("\($0)%") } ?? .empty,
                 .text(stage.owner ?? ""), .text(stage.exit.joined(separator: "; "))]
            })
            text += table.rendered(as: .markdown)
            if process.id != workbook.processes.last?.id { text += "\n" }
        }
        return [ReportSection(title: "Sales process", markdown: text, order: 10)]
    }
}
