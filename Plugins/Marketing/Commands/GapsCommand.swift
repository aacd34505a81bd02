import LockstepCore

/// `gaps`: stages, and stage × persona cells, that no buyer-facing activity supports, most important first.
enum GapsCommand {
    static let command = Command(CommandSpec(
        "gaps", summary: "Stages and stage × persona cells with no supporting content, most important first",
        options: [OptionSpec("--process", value: "PROCESS", completion: .ids(.process), summary: "only the stages of this process"),
                  OptionSpec("--persona", value: "PERSONA", completion: .ids(.persona), summary: "only the gaps for this persona")],
        examples: ["gaps", "gaps --process new-business", "gaps --persona cfo"]
    )) { environment, invocation in
        let model = MarketingModel(environment.workbook)
        let stages = try CoverageCommand.stages(of: model, process: invocation.option("--process"), environment: environment)
        var personas = model.personas
        if let wanted = invocation.option("--persona") {
            guard let persona = personas.first(where: { $0.id == wanted }) else {
                throw CommandError.usage("gaps: unknown persona '\(wanted)'\(Suggestion.phrase(for: wanted, in: personas.map(\.id)))",
                                         fix: "'list personas' lists them")
            }
            personas = [persona]
        }
        environment.emit(.table(table(model: model, stages: stages, personas: personas, wholeStages: invocation.option("--persona") == nil)))
    }

    /// The gaps, most important first: decision stages and economic buyers lead.
    static func table(model: MarketingModel, stages: [MarketingModel.Stage], personas: [Persona], wholeStages: Bool) -> Table {
        struct Gap {
            let stage: MarketingModel.Stage
            let order: Int
            let persona: Persona?
        }
        var gaps: [Gap] = []
        for (order, stage) in stages.enumerated() {
            if !model.hasBuyerFacing(at: stage.id), wholeStages {
                gaps.append(Gap(stage: stage, order: order, persona: nil))
                continue
            }
            let reached = model.personasReached(at: stage.id)
            gaps += personas.filter { !reached.contains($0.id) }.map { Gap(stage: stage, order: order, persona: $0) }
        }
        // Decision stages first, then by buying role (economic buyers first); a whole stage without content before its cells.
        gaps.sort { a, b in
            let left = (Importance.rank(phase: a.stage.phase), a.persona.map { Importance.rank(role: $0.role) } ?? -1, a.order)
            let right = (Importance.rank(phase: b.stage.phase), b.persona.map { Importance.rank(role: $0.role) } ?? -1, b.order)
            return left < right
        }
        let rows: [[Table.Cell]] = gaps.enumerated().map { number, gap in
            [.integer(number + 1), .text(gap.stage.id), .text(gap.stage.phase ?? ""), .text(gap.persona?.id ?? "(every persona)"),
             .text(gap.persona?.role ?? ""),
             .text(gap.persona == nil ? "no buyer-facing content at this stage" : "no content for this persona here")]
        }
        return Table(["#", "stage", "phase", "persona", "role", "gap"], rows: rows)
    }
}
