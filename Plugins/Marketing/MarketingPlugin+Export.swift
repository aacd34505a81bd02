import LockstepCore

extension MarketingPlugin {
    /// Each sales stage gets its count of buyer-facing activities; a stage with none is a gap.
    public func draw(_ diagram: inout Diagram, workbook: Workbook) {
        let model = MarketingModel(workbook)
        for stage in model.stages {
            let count = model.buyerFacing(at: stage.id).count
            if count == 0 {
                diagram.annotate("stage:\(stage.id)", "no content (gap)", gap: true)
            } else {
                diagram.annotate("stage:\(stage.id)", "\(count) activit\(count == 1 ? "y" : "ies")")
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
