import LockstepCore

extension MarketingPlugin {
    /// Each sales stage gets its count of buyer-facing activities; a stage with none is a gap (grey
    /// when a waiver accepts it), and one where some buying roles that take part get nothing is
    /// marked with their count.
    public func draw(_ diagram: inout Diagram, workbook: Workbook) {
        let model = MarketingModel(workbook)
        let waived = GapsCommand.waivedGaps(workbook, today: diagram.today)
        for stage in model.stages {
            let node = "stage:\(stage.id)"
            let count = model.buyerFacing(at: stage.id).count
            if count == 0 {
                let accepted = waived.contains(stage.id)
                diagram.annotate(node, accepted ? "no content (accepted)" : "no content (gap)", mark: accepted ? .accepted : .gap)
                continue
            }
            diagram.annotate(node, "\(count) activit\(count == 1 ? "y" : "ies")")
            let reached = model.personasReached(at: stage.id)
            let missing = model.personas.filter {
                !reached.contains($0.id) && model.involves($0, at: stage) && !waived.contains("\(stage.id)/\($0.id)")
            }
            if !missing.isEmpty {
                diagram.annotate(node, "\(missing.count) buying role\(missing.count == 1 ? "" : "s") without content", mark: .partialGap)
            }
        }
    }
}

extension MarketingPlugin {
    /// Stage × buyer role: how many buyer-facing activities support each pair, as `coverage` shows.
    public func coverage(_ workbook: Workbook) -> CoverageMatrix? {
        let model = MarketingModel(workbook)
        let cells = model.stages.flatMap { stage in
            let supporting = model.buyerFacing(at: stage.id)
            // Only the cells where the persona takes part: an empty cell elsewhere is no gap.
            return model.personas.filter { model.involves($0, at: stage) }.map { persona in
                CoverageCell(row: stage.id, column: persona.id,
                             count: supporting.filter { $0.personas.contains { $0.value == persona.id } }.count)
            }
        }
        return CoverageMatrix(rowTitle: "stage", columnTitle: "buyer role", cells: cells)
    }
}
