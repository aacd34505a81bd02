import LockstepCore

extension MarketingPlugin {
    /// For a stage: its content, the personas reached and not, the enablement behind it.
    /// For an activity: everything it touches.
    public func describe(_ item: Item, in workbook: Workbook) -> [String] {
        switch item.kind {
        case .stage: return describeStage(item.id, in: workbook)
        case .activity: return workbook.activities.first { $0.id == item.id }.map { describe($0) } ?? []
        default: return []
        }
    }

    private func describeStage(_ id: String, in workbook: Workbook) -> [String] {
        let model = MarketingModel(workbook)
        let supporters = model.supporters(at: id)
        let buyerFacing = supporters.filter(\.isBuyerFacing)
        var lines = ["content: " + (buyerFacing.isEmpty ? "none (a gap: MK001)"
            : buyerFacing.map { "\($0.id) (\($0.kind ?? "activity"))" }.joined(separator: ", "))]
        let reached = model.personasReached(at: id)
        let involved = model.stage(id).map { stage in model.personas.filter { model.involves($0, at: stage) } } ?? model.personas
        let personas = model.personas.map(\.id)
        lines.append("personas reached: " + list(personas.filter { reached.contains($0) }))
        lines.append("personas not reached: " + list(involved.map(\.id).filter { !reached.contains($0) }))
        let absent = personas.filter { id in !reached.contains(id) && !involved.contains { $0.id == id } }
        if !absent.isEmpty { lines.append("not taking part here: " + list(absent)) }
        let enablement = (buyerFacing.compactMap { $0.enablement?.value } + supporters.filter { !$0.isBuyerFacing }.map(\.id)).uniqued
        lines.append("enablement behind it: " + list(enablement))
        return lines
    }

    private func describe(_ activity: Activity) -> [String] {
        var lines = ["kind: \(activity.kind ?? "—")"]
        lines.append("stages: " + list(activity.stages.map(\.value)))
        lines.append("personas: " + list(activity.personas.map(\.value)))
        lines.append("needs: " + list(activity.needs.map(\.value)))
        if let cta = activity.cta { lines.append("call to action: \(cta)" + (activity.response.map { " (responses by \($0))" } ?? "")) }
        if let followUp = activity.followUp {
            lines.append("follow-up: " + [followUp.channel, followUp.owner.map { "by \($0)" }].compactMap { $0 }.joined(separator: " "))
        }
        if let enablement = activity.enablement { lines.append("enablement: \(enablement.value)") }
        if let kpi = activity.kpi { lines.append("kpi: \(kpi)") }
        if let owner = activity.owner { lines.append("owner: \(owner)") }
        lines.append("reviewed: \(activity.reviewed?.description ?? "never")")
        return lines
    }

    private func list(_ values: [String]) -> String { values.isEmpty ? "none" : values.joined(separator: ", ") }
}
