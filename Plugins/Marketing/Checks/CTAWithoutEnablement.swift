import LockstepCore

/// MK003: an activity with a call to action has no enablement item preparing sales to answer it.
struct CTAWithoutEnablement: Check {
    let code = "MK003"
    let slug = "cta-without-enablement"
    let defaultSeverity = Severity.warning
    let summary = "A call to action has no sales enablement behind it"
    let advice = ClientAdvice(
        problem: "{where} asks buyers to respond, but sales is not prepared to answer them.",
        action: "Brief the people who follow up on {where}: what was promised and how to take the conversation on.",
        stake: "Responses arrive and are answered badly or not at all; the campaign's cost buys no pipeline.")
    let explanation = RuleExplanation(
        what:
            "Every activity with a call to action (`cta`) names the enablement item (`enablement`) that prepares sales to answer the responses, and that item is one (kind `enablement` or `battlecard`), not more buyer-facing content.",
        why:
            "A campaign can work — leads come in, the right prospects call — and still fail when the phone is picked up by a salesperson who was never trained on it (“Sales and Marketing – Align, Define and Make Money”, misalignment #2).",
        fix: "Add an activity of kind `enablement` (training, a talk track) and point to it: `enablement: ID`.")
    let examples: [CheckExample] = [
        .triggering("activities:\n  - { id: webinar, kind: webinar, cta: Register }\n", targets: ["webinar"]),
        .triggering(
            """
            activities:
              - { id: webinar, kind: webinar, cta: Register, enablement: story }
              - { id: story, kind: case-study }
            """, targets: ["webinar"]),
        .passing(
            """
            activities:
              - { id: webinar, kind: webinar, cta: Register, enablement: talk-track }
              - { id: talk-track, kind: enablement }
              - { id: whitepaper, kind: content }
            """),
    ]

    func findings(in workbook: Workbook, context: CheckContext) -> [Finding] {
        let asking = workbook.activities.filter { !($0.cta ?? "").isEmpty }
        // The kinds of the activities named as enablement only: a large workbook's activities
        // are not all copied into a table for the few that are.
        let named = Set(asking.compactMap { $0.enablement?.value })
        var kinds: [String: String?] = [:]
        if !named.isEmpty {
            // The first activity of an id gives its kind, as look-ups by id do elsewhere.
            for activity in workbook.activities
            where named.contains(activity.id) && kinds.index(forKey: activity.id) == nil {
                kinds[activity.id] = activity.kind
            }
        }
        return asking.compactMap { activity in
            guard let enablement = activity.enablement else {
                return finding(
                    "activity '\(activity.id)' asks buyers to '\(activity.cta ?? "")' but no enablement prepares sales to answer",
                    target: activity.id, at: activity.location)
            }
            // Naming buyer-facing content as the enablement prepares nobody in sales.
            guard let kind = kinds[enablement.value], let named = kind, !Activity.enablementKinds.contains(named) else {
                return nil
            }
            return finding(
                "activity '\(activity.id)' names '\(enablement.value)' as its enablement, but it is of kind \(named), "
                    + "not an item that prepares sales (kind enablement or battlecard)",
                target: activity.id, at: enablement.location ?? activity.location)
        }
    }
}
