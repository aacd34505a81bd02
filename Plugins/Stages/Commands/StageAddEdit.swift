import LockstepCore

enum StageAddEdit {
    static let add = Command(CommandSpec(
        "stage add", summary: "Add a stage to a process (at the end, or after another stage)",
        arguments: [ArgumentSpec("PROCESS/STAGE")],
        options: StageEditing.fieldOptions + [OptionSpec("--after", value: "STAGE", completion: .ids(.stage), summary: "put it after this stage")],
        examples: ["stage add new-business/demo --name Demo --phase consideration --probability 30 --after discovery"],
        changesWorkbook: true
    )) { environment, invocation in
        let parts = invocation.arguments[0].split(separator: "/").map(String.init)
        guard parts.count == 2, Identifier.isValid(parts[1]) else {
            throw CommandError.usage("stage add: write the new stage as PROCESS/STAGE with a lower-case id, not '\(invocation.arguments[0])'",
                                     fix: "e.g. stage add new-business/\(Identifier.suggest(from: parts.last ?? "stage"))")
        }
        let process = try ItemIndex(environment.workbook).require(parts[0], as: .process)
        var stage = SalesStage(id: parts[1], name: parts[1])
        _ = try StageEditing.apply(invocation, to: &stage)
        var position: Int?
        if let after = invocation.option("--after") {
            let located = try StageEditing.locate(after, in: environment.workbook)
            guard located.item.id.hasPrefix(process.id + "/") else {
                throw CommandError.usage("--after: stage '\(located.item.id)' is not in process '\(process.id)'", fix: "name a stage of \(process.id)")
            }
            position = located.stage + 1
        }
        try environment.edit("stage add \(process.id)/\(stage.id)") { workbook in
            try workbook.update(ProcessesSection.self) { section in
                let p = section.processes.firstIndex { $0.id == process.id }!
                guard !section.processes[p].stages.contains(where: { $0.id == stage.id }) else {
                    throw CommandError.failed("process '\(process.id)' already has a stage '\(stage.id)'", fix: "choose another id, or 'stage edit' it")
                }
                section.processes[p].stages.insert(stage, at: position ?? section.processes[p].stages.count)
            }
        }
        environment.emit(.note("added stage \(process.id)/\(stage.id)"))
    }

    static let edit = Command(CommandSpec(
        "stage edit", summary: "Change a stage's name, phase, probability, owner, goal or exit criteria",
        arguments: [ArgumentSpec("STAGE", completion: .ids(.stage))],
        options: StageEditing.fieldOptions,
        examples: ["stage edit proposal --probability 60 --exit \"Proposal accepted; Budget approved\""],
        changesWorkbook: true
    )) { environment, invocation in
        let located = try StageEditing.locate(invocation.arguments[0], in: environment.workbook)
        var stage = environment.workbook.processes[located.process].stages[located.stage]
        let changed = try StageEditing.apply(invocation, to: &stage)
        guard !changed.isEmpty else {
            throw CommandError.usage("stage edit: say what to change", fix: "e.g. stage edit \(located.item.id) --probability 40; 'help stage edit' lists the options")
        }
        try environment.edit("stage edit \(located.item.id)") { workbook in
            workbook.update(ProcessesSection.self) { $0.processes[located.process].stages[located.stage] = stage }
        }
        environment.emit(.note("changed \(changed.joined(separator: ", ")) of \(located.item.id)"))
    }
}
