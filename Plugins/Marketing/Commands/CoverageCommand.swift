import LockstepCore

/// `coverage`: how many buyer-facing activities support each stage, per persona or per activity kind.
enum CoverageCommand {
    static let command = Command(CommandSpec(
        "coverage", summary: "A stage × persona matrix (or stage × activity kind) of supporting activities; empty cells are gaps",
        options: [OptionSpec("--process", value: "PROCESS", completion: .ids(.process), summary: "only the stages of this process"),
                  OptionSpec("--by", value: "persona|kind", completion: .words(["persona", "kind"]), summary: "the matrix's columns (default persona)")],
        examples: ["coverage", "coverage --process new-business", "coverage --by kind"]
    )) { environment, invocation in
        let model = MarketingModel(environment.workbook)
        let stages = try stages(of: model, process: invocation.option("--process"), environment: environment)
        let byKind: Bool
        switch invocation.option("--by") ?? "persona" {
        case "persona": byKind = false
        case "kind": byKind = true
        case let other:
            throw CommandError.usage("coverage: --by takes persona or kind, not '\(other)'\(Suggestion.phrase(for: other, in: ["persona", "kind"]))",
                                     fix: "coverage --by persona, or coverage --by kind")
        }
        environment.emit(.table(table(model: model, stages: stages, byKind: byKind)))
    }

    /// Supporting activities per stage and persona (or activity kind); empty cells highlighted.
    static func table(model: MarketingModel, stages: [MarketingModel.Stage], byKind: Bool) -> Table {
        let columns = byKind ? model.activities.filter(\.isBuyerFacing).compactMap(\.kind).uniqued.sorted() : model.personas.map(\.id)
        var rows: [[Table.Cell]] = []
        var highlighted = Set<[Int]>()
        for (row, stage) in stages.enumerated() {
            let supporting = model.buyerFacing(at: stage.id)
            var cells: [Table.Cell] = [.text(stage.id)]
            for (index, column) in columns.enumerated() {
                let count = supporting.filter { byKind ? $0.kind == column : $0.personas.contains { $0.value == column } }.count
                // A persona that takes no part at this stage has no gap here: "n/a", unless content reaches it anyway.
                if !byKind, count == 0, let persona = model.personas.first(where: { $0.id == column }), !model.involves(persona, at: stage) {
                    cells.append(.text("n/a"))
                    continue
                }
                if count == 0 { highlighted.insert([row, index + 1]) }
                cells.append(.integer(count))
            }
            if supporting.isEmpty { highlighted.insert([row, columns.count + 1]) }
            cells.append(.integer(supporting.count))
            rows.append(cells)
        }
        var table = Table(["stage"] + columns + ["all"], rows: rows)
        // Counts stay right-aligned where "n/a" stands among them.
        for index in table.columns.indices.dropFirst() { table.columns[index].alignment = .right }
        table.highlighted = highlighted
        return table
    }

    /// The stages to show, in process order, optionally of one process.
    static func stages(of model: MarketingModel, process: String?, environment: any CommandEnvironment) throws -> [MarketingModel.Stage] {
        guard let process else { return model.stages }
        let processes = model.stages.map(\.process).uniqued
        guard processes.contains(process) else {
            throw CommandError.usage("unknown process '\(process)'\(Suggestion.phrase(for: process, in: processes))",
                                     fix: "processes: \(processes.joined(separator: ", "))")
        }
        return model.stages.filter { $0.process == process }
    }
}
