import LockstepCore

extension LeadsPlugin {
    /// For a sales stage: the lead stages that hand over into it.
    public func describe(_ item: Item, in workbook: Workbook) -> [String] {
        guard item.kind == .salesStage, let leads = workbook.section(LeadsSection.self) else { return [] }
        let index = ItemIndex(workbook.items(of: .salesStage))
        let feeders = leads.stages.filter { stage in
            guard let target = stage.enters?.value, case .found(let entered) = index.resolve(target, as: .salesStage) else { return false }
            return entered.id == item.id
        }
        guard !feeders.isEmpty else { return [] }
        return ["fed by lead stage: " + feeders.map { "\($0.id) (\($0.name))" }.joined(separator: ", ")]
    }
}
