import LockstepCore

/// MK001: a sales stage has no supporting buyer-facing activity.
struct StageWithoutContent: Check {
    let code = "MK001"
    let slug = "stage-without-content"
    let defaultSeverity = Severity.error
    let summary = "A sales stage has no supporting buyer-facing content"
    let advice = ClientAdvice(
        problem: "No marketing content supports the {where} stage.",
        action: "Plan buyer-facing content for {where}: what the buyer needs to hear to move on.",
        stake: "Sales goes into the stage with nothing to show; deals stall or are lost where marketing could have helped.")
    let explanation = RuleExplanation(
        what: "Every stage of every sales process is supported by at least one activity that faces the buyer (any kind but `enablement`).",
        why: "Marketing activities must be aligned with the steps in the sales process (Bill Wallace, “Ending the War between Sales and Marketing”): a stage with no content is a step where the buyer gets nothing from marketing and the rep improvises.",
        fix: "Map an existing activity to the stage (`activity map ID --stage STAGE`) or plan one; `gaps` lists the stages without content, most important first.")
    let examples: [CheckExample] = [
        .triggering("""
            processes:
              - id: nb
                stages: [{ id: discovery }, { id: proposal }]
            activities:
              - { id: roi-training, kind: enablement, stages: [proposal] }
              - { id: webinar, kind: webinar, stages: [discovery] }
            """, targets: ["nb/proposal"]),
        .passing("""
            processes:
              - id: nb
                stages: [{ id: discovery }]
            activities:
              - { id: webinar, kind: webinar, stages: [nb/discovery] }
            """),
    ]

    func findings(in workbook: Workbook, context: CheckContext) -> [Finding] {
        let model = context.shared.value("marketing-model") { MarketingModel(workbook) }
        return model.stages.filter { !model.hasBuyerFacing(at: $0.id) }.map { stage in
            finding("no buyer-facing activity supports stage '\(stage.id)'", target: stage.id, at: stage.location,
                    terms: ClientTerms(place: model.placeName(stage)), impact: Impact(priority: Importance.priority(phase: stage.phase)))
        }
    }
}
