import LockstepCore

/// MK017: a feedback loop that says who takes part leaves out sales or marketing.
struct OneSidedFeedback: Check {
    let code = "MK017"
    let slug = "one-sided-feedback"
    let defaultSeverity = Severity.warning
    let summary = "A feedback loop leaves out sales or marketing"
    let advice = ClientAdvice(
        problem: "The feedback loop {where} leaves one of the teams out.",
        action: "Bring both sales and marketing into {where}.",
        stake: "What one team learns stays with it, and the two keep working from different pictures of the customer.")
    let explanation = RuleExplanation(
        what:
            "A feedback loop that lists its `participants` has both sales and marketing among them (any participant whose name starts with `sales` or `marketing`, e.g. `sales-enablement`, `product-marketing`). A loop that lists no participants is not judged.",
        why:
            "Field knowledge has to cross from one team to the other: marketing attending sales calls and meetings, sales sharing what it hears so marketing can act on it (“Sales and Marketing – Align, Define and Make Money”; the article on sales and marketing “Togetherness”). A review either team holds alone keeps what it learns to itself.",
        fix:
            "Bring the other team into the loop: `participants: [sales, marketing]`, or name who from each side takes part."
    )
    let examples: [CheckExample] = [
        .triggering(
            "feedback:\n  - { id: pipeline-review, cadence: weekly, participants: [sales, sales-ops] }\n",
            targets: ["pipeline-review"]),
        // Near misses: both sides by their team names; a loop that does not say who takes part.
        .passing(
            """
            feedback:
              - { id: win-loss, cadence: monthly, participants: [account-executives, sales, product-marketing] }
              - { id: ride-alongs, cadence: quarterly }
            """),
    ]

    func findings(in workbook: Workbook, context: CheckContext) -> [Finding] {
        (workbook.section(FeedbackSection.self)?.loops ?? []).compactMap { loop in
            guard !loop.participants.isEmpty else { return nil }
            let names = loop.participants.map { Transliteration.folded($0) }
            let sales = names.contains { $0.hasPrefix("sales") || $0.contains("account") }
            let marketing = names.contains { $0.contains("marketing") }
            guard !sales || !marketing else { return nil }
            let missing = [sales ? nil : "sales", marketing ? nil : "marketing"].compactMap { $0 }.joined(
                separator: " and ")
            return finding(
                "feedback loop '\(loop.id)' leaves out \(missing): what one team learns stays with it",
                target: loop.id, at: loop.location)
        }
    }
}
