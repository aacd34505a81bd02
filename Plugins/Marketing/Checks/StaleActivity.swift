import LockstepCore

/// MK008: an activity was not reviewed within the last twelve months.
struct StaleActivity: Check {
    static let window = 365
    let code = "MK008"
    let slug = "stale-activity"
    let defaultSeverity = Severity.info
    let summary = "An activity has not been reviewed in twelve months"
    let advice = ClientAdvice(
        problem: "{where} has not been reviewed for over a year.",
        action: "Review {where} with sales: is it still accurate, still used, still working?",
        stake: "Outdated content misleads buyers and embarrasses the sellers who use it.")
    let explanation = RuleExplanation(
        what: "Every activity has a `reviewed` date within the last 12 months.",
        why: "Content drifts from what sales actually says and does; when the message no longer matches the follow-up, responses are lost (“Sales and Marketing – Align, Define and Make Money”, misalignment #4). A yearly review keeps them in step.",
        fix: "Review the activity with sales and set `reviewed:` to the date of the review.")
    let examples: [CheckExample] = [
        .triggering("activities:\n  - { id: old, reviewed: 2001-01-01 }\n  - { id: never }\n", targets: ["old", "never"]),
        .passing("activities:\n  - { id: fresh, reviewed: 2999-01-01 }\n"),
    ]

    func findings(in workbook: Workbook, context: CheckContext) -> [Finding] {
        workbook.activities.compactMap { activity in
            guard let reviewed = activity.reviewed else {
                return finding("activity '\(activity.id)' has never been reviewed", target: activity.id, at: activity.location)
            }
            let age = context.today.daysSinceEpoch - reviewed.daysSinceEpoch
            guard age > Self.window else { return nil }
            return finding("activity '\(activity.id)' was last reviewed \(reviewed) (\(age / 30) months ago)",
                           target: activity.id, at: activity.location)
        }
    }
}
