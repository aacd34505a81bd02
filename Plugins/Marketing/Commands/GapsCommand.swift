import LockstepCore

/// `gaps`: stages, and stage × persona cells, that no buyer-facing activity supports, most important first.
enum GapsCommand {
    static let command = Command(CommandSpec(
        "gaps", summary: "Stages and stage × persona cells with no supporting content, most important first",
        options: [OptionSpec("--process", value: "PROCESS", completion: .ids(.process), summary: "only the stages of this process"),
                  OptionSpec("--persona", value: "PERSONA", completion: .ids(.persona), summary: "only the gaps for this persona"),
                  OptionSpec("--all", summary: "every gap, not only the first \(shown)")],
        examples: ["gaps", "gaps --process new-business", "gaps --persona cfo", "gaps --all"]
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
        let waived = waivedGaps(environment.workbook, today: environment.today)
        let lifecycle = invocation.option("--process") == nil ? lifecycleGaps(environment.workbook) : []
        let all = table(model: model, stages: stages, personas: personas, wholeStages: invocation.option("--persona") == nil, waived: waived,
                        lifecycle: lifecycle)
        var shownTable = all
        if !invocation.flag("--all"), all.rows.count > shown { shownTable.rows = Array(all.rows.prefix(shown)) }
        environment.emit(.table(shownTable))
        if shownTable.rows.count < all.rows.count {
            environment.emit(.note("… and \(all.rows.count - shown) more, less pressing ('gaps --all' lists them)"))
        }
        if !waived.isEmpty {
            environment.emit(.note("\(waived.count) waived gap\(waived.count == 1 ? "" : "s") left out ('check' shows the waivers with their reasons)"))
        }
        let skipped = notInvolvedCount(model: model, stages: stages, personas: personas)
        if skipped > 0 {
            environment.emit(.note("\(skipped) stage × persona cell\(skipped == 1 ? "" : "s") left out where the persona takes no part "
                                   + "(by its role, or its involved_in / not_involved_in)"))
        }
    }

    /// How many gaps are listed before "… and N more".
    static let shown = 20

    /// The gaps a waiver in date accepts: a stage without content (MK001), a buying role's gap
    /// at a decision stage (MK002), by the target in full form (`stage`, `stage/persona`).
    static func waivedGaps(_ workbook: Workbook, today: Day) -> Set<String> {
        let gapRules: Set<String> = ["MK001", "MK002", "MK013", "MK014"]
        let waivers = workbook.checks.waivers.filter { gapRules.contains($0.rule.value) && ($0.until.map { $0 >= today } ?? true) }
        guard !waivers.isEmpty else { return [] }
        let index = ItemIndex(workbook)
        return Set(waivers.map { index.fullTarget($0.target.value) })
    }

    static func notInvolvedCount(model: MarketingModel, stages: [MarketingModel.Stage], personas: [Persona]) -> Int {
        stages.reduce(0) { count, stage in count + personas.filter { !model.involves($0, at: stage) }.count }
    }

    /// The gaps, most important first: decision stages and economic buyers lead.
    static func table(model: MarketingModel, stages: [MarketingModel.Stage], personas: [Persona], wholeStages: Bool,
                      waived: Set<String> = [], lifecycle: [LifecycleGap] = []) -> Table {
        struct Gap {
            /// 0 a stage with no content, 1 a buying role's gap at a decision stage, 2 a recycle track
            /// without a nurture program, 3 a lead stage without a program, 4 any other buying role's gap.
            let group: Int
            let stage: String
            let phase: String
            let order: Int
            let persona: Persona?
            let text: String
        }
        var gaps: [Gap] = []
        for (order, stage) in stages.enumerated() {
            if !model.hasBuyerFacing(at: stage.id), wholeStages {
                if !waived.contains(stage.id) {
                    gaps.append(Gap(group: 0, stage: stage.id, phase: stage.phase ?? "", order: order, persona: nil,
                                    text: "no buyer-facing content at this stage"))
                }
                continue
            }
            // A waived stage is accepted as it is, its personas' cells with it.
            if waived.contains(stage.id) { continue }
            let reached = model.personasReached(at: stage.id)
            gaps += personas.filter { !reached.contains($0.id) && model.involves($0, at: stage) && !waived.contains("\(stage.id)/\($0.id)") }
                .map { Gap(group: stage.phase == "decision" ? 1 : 4, stage: stage.id, phase: stage.phase ?? "", order: order, persona: $0,
                           text: "no content for this persona here") }
        }
        if wholeStages {
            gaps += lifecycle.filter { !waived.contains($0.id) }.enumerated().map { order, gap in
                Gap(group: gap.phase == "nurture" ? 2 : 3, stage: gap.id, phase: gap.phase, order: order, persona: nil, text: gap.problem)
            }
        }
        // By group (which follows the severity of the rule behind it: MK001's errors, then MK002's
        // warnings, then MK013 and MK014), then by the priority findings carry into the report
        // (phase, then role), then in process order: the report's recommendations in the same order.
        gaps.sort { a, b in
            let left = (a.group, Importance.priority(phase: a.phase, role: a.persona?.role), a.order)
            let right = (b.group, Importance.priority(phase: b.phase, role: b.persona?.role), b.order)
            return left < right
        }
        let rows: [[Table.Cell]] = gaps.enumerated().map { number, gap in
            [.integer(number + 1), .text(gap.stage), .text(gap.phase), .text(gap.persona?.id ?? (gap.group == 2 || gap.group == 3 ? "" : "(every persona)")),
             .text(gap.persona?.role ?? ""), .text(gap.text)]
        }
        return Table(["#", "stage", "phase", "persona", "role", "gap"], rows: rows)
    }

    /// A lead stage or recycle track with no program behind it, as MK013 and MK014 judge them.
    struct LifecycleGap {
        let id: String
        /// `lead` for a lead stage, `nurture` for a recycle track.
        let phase: String
        let problem: String
    }

    static func lifecycleGaps(_ workbook: Workbook) -> [LifecycleGap] {
        let unsupported = LifecycleSupport.unsupported(in: workbook)
        let stages = unsupported.stages.map { LifecycleGap(id: $0.id, phase: "lead", problem: "no lead-generation program for this lead stage") }
        let tracks = unsupported.tracks.map { LifecycleGap(id: $0.id, phase: "nurture", problem: "no nurture program for this recycle track") }
        return tracks + stages
    }
}
