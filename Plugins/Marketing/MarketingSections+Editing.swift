import LockstepCore

// What the shell's `add`, `edit`, `rename` and `remove` may do with the marketing sections.

extension PersonasSection: EditableSection {
    public static func editableFields(of kind: ItemKind?) -> [EditableField] {
        guard kind == .persona else { return [] }
        return [
            EditableField("name", .text, "the persona's display name"),
            EditableField("role", .choice(Persona.roles, closed: true), "the buying role they play"),
            EditableField("needs", .ids(.need), "the needs they carry, comma-separated"),
            EditableField(
                "involved_in", .wordsOrIds(SalesPhases.all, .stage),
                "phases or stages they take part in beyond their role's"),
            EditableField(
                "not_involved_in", .wordsOrIds(SalesPhases.all, .stage),
                "phases or stages they take no part in: no gap there"),
        ]
    }

    public mutating func addItem(_ kind: ItemKind, id: String, name: String) -> Bool {
        guard kind == .persona else { return false }
        personas.append(Persona(id: id, name: name))
        return true
    }

    public mutating func setField(_ field: String, of kind: ItemKind?, id: String?, to value: EditValue) {
        guard let id else { return }
        personas.updateElement(\.id, id) { persona in
            switch field {
            case "name": persona.name = value.text ?? persona.id
            case "role": persona.role = value.text
            case "needs": persona.needs = value.ids.map { Located($0, at: nil) }
            case "involved_in": persona.involvedIn = value.ids.map { Located($0, at: nil) }
            case "not_involved_in": persona.notInvolvedIn = value.ids.map { Located($0, at: nil) }
            default: break
            }
        }
    }

    public mutating func renameItem(_ kind: ItemKind, from old: String, to new: String) -> Bool {
        kind == .persona && personas.renameElement(\.id, from: old, to: new)
    }

    public mutating func removeItem(_ kind: ItemKind, id: String) -> Bool {
        kind == .persona && personas.removeElement(\.id, id)
    }
}

extension NeedsSection: EditableSection {
    public static func editableFields(of kind: ItemKind?) -> [EditableField] {
        kind == .need ? [EditableField("name", .text, "the need in the customer's words")] : []
    }

    public mutating func addItem(_ kind: ItemKind, id: String, name: String) -> Bool {
        guard kind == .need else { return false }
        needs.append(Need(id: id, name: name))
        return true
    }

    public mutating func setField(_ field: String, of kind: ItemKind?, id: String?, to value: EditValue) {
        guard let id, field == "name" else { return }
        needs.updateElement(\.id, id) { $0.name = value.text ?? $0.id }
    }

    public mutating func renameItem(_ kind: ItemKind, from old: String, to new: String) -> Bool {
        kind == .need && needs.renameElement(\.id, from: old, to: new)
    }

    public mutating func removeItem(_ kind: ItemKind, id: String) -> Bool {
        kind == .need && needs.removeElement(\.id, id)
    }
}

extension FeedbackSection: EditableSection {
    public static func editableFields(of kind: ItemKind?) -> [EditableField] {
        guard kind == .feedback else { return [] }
        return [
            EditableField("name", .text, "what the loop is"),
            EditableField("cadence", .text, "how often it runs, e.g. monthly"),
            EditableField("owner", .text, "who runs it"),
            EditableField(
                "participants", .text, "who takes part, comma-separated: sales, marketing, product, customer-success…"),
            EditableField("informs", .ids(.activity), "the activities whose reviews its input feeds, comma-separated"),
        ]
    }

    public mutating func addItem(_ kind: ItemKind, id: String, name: String) -> Bool {
        guard kind == .feedback else { return false }
        loops.append(FeedbackLoop(id: id, name: name))
        return true
    }

    public mutating func setField(_ field: String, of kind: ItemKind?, id: String?, to value: EditValue) {
        guard let id else { return }
        loops.updateElement(\.id, id) { loop in
            switch field {
            case "name": loop.name = value.text ?? loop.id
            case "cadence": loop.cadence = value.text
            case "owner": loop.owner = value.text
            case "participants": loop.participants = value.list
            case "informs": loop.informs = value.ids.map { Located($0, at: nil) }
            default: break
            }
        }
    }

    public mutating func renameItem(_ kind: ItemKind, from old: String, to new: String) -> Bool {
        kind == .feedback && loops.renameElement(\.id, from: old, to: new)
    }

    public mutating func removeItem(_ kind: ItemKind, id: String) -> Bool {
        kind == .feedback && loops.removeElement(\.id, id)
    }
}

extension ActivitiesSection: EditableSection {
    public static func editableFields(of kind: ItemKind?) -> [EditableField] {
        guard kind == .activity else { return [] }
        return [
            EditableField("name", .text, "the activity's display name"),
            EditableField("kind", .choice(Activity.knownKinds, closed: false), "content, campaign, event, webinar, …"),
            EditableField("stages", .ids(.stage), "the sales stages it supports, comma-separated"),
            EditableField("personas", .ids(.persona), "the personas it addresses, comma-separated"),
            EditableField("needs", .ids(.need), "the needs it answers, comma-separated"),
            EditableField("channel", .text, "where it runs"),
            EditableField("cta", .text, "its call to action"),
            EditableField("response", .choice(Activity.responseChannels, closed: true), "how responses arrive"),
            EditableField("enablement", .id(.activity), "the enablement item that prepares sales"),
            EditableField("kpi", .text, "its measure of success"),
            EditableField(
                "kpi_kind", .choice(KPIKind.names, closed: true), "what the KPI measures, when its words do not say it"),
            EditableField("theme", .choice(Theme.all, closed: true), "what its message is about, against the strategy"),
            EditableField("crm_source", .text, "the lead source the CRM records for the leads it brings in"),
            EditableField("owner", .text, "who owns it"),
            EditableField("reviewed", .date, "when it was last reviewed"),
        ]
    }

    public mutating func addItem(_ kind: ItemKind, id: String, name: String) -> Bool {
        guard kind == .activity else { return false }
        activities.append(Activity(id: id, name: name))
        return true
    }

    public mutating func setField(_ field: String, of kind: ItemKind?, id: String?, to value: EditValue) {
        guard let id else { return }
        activities.updateElement(\.id, id) { activity in
            switch field {
            case "name": activity.name = value.text ?? activity.id
            case "kind": activity.kind = value.text
            case "stages": activity.stages = .init(value.ids.map { Located($0, at: nil) })
            case "personas": activity.personas = .init(value.ids.map { Located($0, at: nil) })
            case "needs": activity.needs = .init(value.ids.map { Located($0, at: nil) })
            case "channel": activity.channel = value.text
            case "cta": activity.cta = value.text
            case "response": activity.response = value.text
            case "enablement": activity.enablement = value.text.map { Located($0, at: nil) }
            case "kpi": activity.kpi = value.text
            case "kpi_kind": activity.kpiKind = value.text
            case "theme": activity.theme = value.text
            case "crm_source": activity.crmSource = value.text
            case "owner": activity.owner = value.text
            case "reviewed":
                if case .date(let day) = value { activity.reviewed = day } else { activity.reviewed = nil }
            default: break
            }
        }
    }

    public mutating func renameItem(_ kind: ItemKind, from old: String, to new: String) -> Bool {
        kind == .activity && activities.renameElement(\.id, from: old, to: new)
    }

    public mutating func removeItem(_ kind: ItemKind, id: String) -> Bool {
        kind == .activity && activities.removeElement(\.id, id)
    }
}
