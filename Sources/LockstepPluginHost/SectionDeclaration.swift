import LockstepCore

/// A section an external plugin owns, as its signature declares it: the top-level key, the one
/// kind of item it lists, and that kind's fields with their types. The core reads, checks,
/// lists, finds, edits and saves it like a built-in section from this alone.
struct SectionDeclaration: Sendable {
    /// The types a field may have (docs/plugins.md, "Sections").
    enum FieldKind: Sendable, Equatable {
        case text, number, integer, bool, date, duration, list
        case choice([String])
        /// The id of an item of this kind (of any plugin): a reference the core checks and
        /// rewrites on `rename`.
        case id(ItemKind)
        case ids(ItemKind)
    }

    struct Field: Sendable {
        let name: String
        let kind: FieldKind
        let summary: String
        let required: Bool
    }

    let key: String
    let kind: ItemKind
    let fields: [Field]
    /// After every built-in section (they go up to 60), in the order the plugins are listed.
    let order: Int

    /// The declaration a signature gives, or why it cannot be used (an unknown type, a kind
    /// another plugin holds), in words for the workbook's error.
    init(
        _ signature: PluginProtocol.SectionSignature, order: Int, knownKinds: [ItemKind], takenKeys: [String]
    ) throws(ExternalPluginError) {
        func refuse(_ reason: String) -> ExternalPluginError {
            ExternalPluginError(reason: "its section '\(Sanitized.excerpt(signature.key, limit: 40))' \(reason)")
        }
        guard Identifier.isValid(signature.key), Identifier.isValid(signature.kind) else {
            throw refuse("needs a key and a kind written as ids (letters, digits, '-' or '_')")
        }
        guard !takenKeys.contains(signature.key) else {
            throw refuse("has the key of a section Lockstep or another plugin owns already")
        }
        guard !knownKinds.contains(where: { $0.name == signature.kind }) else {
            throw refuse("holds '\(signature.kind)', a kind another plugin holds already")
        }
        key = signature.key
        kind = ItemKind(signature.kind, plural: signature.plural ?? signature.kind + "s")
        self.order = order
        var fields: [Field] = []
        for field in signature.fields ?? [] {
            guard Self.isFieldName(field.name), !["id", "name"].contains(field.name),
                !fields.contains(where: { $0.name == field.name })
            else {
                throw refuse(
                    "has a field named '\(Sanitized.excerpt(field.name, limit: 40))': each field needs a name of its own, not id or name"
                )
            }
            let kind: FieldKind
            switch field.type {
            case "text": kind = .text
            case "number": kind = .number
            case "integer": kind = .integer
            case "bool": kind = .bool
            case "date": kind = .date
            case "duration": kind = .duration
            case "list": kind = .list
            case "choice": kind = .choice(field.values ?? [])
            case "id", "ids":
                guard let named = field.kind, Identifier.isValid(named) else {
                    throw refuse("has an \(field.type) field '\(field.name)' that does not say which kind it names")
                }
                let referenced = knownKinds.first { $0.name == named } ?? ItemKind(named, plural: named + "s")
                kind = field.type == "id" ? .id(referenced) : .ids(referenced)
            default:
                throw refuse(
                    "has a field '\(field.name)' of unknown type '\(Sanitized.excerpt(field.type, limit: 20))' "
                        + "(types: text, number, integer, bool, date, duration, list, choice, id, ids)")
            }
            fields.append(
                Field(name: field.name, kind: kind, summary: field.summary ?? "", required: field.required ?? false))
        }
        self.fields = fields
    }

    /// Lower-case words joined by `_` or `-`, as the workbook's own fields are (`sales_reps`).
    static func isFieldName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, ("a"..."z").contains(first), name.utf8.count <= 64 else {
            return false
        }
        return name.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" || $0 == "-"
        }
    }

    /// How `find … where` and team rules see each field.
    var fieldTypes: [String: FieldType] {
        Dictionary(
            uniqueKeysWithValues: fields.map { field in
                switch field.kind {
                case .text, .choice, .id: return (field.name, FieldType.string)
                case .number, .integer: return (field.name, .number)
                case .bool: return (field.name, .bool)
                case .date: return (field.name, .date)
                case .duration: return (field.name, .duration)
                case .list, .ids: return (field.name, .list)
                }
            })
    }

    /// What `edit` may set, and how it reads the value typed.
    var editableFields: [EditableField] {
        [EditableField("name", .text, "the \(kind.name)'s display name")]
            + fields.map { field in
                let value: EditableField.Value
                switch field.kind {
                case .text, .list: value = .text
                case .number: value = .number(-1e15...1e15)
                case .integer: value = .integer(Int(Int32.min)...Int(Int32.max))
                case .bool: value = .choice(["true", "false"], closed: true)
                case .date: value = .date
                case .duration: value = .duration
                case .choice(let words): value = .choice(words, closed: true)
                case .id(let kind): value = .id(kind)
                case .ids(let kind): value = .ids(kind)
                }
                return EditableField(field.name, value, field.summary)
            }
    }

    /// The section as a value the loader, the encoder and the editing commands use.
    var spec: SectionSpec {
        let declaration = self
        return SectionSpec(
            key: key, writeOrder: order, itemKinds: [kind],
            editableFields: { $0 == declaration.kind ? declaration.editableFields : [] },
            empty: { DeclaredSection(declaration) },
            decode: { DeclaredSection(declaration, decoding: $0, context: $1) })
    }
}
