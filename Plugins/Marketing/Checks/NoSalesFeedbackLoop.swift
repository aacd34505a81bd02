import LockstepCore

/// MK010: nothing carries field knowledge back to marketing.
struct NoSalesFeedbackLoop: Check {
    let code = "MK010"
    let slug = "no-sales-feedback-loop"
    let defaultSeverity = Severity.info
    let summary = "No feedback loop carries field knowledge back to marketing"
    let advice = ClientAdvice(
        problem: "Nothing carries what sales hears from customers back to marketing.",
        action: "Set up a regular way for sales to tell marketing what customers say: win-loss reviews, a shared channel, a monthly meeting.",
        stake: "Marketing keeps making content from assumptions; what the field learns is lost.")
    let explanation = RuleExplanation(
        what: "The workbook declares at least one `feedback` item: a way what sales hears from customers returns to marketing.",
        why: "The strongest alignments route field knowledge back: a field product team (“The Twin Pillars of Profit: Sales and Marketing”), won/lost analysis (The Chief Outsider, “Sales and Marketing: Different or Two Sides of the Same Coin?”), marketing riding along on sales calls (“Sales and Marketing – Align, Define and Make Money”, misalignment #1).",
        fix: "Add a `feedback:` item, e.g. `{ id: win-loss-review, name: Monthly win/loss review, cadence: monthly }` — in the shell, `add feedback win-loss-review \"Monthly win/loss review\"` and `edit feedback win-loss-review cadence monthly`.")
    let examples: [CheckExample] = [
        .triggering("activities: []\n", targets: ["feedback"]),
        .passing("feedback:\n  - { id: ride-alongs, name: Marketing rides along on sales calls, cadence: quarterly }\n"),
    ]

    func findings(in workbook: Workbook, context: CheckContext) -> [Finding] {
        guard (workbook.section(FeedbackSection.self)?.loops ?? []).isEmpty else { return [] }
        return [finding("nothing carries field knowledge back to marketing (no feedback items)", target: "feedback", at: nil)]
    }
}
