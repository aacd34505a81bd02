import LockstepCore

/// `add`, `edit`, `rename` and `remove` for items of every kind: each plugin's sections say
/// which fields may be set (`EditableSection`); `ItemOperation` makes each change, one undoable,
/// journaled step.
extension Builtins {
    static let add = ShellCommand(
        CommandSpec(
            "add",
            summary:
                "Add an item of any kind — a persona, a need, a feedback loop, a lead stage or field, a recycle track",
            arguments: [
                ArgumentSpec("KIND", completion: .kindNames), ArgumentSpec("ID"), ArgumentSpec("NAME", optional: true),
            ],
            examples: [
                "add persona cfo \"Chief Financial Officer\"", "add need slow-close \"Month-end close takes too long\"",
                "add feedback win-loss \"Win/loss review\"",
            ],
            changesWorkbook: true
        )
    ) { session, invocation in
        let arguments = invocation.arguments
        try session.apply([.add(kind: arguments[0], id: arguments[1], name: invocation.argument(2))])
    }

    static let edit = ShellCommand(
        CommandSpec(
            "edit",
            summary:
                "Set one field of an item (edit KIND ID FIELD VALUE) or of the strategy or team (edit strategy FIELD VALUE); \"\" clears it",
            arguments: [
                ArgumentSpec("KIND|SECTION", completion: .kindNames), ArgumentSpec("ID|FIELD"),
                ArgumentSpec("FIELD|VALUE"),
                ArgumentSpec("VALUE…", optional: true),
            ],
            examples: [
                "edit persona cfo role economic-buyer", "edit persona cfo needs slow-close,audit-readiness",
                "edit lead-stage sql enters new-business/discovery",
                "edit strategy innovation \"client business impact\"",
                "edit team sales_reps 12",
            ],
            changesWorkbook: true
        )
    ) { session, invocation in
        let words = invocation.arguments
        // A section edited as a whole (strategy, team) takes FIELD VALUE; an item takes ID FIELD VALUE.
        if session.plugins.sectionsEditableAsWhole[words[0]] != nil {
            try session.apply([
                .setSection(section: words[0], field: words[1], value: words.dropFirst(2).joined(separator: " "))
            ])
            return
        }
        guard words.count >= 4 else {
            let kind = try ItemOperation.kind(words[0], among: session.plugins, command: "edit")
            throw CommandError.usage(
                "edit: missing VALUE", fix: "edit \(kind.name) ID FIELD VALUE, or \"\" to clear it")
        }
        try session.apply([
            .set(kind: words[0], id: words[1], field: words[2], value: words.dropFirst(3).joined(separator: " "))
        ])
    }

    static let rename = ShellCommand(
        CommandSpec(
            "rename", summary: "Give an item a new id, updating every reference to it",
            arguments: [
                ArgumentSpec("KIND", completion: .kindNames), ArgumentSpec("ID", completion: .anyID),
                ArgumentSpec("NEW-ID"),
            ],
            examples: [
                "rename persona fp-analyst planning-analyst", "rename activity close-webinar three-day-close-webinar",
            ],
            changesWorkbook: true
        )
    ) { session, invocation in
        let arguments = invocation.arguments
        try session.apply([.rename(kind: arguments[0], id: arguments[1], to: arguments[2])])
    }

    static let remove = ShellCommand(
        CommandSpec(
            "remove", summary: "Remove an item; refused while others name it, unless --force takes it off them",
            arguments: [ArgumentSpec("KIND", completion: .kindNames), ArgumentSpec("ID", completion: .anyID)],
            options: [OptionSpec("--force", summary: "remove it from the items that name it too")],
            examples: ["remove need audit-readiness", "remove persona fp-analyst --force"],
            changesWorkbook: true
        )
    ) { session, invocation in
        let arguments = invocation.arguments
        try session.apply([.remove(kind: arguments[0], id: arguments[1], force: invocation.flag("--force"))])
    }
}
