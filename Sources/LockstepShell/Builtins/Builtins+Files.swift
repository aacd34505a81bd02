import LockstepCore

extension Builtins {
    static let open = ShellCommand(
        CommandSpec(
            "open", summary: "Open a workbook file, replacing the one open now",
            arguments: [ArgumentSpec("FILE", completion: .files)],
            options: [OptionSpec("--discard", summary: "drop unsaved changes to the open workbook without asking")],
            examples: ["open examples/acme.yaml"]
        )
    ) { session, invocation in
        try guardUnsaved(session, discard: invocation.flag("--discard"), before: "opening another workbook")
        try session.open(invocation.arguments[0])
        session.emit(.note("opened \(session.displayName): \(summary(of: session.workbook))"))
    }

    static let new = ShellCommand(
        CommandSpec(
            "new", summary: "Start an empty workbook with every plugin loaded",
            arguments: [ArgumentSpec("FILE", completion: .files, optional: true)],
            options: [
                OptionSpec("--name", value: "NAME", summary: "the company or project the workbook describes"),
                OptionSpec(
                    "--template", value: "NAME", completion: .templateNames,
                    summary:
                        "start from a template the plugins offer (Tab lists them; the built-in ones: a CRM's default stages)"
                ),
                OptionSpec("--discard", summary: "drop unsaved changes to the open workbook without asking"),
            ],
            examples: ["new client.yaml --name \"Acme Analytics\"", "new client.yaml --template hubspot", "new"]
        )
    ) { session, invocation in
        try guardUnsaved(session, discard: invocation.flag("--discard"), before: "starting a new workbook")
        try session.startNew(
            path: invocation.argument(0), name: invocation.option("--name"), template: invocation.option("--template"))
        let from =
            invocation.option("--template").map { " from the \($0) template (\(summary(of: session.workbook)))" } ?? ""
        session.emit(.note("new workbook \(session.displayName)\(from); 'save' writes it"))
    }

    static let save = ShellCommand(
        CommandSpec(
            "save", summary: "Write the workbook to its file, or to FILE (atomically, keeping the file's layout)",
            arguments: [ArgumentSpec("FILE", completion: .files, optional: true)],
            options: [OptionSpec("--force", summary: "overwrite even if the file changed on disk or already exists")],
            examples: ["save", "save acme-after-workshop.yaml"]
        )
    ) { session, invocation in
        let force = invocation.flag("--force")
        if !force, invocation.argument(0) == nil, session.changedOnDisk, !session.changesSinceSaved.isEmpty {
            let count = changeCount(session.changesSinceSaved.count)
            let question =
                "\(session.displayName) changed on disk since it was opened. Read it again and re-apply your \(count) on top? [y/N] "
            guard session.confirm(question) == true else {
                throw CommandError.failed(
                    "\(session.path ?? session.displayName) changed on disk since it was opened",
                    fix: "'reload' reads it again and re-applies your \(count) on top; or save to another file "
                        + "(save FILE), or overwrite with 'save --force' (the other changes are lost)")
            }
            try reportReload(session, try session.reload(discarding: false))
            session.emit(.note("not saved yet: check the result, then 'save'"))
            return
        }
        let path = try session.save(to: invocation.argument(0), force: force)
        session.emit(.note("saved \(path)"))
    }

    static let reload = ShellCommand(
        CommandSpec(
            "reload", summary: "Read the workbook's file again and re-apply this session's unsaved changes on top",
            options: [
                OptionSpec("--discard", summary: "drop this session's unsaved changes instead of re-applying them")
            ],
            examples: ["reload", "reload --discard"]
        )
    ) { session, invocation in
        try reportReload(session, try session.reload(discarding: invocation.flag("--discard")))
    }

    private static func reportReload(_ session: Session, _ outcome: (reapplied: Int, failed: [String])) throws {
        var note = "read \(session.displayName) again"
        if outcome.reapplied + outcome.failed.count > 0 {
            note += " and re-applied \(outcome.reapplied) of \(changeCount(outcome.reapplied + outcome.failed.count))"
        }
        session.emit(.note(note + (outcome.failed.isEmpty ? "" : "; these no longer apply, as said above:")))
        for line in outcome.failed { session.emit(.note("  \(Sanitized.visible(line))")) }
        guard outcome.failed.isEmpty else {
            throw CommandError.failed(
                "\(changeCount(outcome.failed.count)) could not be re-applied",
                fix: "make them again by hand if they still matter, then save")
        }
    }

    private static func changeCount(_ count: Int) -> String { count == 1 ? "1 change" : "\(count) changes" }

    /// Refuses (or, at a terminal, asks) before unsaved changes would be thrown away.
    static func guardUnsaved(_ session: Session, discard: Bool, before action: String) throws {
        guard session.isDirty, !discard else { return }
        switch session.confirm("\(session.displayName) has unsaved changes. Discard them? [y/N] ") {
        case true?: return
        case false?: throw CommandError.failed("kept the open workbook", fix: "save it first, then try again")
        case nil:
            throw CommandError.failed(
                "\(session.displayName) has unsaved changes", fix: "save first, or add --discard before \(action)")
        }
    }

    /// `3 processes, 12 stages, 40 activities`.
    static func summary(of workbook: Workbook) -> String {
        var counts: [String: Int] = [:]
        var order: [ItemKind] = []
        for item in workbook.items {
            if counts[item.kind.plural] == nil { order.append(item.kind) }
            counts[item.kind.plural, default: 0] += 1
        }
        let parts = order.map { kind -> String in
            let count = counts[kind.plural]!
            return "\(count) \(count == 1 ? kind.name.replacingDashes : kind.plural)"
        }
        return parts.isEmpty ? "empty" : parts.joined(separator: ", ")
    }
}

extension String {
    var replacingDashes: String { String(map { $0 == "-" ? " " : $0 }) }
}
