import LockstepCore

/// `trace`: a lead's path from the first lead stage to the sales stage it enters, with owners,
/// SLAs and, when the marketing plugin is loaded, the content that supports the step into sales.
enum TraceCommand {
    static let command = Command(CommandSpec(
        "trace", summary: "A lead's path from inquiry to the sales stage it enters: owners, criteria, SLAs, rejection paths and supporting content",
        arguments: [ArgumentSpec("STAGE", completion: .ids(.leadStage), optional: true)],
        examples: ["trace", "trace mql"]
    )) { environment, invocation in
        let workbook = environment.workbook
        let leads = try LeadDataAccess.section(of: workbook)
        let end: Int
        if let id = invocation.argument(0) {
            end = try LeadCommands.index(of: id, in: leads)
        } else {
            end = leads.stages.firstIndex { $0.enters != nil } ?? leads.stages.count - 1
        }
        var lines: [String] = []
        var previousOwner: String?
        for (number, stage) in leads.stages[...end].enumerated() {
            let owner = stage.owner ?? "nobody (LD005)"
            let change = previousOwner != nil && stage.owner != nil && stage.owner != previousOwner ? "  ← ownership changes" : ""
            lines.append("\(number + 1). \(stage.id) — \(stage.name), owned by \(owner)\(change)")
            lines.append("     qualifies when: " + (stage.criteria?.value ?? (number == 0 ? "every lead enters here" : "no criteria (LD001)")))
            if let handoff = LeadCommands.handoffText(stage.handoff) { lines.append("     hands over: \(handoff)") }
            if let rejects = stage.rejectsTo?.value {
                let track = leads.recycle.first { $0.id == rejects }
                lines.append("     if rejected: \(rejects)" + (track?.returnsTo.map { ", which returns leads to \($0.value)" } ?? ""))
            }
            previousOwner = stage.owner ?? previousOwner
        }
        let last = leads.stages[end]
        if let enters = last.enters?.value {
            let index = ItemIndex(workbook.items(of: .salesStage))
            if case .found(let salesStage) = index.resolve(enters, as: .salesStage) {
                lines.append("→ enters sales stage \(salesStage.id) — \(salesStage.name)")
                let others = environment.plugins.filter { $0.name != "leads" }
                for line in others.flatMap({ $0.describe(salesStage, in: workbook) }) { lines.append("     \(line)") }
                if others.isEmpty { lines.append("     (load the marketing plugin to see the content that supports this step)") }
            } else {
                lines.append("→ enters \(enters), which is not a sales stage of this workbook (WB001)")
            }
        } else {
            lines.append("→ enters no sales stage: set `enters: PROCESS/STAGE` on the stage that hands over to sales")
        }
        environment.emit(.text(lines.joined(separator: "\n")))
    }
}
