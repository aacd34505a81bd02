import LockstepCore

extension Builtins {
    static let open = ShellCommand(CommandSpec(
        "open", summary: "Open a workbook file, replacing the one open now",
        arguments: [ArgumentSpec("FILE", completion: .files)],
        options: [OptionSpec("--discard", summary: "drop unsaved changes to the open workbook without asking")],
        examples: ["open examples/acme.yaml"]
    )) { session, invocation in
        try guardUnsaved(session, discard: invocation.flag("--discard"), before: "opening another workbook")
        try session.open(invocation.arguments[0])
        session.emit(.note("opened \(session.displayName): \(summary(of: session.workbook))"))
    }

    static let new = ShellCommand(CommandSpec(
        "new", summary: "Start an empty workbook with every plugin loaded",
        arguments: [ArgumentSpec("FILE", completion: .files, optional: true)],
        options: [OptionSpec("--name", value: "NAME", summary: "the company or project the workbook describes"),
                  OptionSpec("--template", value: "CRM", completion: .words(WorkbookTemplates.names),
                             summary: "start from a CRM's default stages: salesforce, hubspot or waterfall (Inquiry → MQL → SAL → SQL)"),
                  OptionSpec("--discard", summary: "drop unsaved changes to the open workbook without asking")],
        examples: ["new client.yaml --name \"Acme Analytics\"", "new client.yaml --template hubspot", "new"]
    )) { session, invocation in
        try guardUnsaved(session, discard: invocation.flag("--discard"), before: "starting a new workbook")
        try session.startNew(path: invocation.argument(0), name: invocation.option("--name"), template: invocation.option("--template"))
        let from = invocation.option("--template").map { " from the \($0) template (\(summary(of: session.workbook)))" } ?? ""
        session.emit(.note("new workbook \(session.displayName)\(from); 'save' writes it"))
    }

    static let save = ShellCommand(CommandSpec(
        "save", summary: "Write the workbook to its file, or to FILE (atomically)",
        arguments: [ArgumentSpec("FILE", completion: .files, optional: true)],
        options: [OptionSpec("--force", summary: "overwrite even if the file changed on disk or already exists")],
        examples: ["save", "save acme-after-workshop.yaml"]
    )) { session, invocation in
        let path = try session.save(to: invocation.argument(0), force: invocation.flag("--force"))
        session.emit(.note("saved \(path)"))
    }

    /// Refuses (or, at a terminal, asks) before unsaved changes would be thrown away.
    static func guardUnsaved(_ session: Session, discard: Bool, before action: String) throws {
        guard session.isDirty, !discard else { return }
        switch session.confirm("\(session.displayName) has unsaved changes. Discard them? [y/N] ") {
        case true?: return
        case false?: throw CommandError.failed("kept the open workbook", fix: "save it first, then try again")
        case nil:
            throw CommandError.failed("\(session.displayName) has unsaved changes", fix: "save first, or add --discard before \(action)")
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
