import LockstepCore

/// MK011: an activity meant to win deals or produce leads is measured by effort or attention only.
struct KPINotTiedToPipeline: Check {
    let code = "MK011"
    let slug = "kpi-not-tied-to-pipeline"
    let defaultSeverity = Severity.warning
    let summary = "A decision-stage or lead-generating activity has no pipeline or revenue KPI"
    let advice = ClientAdvice(
        problem: "{where} is measured by activity, not by pipeline or revenue.",
        action: "Measure {where} by the pipeline or revenue it creates, not only by views or clicks.",
        stake:
            "Marketing cannot show what it contributes to sales, and budget goes to what is popular rather than what sells."
    )
    let explanation = RuleExplanation(
        what:
            "An activity that supports a decision-phase stage, or whose responses go to lead-gen or sales, is measured by what it does to pipeline or revenue (MQLs, meetings, demos, proposals, deals, bookings), not by activity or engagement alone (posts, views, downloads, registrations). The KPI's words say which (`kpi_kind` states it outright); a KPI whose words do not tell is not judged.",
        why:
            "Measuring marketing by the number of leads or the noise it makes casts a wide net that sales must then sort through (Bill Wallace, “Ending the War between Sales and Marketing”); closed-loop reporting ties campaigns to the deals they produce (“Sales and Marketing – Align, Define and Make Money”), and goals aligned across both teams tie key metrics together (The Chief Outsider, “Sales and Marketing: Different or Two Sides of the Same Coin?”).",
        fix:
            "Measure what the activity does to the pipeline: `kpi: Webinar attendees who book a demo` rather than `kpi: Webinar registrations`; if its words do not show it, say so with `kpi_kind: pipeline`."
    )
    let examples: [CheckExample] = [
        .triggering(
            """
            processes:
              - { id: nb, stages: [{ id: proposal, phase: decision }] }
            activities:
              - { id: video, kind: content, stages: [proposal], kpi: Video views }
            """, targets: ["video"]),
        .triggering(
            """
            activities:
              - { id: ebook, kind: content, cta: Download, follow_up: { owner: lead-gen }, kpi: eBook downloads }
            """, targets: ["ebook"]),
        // A near miss: engagement on its way to the pipeline is pipeline.
        .passing(
            """
            processes:
              - { id: nb, stages: [{ id: proposal, phase: decision }, { id: discovery, phase: consideration }] }
            activities:
              - { id: webinar, kind: webinar, stages: [proposal], kpi: Webinar attendees who book a demo }
              - { id: video, kind: content, stages: [discovery], kpi: Video views }
              - { id: guide, kind: content, stages: [proposal], kpi: Days from verbal yes to signature }
              - { id: brief, kind: content, stages: [proposal], kpi: Brief reads, kpi_kind: pipeline }
            """),
    ]

    func findings(in workbook: Workbook, context: CheckContext) -> [Finding] {
        let model = context.shared.value("marketing-model") { MarketingModel(workbook) }
        let decisionStages = Set(model.stages.filter { $0.phase == "decision" }.map(\.id))
        let index = ItemIndex(workbook.items(of: .stage))
        // A large workbook repeats the same stage ids and KPI texts: each is worked out once.
        var atDecisionByText: [String: Bool] = [:]
        var classByText: [String: KPIKind?] = [:]
        return model.activities.compactMap { activity in
            guard activity.isBuyerFacing else { return nil }
            let owner = activity.followUp?.owner
            let generatesLeads = owner == "lead-gen" || owner == "sales"
            let atDecision = activity.stages.contains { reference in
                if let known = atDecisionByText[reference.value] { return known }
                var found = false
                if case .found(let stage) = index.resolve(reference.value, as: .stage) {
                    found = decisionStages.contains(stage.id)
                }
                atDecisionByText[reference.value] = found
                return found
            }
            guard atDecision || generatesLeads else { return nil }
            var measure = activity.kpiKind.flatMap(KPIKind.init(rawValue:))
            if measure == nil, let kpi = activity.kpi {
                if let known = classByText[kpi] {
                    measure = known
                } else {
                    measure = KPIKind.classify(kpi)
                    classByText[kpi] = measure
                }
            }
            guard let measure, measure == .activity || measure == .engagement else { return nil }
            let why = atDecision ? "supports a decision stage" : "hands its responses to \(owner ?? "")"
            return finding(
                "activity '\(activity.id)' \(why) but its KPI ('\(activity.kpi ?? "")') measures \(measure.rawValue), "
                    + "not pipeline or revenue", target: activity.id, at: activity.location)
        }
    }

}
