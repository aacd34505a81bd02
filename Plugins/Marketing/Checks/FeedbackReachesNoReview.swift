import LockstepCore

/// MK018: once the workbook says which content reviews its feedback loops feed, a loop that feeds none.
struct FeedbackReachesNoReview: Check {
    let code = "MK018"
    let slug = "feedback-reaches-no-review"
    let defaultSeverity = Severity.info
    let summary = "A feedback loop's input reaches no content review"
    let advice = ClientAdvice(
        problem: "What the feedback loop {where} collects changes no marketing content.",
        action: "Decide which content {where} feeds, and review that content with its input.",
        stake: "Field knowledge is gathered and then ignored: the content the field complains about stays as it is.")
    let explanation = RuleExplanation(
        what:
            "Once some feedback loop names the activities whose reviews its input feeds (`informs`), every loop does. A workbook whose loops name none is not judged: it has not yet modelled where the input goes.",
        why:
            "A feedback loop exists so that what sales hears changes what marketing makes: marketing attending sales meetings and sales passing on what customers say, so content is reviewed with it (“Sales and Marketing – Align, Define and Make Money”; the article on sales and marketing “Togetherness”). A loop whose input reaches no review is a meeting, not a loop.",
        fix:
            "Name the content the loop feeds: `informs: [battlecard, roi-calculator]`, or `edit feedback ID informs battlecard,roi-calculator`."
    )
    let examples: [CheckExample] = [
        .triggering(
            """
            activities:
              - { id: battlecard, kind: enablement }
            feedback:
              - { id: win-loss, participants: [sales, marketing], informs: [battlecard] }
              - { id: ride-alongs, participants: [sales, marketing] }
            """, targets: ["ride-alongs"]),
        .passing(
            """
            activities:
              - { id: battlecard, kind: enablement }
              - { id: deck, kind: content }
            feedback:
              - { id: win-loss, participants: [sales, marketing], informs: [battlecard] }
              - { id: ride-alongs, participants: [sales, marketing], informs: [deck] }
            """),
        // A near miss: no loop says where its input goes yet, so none is judged.
        .passing("feedback:\n  - { id: win-loss, participants: [sales, marketing] }\n  - { id: ride-alongs }\n"),
    ]

    func findings(in workbook: Workbook, context: CheckContext) -> [Finding] {
        let loops = workbook.section(FeedbackSection.self)?.loops ?? []
        guard loops.contains(where: { !$0.informs.isEmpty }) else { return [] }
        return loops.filter { $0.informs.isEmpty }.map { loop in
            finding(
                "feedback loop '\(loop.id)' feeds no content review (informs)", target: loop.id, at: loop.location,
                terms: ClientTerms(place: loop.name))
        }
    }
}
