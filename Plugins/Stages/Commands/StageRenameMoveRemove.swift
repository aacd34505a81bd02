import LockstepCore

enum StageRenameMoveRemove {
    static let rename = Command(CommandSpec(
        "stage rename", summary: "Give a stage a new id, updating every reference to it",
        arguments: [ArgumentSpec("STAGE", completion: .ids(.stage)), ArgumentSpec("NEW-ID")],
        examples: ["stage rename discovery qualification"],
        changesWorkbook: true
    )) { environment, invocation in
        let located = try StageEditing.locate(invocation.arguments[0], in: environment.workbook)
        let newID = try Identifier.validated(invocation.arguments[1], in: "stage rename")
        let process = environment.workbook.processes[located.process]
        guard !process.stages.contains(where: { $0.id == newID }) else {
            throw CommandError.failed("process '\(process.id)' already has a stage '\(newID)'", fix: "choose another id")
        }
        let oldID = located.item.id, qualified = "\(process.id)/\(newID)"
        let index = ItemIndex(environment.workbook.items(of: .stage))
        let referrers = environment.workbook.referrers(of: located.item).count
        try environment.edit("stage rename \(oldID) \(newID)") { workbook in
            workbook.update(ProcessesSection.self) { $0.processes[located.process].stages[located.stage].id = newID }
            workbook.rewriteReferences { kind, id in
                guard kind == .stage, case .found(let item) = index.resolve(id, as: .stage), item.id == oldID else { return id }
                return id.contains("/") ? qualified : newID
            }
        }
        environment.emit(.note("renamed \(oldID) to \(qualified)" + (referrers > 0 ? "; updated \(referrers) items that name it" : "")))
    }

    static let move = Command(CommandSpec(
        "stage move", summary: "Move a stage before or after another stage of its process",
        arguments: [ArgumentSpec("STAGE", completion: .ids(.stage))],
        options: [OptionSpec("--after", value: "STAGE", completion: .ids(.stage), summary: "put it after this stage"),
                  OptionSpec("--before", value: "STAGE", completion: .ids(.stage), summary: "put it before this stage")],
        examples: ["stage move evaluation --after proposal", "stage move demo --before proposal"],
        changesWorkbook: true
    )) { environment, invocation in
        let moving = try StageEditing.locate(invocation.arguments[0], in: environment.workbook)
        guard let anchorID = invocation.option("--after") ?? invocation.option("--before") else {
            throw CommandError.usage("stage move: say where, with --after STAGE or --before STAGE", fix: "e.g. stage move \(moving.item.id) --after discovery")
        }
        let anchor = try StageEditing.locate(anchorID, in: environment.workbook)
        guard anchor.process == moving.process, anchor.stage != moving.stage else {
            throw CommandError.usage("stage move: '\(anchor.item.id)' is not another stage of the same process", fix: "stages move within their process")
        }
        try environment.edit("stage move \(moving.item.id)") { workbook in
            workbook.update(ProcessesSection.self) { section in
                var stages = section.processes[moving.process].stages
                let stage = stages.remove(at: moving.stage)
                let target = stages.firstIndex { $0.id == anchor.item.id.split(separator: "/").last.map(String.init) }!
                stages.insert(stage, at: invocation.option("--after") != nil ? target + 1 : target)
                section.processes[moving.process].stages = stages
            }
        }
        environment.emit(.note("moved \(moving.item.id) \(invocation.option("--after") != nil ? "after" : "before") \(anchor.item.id)"))
    }

    static let remove = Command(CommandSpec(
        "stage remove", summary: "Remove a stage; refused while activities or lead stages name it, unless --force unmaps them",
        arguments: [ArgumentSpec("STAGE", completion: .ids(.stage))],
        options: [OptionSpec("--force", summary: "remove it anyway, taking it off every activity and lead stage that names it")],
        examples: ["stage remove demo", "stage remove demo --force"],
        changesWorkbook: true
    )) { environment, invocation in
        let located = try StageEditing.locate(invocation.arguments[0], in: environment.workbook)
        let referrers = environment.workbook.referrers(of: located.item)
        if !referrers.isEmpty, !invocation.flag("--force") {
            let names = referrers.map { "\($0.kind.name) \($0.id)" }.joined(separator: ", ")
            switch environment.confirm("\(located.item.id) is named by \(names). Remove it and unmap them? [y/N] ") {
            case true?: break
            case false?: throw CommandError.failed("kept \(located.item.id)", fix: nil)
            case nil: throw CommandError.failed("\(located.item.id) is still named by \(names)", fix: "map them elsewhere first, or add --force to unmap them")
            }
        }
        let index = ItemIndex(environment.workbook.items(of: .stage))
        try environment.edit("stage remove \(located.item.id)") { workbook in
            workbook.update(ProcessesSection.self) { _ = $0.processes[located.process].stages.remove(at: located.stage) }
            workbook.rewriteReferences { kind, id in
                guard kind == .stage, case .found(let item) = index.resolve(id, as: .stage), item.id == located.item.id else { return id }
                return nil
            }
        }
        environment.emit(.note("removed \(located.item.id)" + (referrers.isEmpty ? "" : "; unmapped it from \(referrers.count) items")))
    }
}
