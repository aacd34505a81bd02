import LockstepCore

extension LeadsPlugin {
    /// The lead lifecycle by doing: a definition that builds on the stage before, then a faster hand-off.
    public func lessons(_ workbook: Workbook, context: CheckContext) -> [Lesson] {
        guard let leads = workbook.section(LeadsSection.self), leads.stages.count > 1 else { return [] }
        var lessons: [Lesson] = []
        // A stage whose definition does not build on the one before (LD006), or has none (LD001).
        let narrowing = CriteriaNotNarrowing(), missingCriteria = LeadStageWithoutCriteria()
        let flagged =
            (missingCriteria.findings(in: workbook, context: context)
            + narrowing.findings(in: workbook, context: context)).first
        if let flagged, let index = leads.stages.firstIndex(where: { $0.id == flagged.target }), index > 0 {
            let stage = leads.stages[index], before = leads.stages[index - 1]
            let written = stage.criteria?.value
            lessons.append(
                Lesson(
                    id: "leads.criteria", order: 40,
                    idea:
                        "A lead stage's criteria say when a lead qualifies for it, in the CRM's own fields. Each stage builds on "
                        + "the one before, so the funnel narrows and sales and marketing count the same leads.",
                    task: "Make \(stage.name)'s criteria include \(before.name)'s.",
                    example: "lead criteria \(stage.id) \(before.id)" + (written.map { " and \($0)" } ?? ""),
                    focus: stage.name,
                    questions: [
                        Fact(
                            "What goes wrong when a later stage does not include the earlier one?",
                            "A lead can reach it without passing the earlier qualification; the teams count different funnels."
                        )
                    ],
                    missing: { state in
                        let still =
                            (missingCriteria.findings(in: state.workbook, context: state.context)
                            + narrowing.findings(in: state.workbook, context: state.context)).contains {
                                $0.target == stage.id
                            }
                        return still ? "\(stage.name)'s criteria do not yet include \(before.name)'s" : nil
                    }))
        }
        // The hand-off to tighten: one without a first-touch SLA, else the slowest one over a day.
        let day = 86_400
        let target =
            leads.stages.first { $0.handoff != nil && $0.handoff?.firstTouchWithin == nil }
            ?? leads.stages.filter { ($0.handoff?.firstTouchWithin?.seconds ?? 0) > day }.max {
                ($0.handoff?.firstTouchWithin?.seconds ?? 0) < ($1.handoff?.firstTouchWithin?.seconds ?? 0)
            }
        if let target {
            let receiver = target.handoff?.to ?? target.owner ?? "sales"
            lessons.append(
                Lesson(
                    id: "leads.sla", order: 50,
                    idea:
                        "A hand-off SLA says how fast the receiving team must act on a lead. Interest fades within days: a lead "
                        + "called the same day converts far more often than one called next week.",
                    task:
                        "Agree that \(receiver) calls every \(target.name) within 24 hours: set that first-touch SLA.",
                    example: "lead sla \(target.id) --first-touch 24h",
                    focus: target.name,
                    questions: [
                        Fact(
                            "Who is accountable when a lead waits?",
                            "The team receiving it, once the SLA says how fast it must act.")
                    ],
                    missing: { state in
                        let now = state.workbook.section(LeadsSection.self)?.stages.first { $0.id == target.id }
                        guard let within = now?.handoff?.firstTouchWithin else {
                            return "\(target.name) has no first-touch SLA yet"
                        }
                        return within.seconds <= day
                            ? nil : "\(target.name)'s first touch is still within \(within), not 24h"
                    }))
        }
        return lessons
    }
}
