import LockstepCore

extension StagesPlugin {
    /// What `show` says of a stage (every field) and of a process (its stages in order).
    public func describe(_ item: Item, in workbook: Workbook) -> [String] {
        let processes = workbook.processes
        if item.kind == .strategy, let strategy = workbook.section(StrategySection.self) {
            return [
                ("basis of innovation", strategy.innovation), ("value", strategy.value), ("brand", strategy.brand),
                ("sales role", strategy.salesRole),
            ].map { "\($0.0): \($0.1 ?? "not set")" }
                + [
                    "target segments: "
                        + (strategy.segments.isEmpty ? "not set" : strategy.segments.joined(separator: ", "))
                ]
        }
        if item.kind == .stage {
            for process in processes {
                guard let stage = process.stages.first(where: { "\(process.id)/\($0.id)" == item.id }) else { continue }
                var lines = [
                    "process: \(process.id) (\(process.name))",
                    "phase: \(stage.phase ?? "not set"), win probability: \(stage.probability.map { "\($0)%" } ?? "not set")",
                    "owner: \(stage.owner ?? "nobody")",
                ]
                if let goal = stage.goal { lines.append("goal: \(goal)") }
                lines.append("exit criteria: " + (stage.exit.isEmpty ? "none" : stage.exit.joined(separator: "; ")))
                return lines
            }
            return []
        }
        guard item.kind == .process, let process = processes.first(where: { $0.id == item.id }) else { return [] }
        var lines = ["kind: \(process.kind.map { $0 == "new" ? "new business" : "existing customers" } ?? "not set")"]
        lines.append("stages:" + (process.stages.isEmpty ? " none" : ""))
        for (number, stage) in process.stages.enumerated() {
            let facts = [stage.phase, stage.probability.map { "\($0)%" }, stage.owner.map { "owner \($0)" }].compactMap
            { $0 }
            lines.append(
                "  \(number + 1). \(process.id)/\(stage.id) — \(stage.name)"
                    + (facts.isEmpty ? "" : " (\(facts.joined(separator: ", ")))"))
        }
        return lines
    }
}
