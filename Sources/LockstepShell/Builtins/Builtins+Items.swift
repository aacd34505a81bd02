import LockstepCore

/// `add`, `edit`, `rename` and `remove` for items of every kind: each plugin's sections say
/// which fields may be set (`EditableSection`), and every change is one undoable, journaled step.
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
        let kind = try session.requireKind(named: invocation.arguments[0], command: "add").kind
        let id = try Identifier.validated(invocation.arguments[1], in: "add")
        let name = invocation.argument(2) ?? id
        guard let section = session.plugins.editableSection(holding: kind) else { throw notEditable(kind, verb: "add") }
        if session.workbook.items(of: kind).contains(where: { $0.id == id }) {
            throw CommandError.failed(
                "there is already a \(kind.name) '\(id)'",
                fix: "choose another id, or 'edit \(kind.name) \(id) FIELD VALUE'")
        }
        try session.edit("add \(kind.name) \(id)") { workbook in
            guard workbook.editSection(section, { $0.addItem(kind, id: id, name: name) }) else {
                throw notEditable(kind, verb: "add")
            }
        }
        session.emit(.note("added \(kind.name) \(id)"))
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
        if let type = session.plugins.sectionsEditableAsWhole[words[0]] {
            try session.setSectionField(
                type, words[1], to: words.dropFirst(2).joined(separator: " "), command: "edit \(type.key)")
            return
        }
        let kind = try session.requireKind(named: words[0], command: "edit").kind
        guard words.count >= 4 else {
            throw CommandError.usage(
                "edit: missing VALUE", fix: "edit \(kind.name) ID FIELD VALUE, or \"\" to clear it")
        }
        guard let type = session.plugins.editableSection(holding: kind) else { throw notEditable(kind, verb: "edit") }
        let item = try ItemIndex(session.workbook.items(of: kind)).require(words[1], as: kind)
        let field = try EditableField.named(
            words[2], among: type.editableFields(of: kind), of: kind.name, command: "edit")
        let value = try field.read(
            words.dropFirst(3).joined(separator: " "), index: ItemIndex(session.workbook), today: session.today,
            command: "edit")
        try session.edit("edit \(kind.name) \(item.id) \(field.name)") { workbook in
            workbook.editSection(type) { $0.setField(field.name, of: kind, id: item.id, to: value) }
        }
        session.emit(.note("\(kind.name) \(item.id): \(field.name) \(value == .cleared ? "cleared" : "set")"))
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
        let kind = try session.requireKind(named: invocation.arguments[0], command: "rename").kind
        let item = try ItemIndex(session.workbook.items(of: kind)).require(invocation.arguments[1], as: kind)
        let newID = try Identifier.validated(invocation.arguments[2], in: "rename")
        guard let section = session.plugins.editableSection(holding: kind) else {
            throw notEditable(kind, verb: "rename")
        }
        if session.workbook.items(of: kind).contains(where: { $0.id == newID }) {
            throw CommandError.failed("there is already a \(kind.name) '\(newID)'", fix: "choose another id")
        }
        let index = ItemIndex(session.workbook.items(of: kind))
        let referrers = session.workbook.referrers(of: item).count
        try session.edit("rename \(kind.name) \(item.id) \(newID)") { workbook in
            guard workbook.editSection(section, { $0.renameItem(kind, from: item.id, to: newID) }) else {
                throw notEditable(kind, verb: "rename")
            }
            workbook.rewriteReferences { referenced, id in
                guard referenced == kind, case .found(let found) = index.resolve(id, as: kind), found.id == item.id
                else { return id }
                return newID
            }
        }
        session.emit(
            .note(
                "renamed \(kind.name) \(item.id) to \(newID)"
                    + (referrers > 0 ? "; updated \(referrers) items that name it" : "")))
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
        let kind = try session.requireKind(named: invocation.arguments[0], command: "remove").kind
        let item = try ItemIndex(session.workbook.items(of: kind)).require(invocation.arguments[1], as: kind)
        guard let section = session.plugins.editableSection(holding: kind) else {
            throw notEditable(kind, verb: "remove")
        }
        let referrers = session.workbook.referrers(of: item)
        if !referrers.isEmpty, !invocation.flag("--force") {
            let names = referrers.prefix(5).map { "\($0.kind.name) \($0.id)" }.joined(separator: ", ")
            throw CommandError.failed(
                "\(kind.name) '\(item.id)' is named by \(referrers.count) item\(referrers.count == 1 ? "" : "s"): \(names)"
                    + (referrers.count > 5 ? ", …" : ""),
                fix: "remove \(kind.name) \(item.id) --force takes it off them too")
        }
        let index = ItemIndex(session.workbook.items(of: kind))
        try session.edit("remove \(kind.name) \(item.id)") { workbook in
            guard workbook.editSection(section, { $0.removeItem(kind, id: item.id) }) else {
                throw notEditable(kind, verb: "remove")
            }
            workbook.rewriteReferences { referenced, id in
                guard referenced == kind, case .found(let found) = index.resolve(id, as: kind), found.id == item.id
                else { return id }
                return nil
            }
        }
        session.emit(
            .note("removed \(kind.name) \(item.id)" + (referrers.isEmpty ? "" : "; taken off \(referrers.count) items"))
        )
    }

    private static func notEditable(_ kind: ItemKind, verb: String) -> CommandError {
        .failed(
            "\(verb): \(kind.plural) cannot be \(verb == "add" ? "added" : verb == "edit" ? "edited" : verb + "d") this way",
            fix: "'help' lists the \(kind.name) commands")
    }
}
