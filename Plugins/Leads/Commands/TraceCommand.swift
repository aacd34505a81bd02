import LockstepCore

/// `trace`: a lead's path from the first lead stage through the sales stage it enters to the
/// last stage of that process, with owners, SLAs, rejection paths, the content that supports
/// each sales stage (when the marketing plugin is loaded), and each step a rule flags.
enum TraceCommand {
    static let command = Command(CommandSpec(
        "trace", summary: "A lead's path from first inquiry to the last stage of the sales process it enters: owners, criteria, SLAs, rejection paths, content and what the rules flag",
        arguments: [ArgumentSpec("STAGE", completion: .ids(.leadStage), optional: true)],
        options: [OptionSpec("--path", value: "PATH", completion: .ids(.leadPath), summary: "follow this lead path (default: the first)")],
        examples: ["trace", "trace mql", "trace --path partner"]
    )) { environment, invocation in
        let workbook = environment.workbook
        let leads = try LeadDataAccess.section(of: workbook)
        // The stages of the path followed: the one named, the first declared, or all stages in order.
        var sequence = leads.sequences.first ?? []
        if let name = invocation.option("--path") {
            guard let position = leads.paths.firstIndex(where: { $0.id == name }) else {
                throw CommandError.unknown("lead path", name, among: leads.paths.map(\.id))
            }
            sequence = leads.sequences[position]
        }
        guard !sequence.isEmpty else { throw CommandError.failed("the lead path has no stages", fix: "edit lead-path ID stages A,B,C") }
        let path = sequence.map { leads.stages[$0] }
        let end: Int
        if let id = invocation.argument(0) {
            let index = try LeadCommands.index(of: id, in: leads)
            guard let position = sequence.firstIndex(of: index) else {
                throw CommandError.usage("trace: '\(id)' is not on this lead path", fix: "trace --path PATH \(id)")
            }
            end = position
        } else {
            end = path.firstIndex { $0.enters != nil } ?? path.count - 1
        }
        // What the rules flag at each step, shown under it.
        let context = CheckContext(today: environment.today, workbookPath: environment.workbookPath, attachments: environment.attachments)
        let findings = CheckRunner(checks: workbook.runnableChecks(plugins: environment.plugins)).run(workbook, context: context)
            .filter(\.isOpen)
        func flags(_ id: String) -> [String] {
            findings.filter { $0.target == id || $0.target.hasPrefix(id + "/") }
                .map { "     ⚑ \($0.severity.rawValue) [\($0.rule)] \($0.message)" }
        }
        var lines: [String] = []
        var previousOwner: String?
        for (number, stage) in path[...end].enumerated() {
            let owner = stage.owner ?? "nobody (LD005)"
            let change = previousOwner != nil && stage.owner != nil && stage.owner != previousOwner ? "  ← ownership changes" : ""
            lines.append("\(number + 1). \(stage.id) — \(stage.name), owned by \(owner)\(change)")
            lines.append("     qualifies when: " + (stage.criteria?.value ?? (number == 0 ? "every lead enters here" : "no criteria (LD001)")))
            if let handoff = LeadCommands.handoffText(stage.handoff) { lines.append("     hands over: \(handoff)") }
            if let rejects = stage.rejectsTo?.value {
                let track = leads.recycle.first { $0.id == rejects }
                lines.append("     if rejected: \(rejects)" + (track?.returnsTo.map { ", which returns leads to \($0.value)" } ?? ""))
            }
            lines += flags(stage.id)
            previousOwner = stage.owner ?? previousOwner
        }
        let last = path[end]
        if let enters = last.enters?.value {
            let index = ItemIndex(workbook.items(of: .salesStage))
            if case .found(let salesStage) = index.resolve(enters, as: .salesStage) {
                // The entered stage, then the rest of its process to the deal.
                let stages = workbook.items(of: .salesStage)
                let process = salesStage.fields["process"]
                let start = stages.firstIndex { $0.id == salesStage.id } ?? 0
                let others = environment.plugins.filter { $0.name != "leads" }
                for (offset, step) in stages[start...].enumerated() where step.fields["process"] == process {
                    lines.append(offset == 0 ? "→ enters sales stage \(step.id) — \(step.name)" : "→ then \(step.id) — \(step.name)")
                    for line in others.flatMap({ $0.describe(step, in: workbook) }) where !line.hasPrefix("process:") {
                        lines.append("     \(line)")
                    }
                    lines += flags(step.id)
                }
                if others.isEmpty { lines.append("     (load the marketing plugin to see the content that supports these steps)") }
            } else {
                lines.append("→ enters \(enters), which is not a sales stage of this workbook (WB001)")
            }
        } else {
            lines.append("→ enters no sales stage: set `enters: PROCESS/STAGE` on the stage that hands over to sales")
        }
        environment.emit(.text(lines.joined(separator: "\n")))
    }
}
