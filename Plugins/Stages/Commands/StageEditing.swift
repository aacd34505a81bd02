import LockstepCore

/// Shared pieces of the stage commands: finding a stage, reading the options that set its fields.
enum StageEditing {
    static let fieldOptions = [
        OptionSpec("--name", value: "NAME", summary: "the stage's display name"),
        OptionSpec("--phase", value: "PHASE", completion: .words(SalesStage.phases), summary: "awareness, consideration, decision, retention or expansion"),
        OptionSpec("--probability", value: "PERCENT", summary: "win probability, 0 to 100"),
        OptionSpec("--owner", value: "ROLE", summary: "the role that owns the stage"),
        OptionSpec("--goal", value: "TEXT", summary: "what the stage is for"),
        OptionSpec("--exit", value: "CRITERIA", summary: "exit criteria, separated by ';'"),
    ]

    /// The process and stage positions of a stage id (`process/stage` or a unique bare id).
    static func locate(_ id: String, in workbook: Workbook) throws -> (process: Int, stage: Int, item: Item) {
        let item = try ItemIndex(workbook.items(of: .stage)).require(id, as: .stage)
        let parts = item.id.split(separator: "/").map(String.init)
        let processes = workbook.section(ProcessesSection.self)?.processes ?? []
        guard let p = processes.firstIndex(where: { $0.id == parts[0] }),
              let s = processes[p].stages.firstIndex(where: { $0.id == parts[1] }) else {
            throw CommandError.failed("stage '\(id)' vanished while it was looked up", fix: nil)
        }
        return (p, s, item)
    }

    /// Applies `--name`, `--phase`, … to a stage; says what changed.
    static func apply(_ invocation: Invocation, to stage: inout SalesStage) throws -> [String] {
        var changed: [String] = []
        if let name = invocation.option("--name") { stage.name = name; changed.append("name") }
        if let phase = invocation.option("--phase") {
            guard SalesStage.phases.contains(phase) else { throw CommandError.unknown("phase", phase, among: SalesStage.phases) }
            stage.phase = phase
            changed.append("phase")
        }
        if let text = invocation.option("--probability") {
            guard let probability = Int(text), (0...100).contains(probability) else {
                throw CommandError.usage("--probability takes a whole number from 0 to 100, not '\(text)'", fix: "e.g. --probability 40")
            }
            stage.probability = probability
            changed.append("probability")
        }
        if let owner = invocation.option("--owner") { stage.owner = owner.isEmpty ? nil : owner; changed.append("owner") }
        if let goal = invocation.option("--goal") { stage.goal = goal.isEmpty ? nil : goal; changed.append("goal") }
        if let exit = invocation.option("--exit") {
            stage.exit = exit.split(separator: ";").map { $0.trimmed }.filter { !$0.isEmpty }
            changed.append("exit criteria")
        }
        return changed
    }
}
