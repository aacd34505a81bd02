/// One change to a workbook's items, as the shell's `add`, `edit`, `rename` and `remove` make it
/// and as an external plugin's command asks for it: checked against the workbook as it is, then
/// made through the owning section's own editing (`EditableSection`). Values are given as a user
/// types them, so both paths read them the same way and the journal can record the statement.
public enum ItemOperation: Sendable, Equatable {
    /// An item of `kind` (a name or plural: `persona`, `personas`), named `name` or its id.
    case add(kind: String, id: String, name: String?)
    /// One field of an item, from text as `edit` takes it; "" clears it.
    case set(kind: String, id: String, field: String, value: String)
    /// One field of a section edited as a whole (`strategy`, `team`).
    case setSection(section: String, field: String, value: String)
    case rename(kind: String, id: String, to: String)
    /// `force`: also take it off the items that name it.
    case remove(kind: String, id: String, force: Bool)

    /// The shell statement that makes this change: what the journal records and a user could type.
    public var statement: String {
        let words: [String]
        switch self {
        case .add(let kind, let id, let name): words = ["add", kind, id] + (name.map { [$0] } ?? [])
        case .set(let kind, let id, let field, let value): words = ["edit", kind, id, field, value]
        case .setSection(let section, let field, let value): words = ["edit", section, field, value]
        case .rename(let kind, let id, let new): words = ["rename", kind, id, new]
        case .remove(let kind, let id, let force): words = ["remove", kind, id] + (force ? ["--force"] : [])
        }
        return words.map(CommandLineSyntax.quoted).joined(separator: " ")
    }

    /// What a change made: the note to show ("added persona cfo") and its name for `undo`
    /// ("add persona cfo").
    public struct Applied: Sendable, Equatable {
        public var note: String
        public var description: String
    }

    /// Makes the change to `workbook`, or throws what is wrong (nothing changed) with its fix.
    /// `command` names it in errors when it came from elsewhere than `add`/`edit`/… (`strategy set`).
    public func apply(
        to workbook: inout Workbook, plugins: [any Plugin], today: Day, command: String? = nil
    ) throws(CommandError) -> Applied {
        switch self {
        case .add(let kindName, let rawID, let name):
            let kind = try Self.kind(kindName, among: plugins, command: "add")
            let id = try Identifier.validated(rawID, in: "add")
            let section = try Self.section(holding: kind, among: plugins, verb: "add")
            if workbook.items(of: kind).contains(where: { $0.id == id }) {
                throw .failed(
                    "there is already a \(kind.name) '\(id)'",
                    fix: "choose another id, or 'edit \(kind.name) \(id) FIELD VALUE'")
            }
            guard workbook.editSection(section, { $0.addItem(kind, id: id, name: name ?? id) }) == true else {
                throw Self.notEditable(kind, verb: "add")
            }
            return Applied(note: "added \(kind.name) \(id)", description: "add \(kind.name) \(id)")
        case .set(let kindName, let rawID, let fieldName, let text):
            let kind = try Self.kind(kindName, among: plugins, command: "edit")
            let section = try Self.section(holding: kind, among: plugins, verb: "edit")
            let item = try ItemIndex(workbook.items(of: kind)).require(rawID, as: kind)
            let field = try EditableField.named(
                fieldName, among: section.editableFields(of: kind), of: kind.name, command: "edit")
            let value = try field.read(text, index: ItemIndex(workbook), today: today, command: "edit")
            workbook.editSection(section) { $0.setField(field.name, of: kind, id: item.id, to: value) }
            return Applied(
                note: "\(kind.name) \(item.id): \(field.name) \(value == .cleared ? "cleared" : "set")",
                description: "edit \(kind.name) \(item.id) \(field.name)")
        case .setSection(let key, let fieldName, let text):
            guard let section = plugins.sectionsEditableAsWhole[key] else {
                let names = plugins.sectionsEditableAsWhole.keys.sorted()
                throw .usage(
                    "edit: no section '\(Sanitized.excerpt(key))' is edited as a whole\(Suggestion.phrase(for: key, in: names))",
                    fix: names.isEmpty ? "edit KIND ID FIELD VALUE" : "sections: \(names.joined(separator: ", "))")
            }
            let command = command ?? "edit \(key)"
            let field = try EditableField.named(
                fieldName, among: section.editableFields(of: nil), of: key, command: command)
            let value = try field.read(text, index: ItemIndex(workbook), today: today, command: command)
            workbook.editSection(section) { $0.setField(field.name, of: nil, id: nil, to: value) }
            return Applied(
                note: "\(key): \(field.name) \(value == .cleared ? "cleared" : "set")",
                description: "\(command) \(field.name)")
        case .rename(let kindName, let rawID, let rawNew):
            let kind = try Self.kind(kindName, among: plugins, command: "rename")
            let item = try ItemIndex(workbook.items(of: kind)).require(rawID, as: kind)
            let newID = try Identifier.validated(rawNew, in: "rename")
            let section = try Self.section(holding: kind, among: plugins, verb: "rename")
            if workbook.items(of: kind).contains(where: { $0.id == newID }) {
                throw .failed("there is already a \(kind.name) '\(newID)'", fix: "choose another id")
            }
            let referrers = workbook.referrers(of: item).count
            try Self.change(&workbook, section, item, verb: "rename", references: newID) {
                $0.renameItem(kind, from: item.id, to: newID)
            }
            return Applied(
                note: "renamed \(kind.name) \(item.id) to \(newID)"
                    + (referrers > 0 ? "; updated \(referrers) items that name it" : ""),
                description: "rename \(kind.name) \(item.id) \(newID)")
        case .remove(let kindName, let rawID, let force):
            let kind = try Self.kind(kindName, among: plugins, command: "remove")
            let item = try ItemIndex(workbook.items(of: kind)).require(rawID, as: kind)
            let section = try Self.section(holding: kind, among: plugins, verb: "remove")
            let referrers = workbook.referrers(of: item)
            if !referrers.isEmpty, !force {
                let names = referrers.prefix(5).map { "\($0.kind.name) \($0.id)" }.joined(separator: ", ")
                throw .failed(
                    "\(kind.name) '\(item.id)' is named by \(referrers.count) item\(referrers.count == 1 ? "" : "s"): \(names)"
                        + (referrers.count > 5 ? ", …" : ""),
                    fix: "remove \(kind.name) \(item.id) --force takes it off them too")
            }
            try Self.change(&workbook, section, item, verb: "remove", references: nil) { $0.removeItem(kind, id: item.id) }
            return Applied(
                note: "removed \(kind.name) \(item.id)"
                    + (referrers.isEmpty ? "" : "; taken off \(referrers.count) items"),
                description: "remove \(kind.name) \(item.id)")
        }
    }

    /// Renames or removes `item` through its section, then points every reference to it at
    /// `newID`, or drops them when nil.
    private static func change(
        _ workbook: inout Workbook, _ section: SectionSpec, _ item: Item, verb: String, references newID: String?,
        _ edit: (inout any EditableSection) -> Bool
    ) throws(CommandError) {
        let kind = item.kind
        let index = ItemIndex(workbook.items(of: kind))
        guard workbook.editSection(section, edit) == true else { throw notEditable(kind, verb: verb) }
        workbook.rewriteReferences { referenced, id in
            guard referenced == kind, case .found(let found) = index.resolve(id, as: kind), found.id == item.id else { return id }
            return newID
        }
    }

    /// The kind a user named, by its name or plural, among the loaded plugins' kinds.
    public static func kind(
        _ name: String, among plugins: [any Plugin], command: String
    ) throws(CommandError) -> ItemKind {
        guard let (kind, _) = Workbook.kind(named: name, among: plugins) else {
            let names = plugins.flatMap(\.itemKinds).map { $0.plural.replacingSpaces }
            throw .usage(
                "\(command): unknown kind '\(Sanitized.excerpt(name))'\(Suggestion.phrase(for: name, in: names))",
                fix: "kinds: \(names.joined(separator: ", "))")
        }
        return kind
    }

    private static func section(
        holding kind: ItemKind, among plugins: [any Plugin], verb: String
    ) throws(CommandError)
        -> SectionSpec
    {
        guard let section = plugins.editableSection(holding: kind) else { throw notEditable(kind, verb: verb) }
        return section
    }

    private static func notEditable(_ kind: ItemKind, verb: String) -> CommandError {
        .failed(
            "\(verb): \(kind.plural) cannot be \(verb == "add" ? "added" : verb == "edit" ? "edited" : verb + "d") this way",
            fix: "'help' lists the \(kind.name) commands")
    }
}

extension CommandEnvironment {
    /// Makes `operations` as one undoable step: all of them, or none when one is refused (its
    /// error says which). Each note is shown. A plugin's command passes `journaledAs` its
    /// operations' statements, so recovery replays the edits, not the plugin.
    public func apply(_ operations: [ItemOperation], command: String? = nil, journaled: Bool = false) throws {
        guard !operations.isEmpty else { return }
        var changed = workbook
        var applied: [ItemOperation.Applied] = []
        for operation in operations {
            applied.append(try operation.apply(to: &changed, plugins: plugins, today: today, command: command))
        }
        let description =
            applied.count == 1 ? applied[0].description : "\(command ?? "edit") (\(applied.count) changes)"
        let result = changed
        try edit(description, journaledAs: journaled ? operations.map(\.statement) : nil) { $0 = result }
        // A plugin's command may make many changes: past a few, one line says how many.
        if applied.count <= 3 {
            for step in applied { emit(.note(step.note)) }
        } else {
            let added = applied.compactMap { $0.note.hasPrefix("added ") ? String($0.note.dropFirst(6)) : nil }
            emit(
                .note(
                    "\(command ?? "edit"): \(applied.count) changes"
                        + (added.isEmpty ? "" : "; added \(added.joined(separator: ", "))")
                        + " ('undo' takes them back together)"))
        }
    }
}
