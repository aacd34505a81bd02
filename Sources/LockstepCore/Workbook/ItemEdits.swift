/// A field the shell's generic `edit` command may set, as the section that owns it declares it:
/// the one place a field's name, kind of value and meaning are given for editing.
public struct EditableField: Sendable {
    /// What the field holds, and so how `edit` reads the typed value.
    public enum Value: Sendable {
        case text
        case integer(ClosedRange<Int>)
        case number(ClosedRange<Double>)
        case date
        case duration
        /// One of a list of words; `closed`: nothing else is allowed, else a near miss is still
        /// refused (it is a typo) while a new word is taken.
        case choice([String], closed: Bool)
        /// The id of an item of this kind, resolved to its full form.
        case id(ItemKind)
        /// A comma-separated list of ids of this kind.
        case ids(ItemKind)
        /// A comma-separated list of words from the list (`decision`) or ids of this kind.
        case wordsOrIds([String], ItemKind)
    }

    /// The field's key in the workbook file.
    public var name: String
    public var value: Value
    public var summary: String

    public init(_ name: String, _ value: Value, _ summary: String) {
        self.name = name
        self.value = value
        self.summary = summary
    }
}

/// A value `edit` read for a field, as its `EditableField.Value` says; ids in their full form.
public enum EditValue: Sendable, Equatable {
    case text(String)
    case integer(Int)
    case number(Double)
    case date(Day)
    case duration(WorkbookDuration)
    case ids([String])
    /// The field emptied (`edit … FIELD ""`).
    case cleared

    /// The text, or nil when cleared (for a text, choice or id field).
    public var text: String? {
        switch self {
        case .text(let text): return text
        case .ids(let ids): return ids.first
        default: return nil
        }
    }

    /// The ids of a list field, empty when cleared.
    public var ids: [String] {
        if case .ids(let ids) = self { return ids }
        return []
    }

    /// A comma-separated text as its words (`sales, marketing` → both), empty when cleared.
    public var list: [String] {
        if case .ids(let ids) = self { return ids }
        return text.map { $0.split(separator: ",").map { String($0).trimmed }.filter { !$0.isEmpty } } ?? []
    }
}

/// Editing a section's items by kind and id, so that the shell's `add`, `edit`, `rename` and
/// `remove` work on every kind of every plugin without a command of their own. A section
/// supports what it declares; the defaults support nothing.
/// The fields it has are its `SectionSpec`'s (for a built-in section, `TypedSection.editableFields`).
public protocol EditableSection: WorkbookSection {
    /// Adds an item of `kind`; false when the section cannot (a kind that needs more, such as a
    /// stage's process).
    mutating func addItem(_ kind: ItemKind, id: String, name: String) -> Bool
    /// Sets one of the `editableFields`; `id` is nil for a field of the section itself.
    mutating func setField(_ field: String, of kind: ItemKind?, id: String?, to value: EditValue)
    /// Gives an item a new id (references to it are rewritten by the caller); false when it cannot.
    mutating func renameItem(_ kind: ItemKind, from old: String, to new: String) -> Bool
    /// Removes an item (references to it are dropped by the caller); false when it cannot.
    mutating func removeItem(_ kind: ItemKind, id: String) -> Bool
}

extension EditableSection {
    public mutating func addItem(_ kind: ItemKind, id: String, name: String) -> Bool { false }
    public mutating func renameItem(_ kind: ItemKind, from old: String, to new: String) -> Bool { false }
    public mutating func removeItem(_ kind: ItemKind, id: String) -> Bool { false }
}

extension Array {
    /// Renames the element whose `id` is `old`: the common case of a section's `renameItem`.
    public mutating func renameElement(_ id: WritableKeyPath<Element, String>, from old: String, to new: String) -> Bool
    {
        guard let index = firstIndex(where: { $0[keyPath: id] == old }) else { return false }
        self[index][keyPath: id] = new
        return true
    }

    /// Removes the element whose `id` is `old`: the common case of a section's `removeItem`.
    public mutating func removeElement(_ id: KeyPath<Element, String>, _ value: String) -> Bool {
        guard let index = firstIndex(where: { $0[keyPath: id] == value }) else { return false }
        remove(at: index)
        return true
    }

    /// Changes the element whose `id` is `value` in place.
    public mutating func updateElement(
        _ id: KeyPath<Element, String>, _ value: String, _ change: (inout Element) -> Void
    ) {
        guard let index = firstIndex(where: { $0[keyPath: id] == value }) else { return }
        change(&self[index])
    }
}

extension Workbook {
    /// Changes the section `spec` describes, made empty first when the workbook has none yet (a
    /// new workbook's first persona creates its `personas` section).
    public mutating func editSection<Result>(
        _ spec: SectionSpec, _ change: (inout any EditableSection) -> Result
    ) -> Result? {
        guard var section = (sections[spec.key] ?? spec.empty()) as? any EditableSection else { return nil }
        let result = change(&section)
        sections[spec.key] = section
        return result
    }
}

extension Array where Element == any Plugin {
    /// The editable section of these plugins that holds items of `kind`.
    public func editableSection(holding kind: ItemKind) -> SectionSpec? {
        lazy.flatMap(\.sections).first { $0.isEditable && $0.itemKinds.contains(kind) }
    }

    /// The editable sections with fields of their own (`strategy`, `team`), by key.
    public var sectionsEditableAsWhole: [String: SectionSpec] {
        var found: [String: SectionSpec] = [:]
        for spec in flatMap(\.sections) where !spec.editableFields(of: nil).isEmpty { found[spec.key] = spec }
        return found
    }
}

extension EditableField {
    /// The field called `name` (`sales-reps` for `sales_reps` too), or a usage error naming the
    /// fields there are.
    public static func named(
        _ name: String, among fields: [EditableField], of owner: String,
        command: String
    ) throws(CommandError) -> EditableField {
        guard
            let field = fields.first(where: { $0.name == name || $0.name == String(name.map { $0 == "-" ? "_" : $0 }) })
        else {
            let names = fields.map(\.name)
            throw .usage(
                "\(command): \(owner) has no field '\(Sanitized.excerpt(name))'\(Suggestion.phrase(for: name, in: names))",
                fix: names.isEmpty ? "nothing of it can be edited this way" : "fields: \(names.joined(separator: ", "))"
            )
        }
        return field
    }

    /// `text` read as this field's value, ids resolved with `index`; a clear error naming the
    /// field, the value and the fix when it is not one.
    public func read(_ text: String, index: ItemIndex, today: Day, command: String) throws(CommandError) -> EditValue {
        if text.isEmpty { return .cleared }
        func refuse(_ expected: String, example: String) -> CommandError {
            .usage("\(command): \(name) takes \(expected), not '\(Sanitized.excerpt(text))'", fix: "e.g. \(example)")
        }
        switch value {
        case .text:
            return .text(text)
        case .integer(let range):
            guard let number = Int(text), range.contains(number) else {
                throw refuse(
                    "a whole number from \(range.lowerBound) to \(range.upperBound)", example: "\(range.lowerBound)")
            }
            return .integer(number)
        case .number(let range):
            guard let number = Double(text), range.contains(number) else {
                throw refuse(
                    "a number from \(Int(range.lowerBound)) to \(Int(range.upperBound))",
                    example: "\(Int(range.upperBound / 2))")
            }
            return .number(number)
        case .date:
            guard let day = text == "today" ? today : Day(iso: text) else {
                throw refuse("a date written YYYY-MM-DD (or today)", example: "2026-06-01")
            }
            return .date(day)
        case .duration:
            guard let duration = WorkbookDuration(text) else {
                throw refuse("a duration such as 48h, 2d or 2w", example: "48h")
            }
            return .duration(duration)
        case .choice(let words, let closed):
            if words.contains(text) { return .text(text) }
            let suggestion = Suggestion.phrase(for: text, in: words)
            if closed || !suggestion.isEmpty {
                throw .usage(
                    "\(command): \(name) '\(Sanitized.excerpt(text))' is not one of \(closed ? "its values" : "the usual values")\(suggestion)",
                    fix: "\(name): \(words.joined(separator: ", "))\(closed ? "" : ", or a word of your own")")
            }
            return .text(text)
        case .id(let kind):
            return .ids([try index.require(text, as: kind).id])
        case .ids(let kind):
            var ids: [String] = []
            for part in text.split(separator: ",").map({ $0.trimmed }) where !part.isEmpty {
                let id = try index.require(part, as: kind).id
                if !ids.contains(id) { ids.append(id) }
            }
            return .ids(ids)
        case .wordsOrIds(let words, let kind):
            var values: [String] = []
            for part in text.split(separator: ",").map({ $0.trimmed }) where !part.isEmpty {
                if words.contains(part) {
                    values.append(part)
                } else if index.resolves(part, as: kind) {
                    values.append(try index.require(part, as: kind).id)
                } else {
                    throw .usage(
                        "\(command): \(name) takes \(words.joined(separator: ", ")) or \(kind.plural), not "
                            + "'\(Sanitized.excerpt(part))'\(Suggestion.phrase(for: part, in: words + index.names(of: kind)))",
                        fix: "e.g. \(words.first ?? "")")
                }
            }
            return .ids(values)
        }
    }
}

extension CommandEnvironment {
    /// Sets a field of a section edited as a whole (`strategy`, `team`) from what was typed: the
    /// shell's `edit strategy FIELD VALUE` and the plugins' `strategy set`, `team set`.
    public func setSectionField(_ key: String, _ name: String, to text: String, command: String) throws {
        try apply([.setSection(section: key, field: name, value: text)], command: command)
    }
}
