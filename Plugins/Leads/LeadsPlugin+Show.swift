import LockstepCore

extension LeadsPlugin {
    /// For a sales stage: the lead stages that hand over into it. For a lead stage: its
    /// definition, hand-off and where rejected leads go.
    public func describe(_ item: Item, in workbook: Workbook) -> [String] {
        guard let leads = workbook.section(LeadsSection.self) else { return [] }
        if item.kind == .leadStage, let stage = leads.stages.first(where: { $0.id == item.id }) {
            var lines = ["owner: \(stage.owner ?? "nobody")", "criteria: \(stage.criteria?.value ?? "none")"]
            if let handoff = LeadCommands.handoffText(stage.handoff) { lines.append("hands over: \(handoff)") }
            if let rejects = stage.rejectsTo { lines.append("rejected leads go to: \(rejects.value)") }
            if let enters = stage.enters { lines.append("enters sales stage: \(enters.value)") }
            let namedBy = leads.stages.filter { other in
                other.id != stage.id && (other.criteria.flatMap { try? ExpressionParser.parse($0.value) }?.names.contains(stage.id) ?? false)
            }
            if !namedBy.isEmpty { lines.append("criteria build on it: " + namedBy.map(\.id).joined(separator: ", ")) }
            return lines
        }
        let index = ItemIndex(workbook.items(of: .salesStage))
        if item.kind.name == "process" {
            // Where leads come into the process: each lead stage that hands over into one of its stages.
            let handOffs = leads.stages.compactMap { stage -> String? in
                guard let target = stage.enters?.value, case .found(let entered) = index.resolve(target, as: .salesStage),
                      entered.id.hasPrefix(item.id + "/") else { return nil }
                return "\(stage.id) (\(stage.name)) → \(entered.id)"
            }
            return ["hand-offs in: " + (handOffs.isEmpty ? "none (no lead stage enters this process)" : handOffs.joined(separator: ", "))]
        }
        guard item.kind == .salesStage else { return [] }
        let feeders = leads.stages.filter { stage in
            guard let target = stage.enters?.value, case .found(let entered) = index.resolve(target, as: .salesStage) else { return false }
            return entered.id == item.id
        }
        guard !feeders.isEmpty else { return [] }
        return ["fed by lead stage: " + feeders.map { "\($0.id) (\($0.name))" }.joined(separator: ", ")]
    }
}
