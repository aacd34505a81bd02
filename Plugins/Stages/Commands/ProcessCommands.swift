import LockstepCore

enum ProcessCommands {
    static let add = Command(CommandSpec(
        "process add", summary: "Add a sales process: new business, or a customer process",
        arguments: [ArgumentSpec("ID")],
        options: [OptionSpec("--name", value: "NAME", summary: "the process's display name"),
                  OptionSpec("--kind", value: "new|customer", completion: .words(SalesProcess.kinds), summary: "new business, or existing customers")],
        examples: ["process add partner --name \"Partner channel\" --kind new"],
        changesWorkbook: true
    )) { environment, invocation in
        let id = try Identifier.validated(invocation.arguments[0], in: "process add")
        if let kind = invocation.option("--kind"), !SalesProcess.kinds.contains(kind) {
            throw CommandError.usage("process add: --kind is new or customer, not '\(kind)'", fix: "new for new business; customer for retention, renewal, expansion")
        }
        guard !environment.workbook.processes.contains(where: { $0.id == id }) else {
            throw CommandError.failed("there is already a process '\(id)'", fix: "choose another id")
        }
        var process = SalesProcess(id: id, name: invocation.option("--name") ?? id)
        process.kind = invocation.option("--kind")
        try environment.edit("process add \(id)") { $0.update(ProcessesSection.self) { $0.processes.append(process) } }
        environment.emit(.note("added process \(id)"))
    }

    static let rename = Command(CommandSpec(
        "process rename", summary: "Give a process a new id; its stages' full ids and every reference to them follow",
        arguments: [ArgumentSpec("PROCESS", completion: .ids(.process)), ArgumentSpec("NEW-ID")],
        examples: ["process rename new-business acquisition"],
        changesWorkbook: true
    )) { environment, invocation in
        let item = try ItemIndex(environment.workbook.items(of: .process)).require(invocation.arguments[0], as: .process)
        let newID = try Identifier.validated(invocation.arguments[1], in: "process rename")
        guard !environment.workbook.processes.contains(where: { $0.id == newID }) else {
            throw CommandError.failed("there is already a process '\(newID)'", fix: "choose another id")
        }
        let referrers = environment.workbook.referrers(of: item).count
        try environment.edit("process rename \(item.id) \(newID)") { workbook in
            workbook.update(ProcessesSection.self) { section in
                if let index = section.processes.firstIndex(where: { $0.id == item.id }) { section.processes[index].id = newID }
            }
            // A stage's full id starts with its process's: `new-business/discovery` follows to `acquisition/discovery`.
            workbook.rewriteReferences { kind, id in
                if kind == .process, id == item.id { return newID }
                if kind == .stage, id.hasPrefix(item.id + "/") { return newID + id.dropFirst(item.id.count) }
                return id
            }
        }
        environment.emit(.note("renamed process \(item.id) to \(newID)" + (referrers > 0 ? "; updated \(referrers) items that name it" : "")))
    }

    static let stages = Command(CommandSpec(
        "stages", summary: "List the stages of every process (or one) with phase, probability and owner",
        options: [OptionSpec("--process", value: "PROCESS", completion: .ids(.process), summary: "only this process")],
        examples: ["stages", "stages --process expansion"]
    )) { environment, invocation in
        let processes = environment.workbook.processes.filter { invocation.option("--process").map($0.id.elementsEqual) ?? true }
        if let wanted = invocation.option("--process"), processes.isEmpty {
            _ = try ItemIndex(environment.workbook).require(wanted, as: .process)
        }
        let rows: [[Table.Cell]] = processes.flatMap { process in
            process.stages.map { stage in
                [.text(process.id), .text(stage.id), .text(stage.name), .text(stage.phase ?? ""),
                 stage.probability.map { .integer($0) } ?? .empty, .text(stage.owner ?? "")]
            }
        }
        environment.emit(.table(Table(["process", "stage", "name", "phase", "probability", "owner"], rows: rows)))
    }
}
