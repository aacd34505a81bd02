import LockstepCore

// What the shell's `edit` may do with the strategy and the processes. Processes and stages have
// commands of their own (`process add|rename`, `stage add|edit|rename|move|remove`), which keep
// the stages' order and their full ids (`process/stage`).

extension StrategySection: EditableSection {
    public static func editableFields(of kind: ItemKind?) -> [EditableField] {
        guard kind == nil else { return [] }
        return [
            EditableField("innovation", .text, "the basis of innovation, e.g. client business impact"),
            EditableField("value", .text, "the value proposition, e.g. total solution"),
            EditableField("brand", .text, "the brand position, e.g. advisors"),
            EditableField("sales_role", .text, "the sales force's role, e.g. trusted specialists"),
            EditableField(
                "segments", .text,
                "the target segments, comma-separated, e.g. mid-market finance teams, enterprise controllers"),
        ]
    }

    public mutating func setField(_ field: String, of kind: ItemKind?, id: String?, to value: EditValue) {
        switch field {
        case "innovation": innovation = value.text
        case "value": self.value = value.text
        case "brand": brand = value.text
        case "sales_role": salesRole = value.text
        case "segments": segments = value.list
        default: break
        }
    }
}

extension ProcessesSection: EditableSection {
    public static func editableFields(of kind: ItemKind?) -> [EditableField] {
        kind == .process ? [EditableField("name", .text, "the process's display name")] : []
    }

    public mutating func setField(_ field: String, of kind: ItemKind?, id: String?, to value: EditValue) {
        guard kind == .process, field == "name", let id else { return }
        processes.updateElement(\.id, id) { $0.name = value.text ?? $0.id }
    }
}
