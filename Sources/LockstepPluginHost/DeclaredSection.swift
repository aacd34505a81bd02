import LockstepCore

/// The content of a section an external plugin owns: a list of items of its one kind, each with
/// an id, a name and the declared fields. Read and written by the core, so saves keep the file's
/// layout and `undo` works as for any section; the plugin only ever sees the model.
struct DeclaredSection: EditableSection {
    /// One field's value, as the declaration's type reads it. Numbers keep the text they were
    /// written as, so a save writes `0.50` back as `0.50`.
    enum Value: Sendable {
        case text(String)
        case number(String)
        case bool(Bool)
        case date(Day)
        case duration(WorkbookDuration)
        case list([Located<String>])
    }

    struct Record: Sendable {
        var id: String
        var name: String
        var location: SourceLocation?
        var values: [String: Value] = [:]
        /// Where each field was written, so a plugin's problem with one is placed at it.
        var places: [String: SourceLocation] = [:]
    }

    let declaration: SectionDeclaration
    var records: [Record] = []

    init(_ declaration: SectionDeclaration) { self.declaration = declaration }

    init(_ declaration: SectionDeclaration, decoding node: SourceNode, context: DecodeContext) {
        self.declaration = declaration
        let keys = ["id", "name"] + declaration.fields.map(\.name)
        for (index, itemNode) in context.sequence(node, what: declaration.key).enumerated() {
            guard
                let reader = context.item(
                    itemNode, kind: declaration.kind.name, number: index + 1, keys: keys),
                let id = reader.id()
            else { continue }
            var record = Record(id: id, name: reader.string("name") ?? id, location: reader.location)
            for field in declaration.fields {
                guard reader.has(field.name) else {
                    if field.required {
                        context.report(.missingKey(reader.location, key: field.name, what: reader.what))
                    }
                    continue
                }
                if let value = Self.read(field, from: reader) { record.values[field.name] = value }
                record.places[field.name] = reader.location(of: field.name)
            }
            records.append(record)
        }
    }

    private static func read(_ field: SectionDeclaration.Field, from reader: MappingReader) -> Value? {
        let name = field.name
        switch field.kind {
        case .text: return reader.string(name).map(Value.text)
        case .number: return reader.number(name).flatMap { _ in reader.string(name) }.map(Value.number)
        case .integer: return reader.int(name).map { .number(String($0)) }
        case .bool: return reader.bool(name).map(Value.bool)
        case .date: return reader.day(name).map(Value.date)
        case .duration: return reader.duration(name).map(Value.duration)
        case .choice(let words): return reader.choice(name, from: words).map(Value.text)
        case .id: return reader.located(name).map { .list([$0]) }
        case .list, .ids: return .list(reader.strings(name))
        }
    }

    /// Where the item `id` (or its `field`) was written, when it was read from the file.
    func place(of id: String, field: String?) -> SourceLocation? {
        guard let record = records.first(where: { $0.id == id }) else { return nil }
        return field.flatMap { record.places[$0] } ?? record.location
    }

    var order: Int { declaration.order }
    var kindsHeld: [ItemKind] { [declaration.kind] }

    func encode() -> YAMLNode {
        .sequence(
            records.map { record in
                var out = MappingBuilder()
                out.string("id", record.id)
                out.string("name", record.name)
                for field in declaration.fields {
                    switch record.values[field.name] {
                    case .text(let text): out.string(field.name, text)
                    case .number(let text): out.literal(field.name, text)
                    case .bool(let flag): out.literal(field.name, flag)
                    case .date(let day): out.literal(field.name, day)
                    case .duration(let duration): out.literal(field.name, duration)
                    case .list(let values):
                        if case .id = field.kind {
                            out.string(field.name, values.first?.value)
                        } else {
                            out.list(field.name, values.map(\.value))
                        }
                    case nil: break
                    }
                }
                return out.build()
            })
    }

    var items: [Item] {
        records.map { record in
            let references = declaration.fields.flatMap { field -> [Reference] in
                switch (field.kind, record.values[field.name]) {
                case (.id(let kind), .list(let ids)), (.ids(let kind), .list(let ids)):
                    return ids.map { Reference(kind, $0) }
                default: return []
                }
            }
            return Item(
                kind: declaration.kind, id: record.id, name: record.name, location: record.location,
                references: references, fields: Self.fields(of: record, declaration: declaration))
        }
    }

    private static func fields(of record: Record, declaration: SectionDeclaration) -> [String: FieldValue] {
        var fields: [String: FieldValue] = [:]
        for field in declaration.fields { fields[field.name] = fieldValue(record.values[field.name], as: field.kind) }
        return fields
    }

    /// A value as `find … where` sees it: an absent one is the empty value of the field's type.
    private static func fieldValue(_ value: Value?, as kind: SectionDeclaration.FieldKind) -> FieldValue {
        switch (kind, value) {
        case (.text, .text(let text)?), (.choice, .text(let text)?): return .string(text)
        case (.id, .list(let ids)?): return .string(ids.first?.value)
        case (.text, _), (.choice, _), (.id, _): return .string(nil)
        case (.number, .number(let text)?), (.integer, .number(let text)?): return .number(Double(text))
        case (.number, _), (.integer, _): return .number(nil as Double?)
        case (.bool, .bool(let flag)?): return .bool(flag)
        case (.bool, _): return .bool(nil)
        case (.date, .date(let day)?): return .date(day)
        case (.date, _): return .date(nil)
        case (.duration, .duration(let duration)?): return .duration(duration)
        case (.duration, _): return .duration(nil)
        case (.list, .list(let values)?), (.ids, .list(let values)?): return .list(values.map(\.value))
        case (.list, _), (.ids, _): return .list([])
        }
    }

    mutating func rewriteReferences(_ rewrite: (ItemKind, String) -> String?) {
        for field in declaration.fields {
            guard let kind = Self.referencedKind(field.kind) else { continue }
            for index in records.indices {
                guard case .list(let ids) = records[index].values[field.name] else { continue }
                records[index].values[field.name] = .list(
                    ids.compactMap { id in
                        rewrite(kind, id.value).map { Located($0, at: id.location) }
                    })
            }
        }
    }

    private static func referencedKind(_ kind: SectionDeclaration.FieldKind) -> ItemKind? {
        switch kind {
        case .id(let kind), .ids(let kind): return kind
        default: return nil
        }
    }

    mutating func addItem(_ kind: ItemKind, id: String, name: String) -> Bool {
        guard kind == declaration.kind else { return false }
        records.append(Record(id: id, name: name))
        return true
    }

    mutating func setField(_ field: String, of kind: ItemKind?, id: String?, to value: EditValue) {
        guard let id, let index = records.firstIndex(where: { $0.id == id }) else { return }
        if field == "name" {
            records[index].name = value.text ?? id
            return
        }
        guard let declared = declaration.fields.first(where: { $0.name == field }) else { return }
        records[index].values[field] = Self.stored(value, as: declared.kind)
    }

    /// What `edit` read, in the form the section keeps; nil clears the field.
    private static func stored(_ value: EditValue, as kind: SectionDeclaration.FieldKind) -> Value? {
        switch value {
        case .cleared: return nil
        case .text(let text):
            switch kind {
            case .bool: return .bool(text == "true")
            case .list: return .list(value.list.map { Located($0, at: nil) })
            default: return .text(text)
            }
        case .integer(let number): return .number(String(number))
        case .number(let number):
            return .number(number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : String(number))
        case .date(let day): return .date(day)
        case .duration(let duration): return .duration(duration)
        case .ids(let ids): return .list(ids.map { Located($0, at: nil) })
        }
    }

    mutating func renameItem(_ kind: ItemKind, from old: String, to new: String) -> Bool {
        kind == declaration.kind && records.renameElement(\.id, from: old, to: new)
    }

    mutating func removeItem(_ kind: ItemKind, id: String) -> Bool {
        kind == declaration.kind && records.removeElement(\.id, id)
    }
}
