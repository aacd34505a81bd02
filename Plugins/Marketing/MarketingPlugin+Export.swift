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

    /// The client report is about the alignment of marketing with the sales process.
    public var reportSubject: String? { "Sales and marketing alignment" }

    /// The coverage matrix and the gaps, most important first.
    public func reportSections(_ workbook: Workbook, context: CheckContext) -> [ReportSection] {
        let model = MarketingModel(workbook)
        guard !model.stages.isEmpty else { return [] }
        let coverage = CoverageCommand.table(model: model, stages: model.stages, byKind: false)
        let gaps = GapsCommand.table(model: model, stages: model.stages, personas: model.personas, wholeStages: true,
                                     waived: GapsCommand.waivedGaps(workbook, today: context.today),
                                     lifecycle: GapsCommand.lifecycleGaps(workbook))
        return [
            ReportSection(title: "Coverage", markdown: "Buyer-facing activities supporting each sales stage, per persona (0 is a gap; n/a: the "
                          + "persona takes no part there):\n\n" + coverage.rendered(as: .markdown), order: 20),
            ReportSection(title: "Gaps in priority order", markdown: gaps.rows.isEmpty ? "No gaps: every stage and persona has supporting content.\n"
                : "Stages with no content first, then decision stages and economic buyers:\n\n" + gaps.rendered(as: .markdown), order: 30),
        ]
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
