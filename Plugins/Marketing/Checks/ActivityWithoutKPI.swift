import LockstepCore

/// MK009: an activity has no measure of success.
struct ActivityWithoutKPI: Check {
    let code = "MK009"
    let slug = "activity-without-kpi"
    let defaultSeverity = Severity.info
    let summary = "A buyer-facing activity has no KPI"
    let advice = ClientAdvice(
        problem: "Nobody measures whether {where} works.",
        action: "Give {where} a measure of success agreed with sales.",
        stake: "Without a measure nobody can tell whether the money spent is working, so it is never improved or stopped.")
    let explanation = RuleExplanation(
        what: "Every buyer-facing activity states how its success is measured (`kpi`).",
        why: "Marketing earns sales' trust with measurable ROI (“The Twin Pillars of Profit: Sales and Marketing”); fulfilment and measurement are part of executing a go-to-market strategy (Bill Wallace, “Ending the War between Sales and Marketing”).",
        fix: "Add `kpi:` with one number the activity should move, e.g. `kpi: ROI reviews booked per month`.")
    let examples: [CheckExample] = [
        .triggering("activities:\n  - { id: webinar, kind: webinar }\n", targets: ["webinar"]),
        .passing("activities:\n  - { id: webinar, kind: webinar, kpi: Registrations that become MQLs }\n  - { id: training, kind: enablement }\n"),
    ]

    func findings(in workbook: Workbook, context: CheckContext) -> [Finding] {
        workbook.activities.filter { $0.isBuyerFacing && ($0.kpi ?? "").isEmpty }.map { activity in
            finding("activity '\(activity.id)' has no measure of success", target: activity.id, at: activity.location)
        }
    }
}
