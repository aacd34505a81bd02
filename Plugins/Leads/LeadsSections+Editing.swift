import LockstepCore

// What the shell's `add`, `edit`, `rename` and `remove` may do with the lead lifecycle and the team.

extension LeadsSection: EditableSection {
    public static func editableFields(of kind: ItemKind?) -> [EditableField] {
        switch kind {
        case .leadStage?:
            return [
                EditableField("name", .text, "the stage's display name"),
                EditableField("owner", .choice(LeadStage.owners, closed: true), "who works leads at this stage"),
                EditableField("enters", .id(.salesStage), "the sales stage it hands over into (process/stage)"),
                EditableField("rejects_to", .id(.recycle), "the recycle track rejected leads go to"),
            ]
        case .recycle?:
            return [
                EditableField("name", .text, "the track's display name"),
                EditableField("owner", .choice(LeadStage.owners, closed: true), "who nurtures the leads"),
                EditableField("returns_to", .id(.leadStage), "the lead stage nurtured leads return to"),
            ]
        case .leadField?:
            return [EditableField("type", .choice(LeadsSection.fieldTypes, closed: true), "what the field holds")]
        case .leadPath?:
            return [
                EditableField("name", .text, "the path's display name"),
                EditableField("source", .choice(LeadPath.sources, closed: false), "where its leads come from"),
                EditableField("stages", .ids(.leadStage), "its lead stages in order, comma-separated"),
            ]
        default:
            return []
        }
    }

    public mutating func addItem(_ kind: ItemKind, id: String, name: String) -> Bool {
        switch kind {
        case .leadStage: stages.append(LeadStage(id: id, name: name))
        case .recycle: recycle.append(RecycleTrack(id: id, name: name))
        // A new field holds text until `edit lead-field NAME type …` says otherwise.
        case .leadField: fields.append((Located(id, at: nil), "string"))
        case .leadPath: paths.append(LeadPath(id: id, name: name))
        default: return false
        }
        return true
    }

    public mutating func setField(_ field: String, of kind: ItemKind?, id: String?, to value: EditValue) {
        guard let id else { return }
        switch kind {
        case .leadStage?:
            stages.updateElement(\.id, id) { stage in
                switch field {
                case "name": stage.name = value.text ?? stage.id
                case "owner": stage.owner = value.text
                case "enters": stage.enters = value.text.map { Located($0, at: nil) }
                case "rejects_to": stage.rejectsTo = value.text.map { Located($0, at: nil) }
                default: break
                }
            }
        case .recycle?:
            recycle.updateElement(\.id, id) { track in
                switch field {
                case "name": track.name = value.text ?? track.id
                case "owner": track.owner = value.text
                case "returns_to": track.returnsTo = value.text.map { Located($0, at: nil) }
                default: break
                }
            }
        case .leadField?:
            if field == "type", let index = fields.firstIndex(where: { $0.name.value == id }) {
                fields[index].type = value.text ?? "string"
            }
        case .leadPath?:
            paths.updateElement(\.id, id) { path in
                switch field {
                case "name": path.name = value.text ?? path.id
                case "source": path.source = value.text
                case "stages": path.stages = value.ids.map { Located($0, at: nil) }
                default: break
                }
            }
        default:
            break
        }
    }

    public mutating func renameItem(_ kind: ItemKind, from old: String, to new: String) -> Bool {
        switch kind {
        case .leadStage: return stages.renameElement(\.id, from: old, to: new)
        case .recycle: return recycle.renameElement(\.id, from: old, to: new)
        case .leadPath: return paths.renameElement(\.id, from: old, to: new)
        default: return false
        }
    }

    public mutating func removeItem(_ kind: ItemKind, id: String) -> Bool {
        switch kind {
        case .leadStage: return stages.removeElement(\.id, id)
        case .recycle: return recycle.removeElement(\.id, id)
        case .leadPath: return paths.removeElement(\.id, id)
        case .leadField:
            guard let index = fields.firstIndex(where: { $0.name.value == id }) else { return false }
            fields.remove(at: index)
            return true
        default: return false
        }
    }
}

extension TeamSection: EditableSection {
    public static func editableFields(of kind: ItemKind?) -> [EditableField] {
        guard kind == nil else { return [] }
        return [
            EditableField("sales_reps", .integer(0...1_000_000), "how many sales reps"),
            EditableField("lead_gen_reps", .integer(0...1_000_000), "how many lead-generation reps support them"),
            EditableField(
                "sale", .choice(TeamSection.sales, closed: true), "enterprise (complex accounts) or transactional"),
        ]
    }

    public mutating func setField(_ field: String, of kind: ItemKind?, id: String?, to value: EditValue) {
        let number: Int? = if case .integer(let count) = value { count } else { nil }
        switch field {
        case "sales_reps": salesReps = number
        case "lead_gen_reps": leadGenReps = number
        case "sale": sale = value.text
        default: break
        }
    }
}
