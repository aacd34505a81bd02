import LockstepCore

/// MK006: an activity supports no stage.
struct OrphanActivity: Check {
    let code = "MK006"
    let slug = "orphan-activity"
    let defaultSeverity = Severity.info
    let summary = "An activity supports no stage of the sales process or the lead lifecycle"
    let advice = ClientAdvice(
        problem: "{where} supports no step of the sales process or the lead lifecycle.",
        action: "Tie {where} to the stage it is meant to help, or stop it.",
        stake: "Budget is spent on activity that helps no identifiable step toward a sale.")
    let explanation = RuleExplanation(
        what: "Every activity supports at least one sales stage, or a lead stage or recycle track (`lead_stages`: a lead-generation or nurture program). An enablement item that another activity names (`enablement: ID`) counts as tied to the process through that activity.",
        why: "Sales often sees marketing as expensive and impossible to measure (“The Twin Pillars of Profit: Sales and Marketing”); spend that cannot be tied to a step of the sales process proves the point.",
        fix: "Map the activity to the stages it helps (`activity map ID --stage STAGE`), or retire it.")
    let examples: [CheckExample] = [
        .triggering("""
            processes:
              - id: nb
                stages: [{ id: discovery }]
            activities:
              - { id: sponsorship, kind: event }
              - { id: unused-training, kind: enablement }
            """, targets: ["sponsorship", "unused-training"]),
        .passing("""
            processes:
              - id: nb
                stages: [{ id: discovery }]
            activities:
              - { id: webinar, kind: webinar, stages: [discovery], enablement: talk-track }
              - { id: talk-track, kind: enablement }
            """),
    ]

    func findings(in workbook: Workbook, context: CheckContext) -> [Finding] {
        let activities = workbook.activities
        let named = Set(activities.compactMap { $0.enablement?.value })
        return activities.filter { $0.stages.isEmpty && $0.leadStages.isEmpty && !named.contains($0.id) }.map { activity in
            finding("activity '\(activity.id)' supports no sales stage", target: activity.id, at: activity.location)
        }
    }
}
