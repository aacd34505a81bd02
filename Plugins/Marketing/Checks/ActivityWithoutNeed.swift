import LockstepCore

/// MK007: an activity answers no documented customer need.
struct ActivityWithoutNeed: Check {
    let code = "MK007"
    let slug = "activity-without-need"
    let defaultSeverity = Severity.warning
    let summary = "A buyer-facing activity answers no customer need"
    let advice = ClientAdvice(
        problem: "{where} answers no known customer need.",
        action: "Tie {where} to the customer needs it addresses, or rethink its message.",
        stake: "Content that answers no need speaks about the company, not to the buyer, and is ignored.")
    let explanation = RuleExplanation(
        what: "Every buyer-facing activity (any kind but `enablement`) names at least one customer need or pain point it answers (`needs`).",
        why: "The first misalignment on the list is a marketing message that does not match the customer's need (“Sales and Marketing – Align, Define and Make Money”, misalignment #1); content that talks features rather than needs does not compel action (“The Twin Pillars of Profit: Sales and Marketing”).",
        fix: "Add `needs: [..]` with the pains the activity speaks to; if none fits, the activity may be talking about the product rather than the customer.")
    let examples: [CheckExample] = [
        .triggering("activities:\n  - { id: datasheet, kind: content }\n  - { id: training, kind: enablement }\n", targets: ["datasheet"]),
        .passing("needs:\n  - { id: slow-close }\nactivities:\n  - { id: datasheet, kind: content, needs: [slow-close] }\n"),
    ]

    func findings(in workbook: Workbook, context: CheckContext) -> [Finding] {
        workbook.activities.filter { $0.isBuyerFacing && $0.needs.isEmpty }.map { activity in
            finding("activity '\(activity.id)' answers no documented customer need", target: activity.id, at: activity.location)
        }
    }
}
