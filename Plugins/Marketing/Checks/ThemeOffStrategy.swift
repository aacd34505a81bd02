import LockstepCore

/// What an activity's message is about, set against the go-to-market strategy's choices (Bill
/// Wallace, "Ending the War between Sales and Marketing"): the basis of innovation (product,
/// process or client business impact) and how clients perceive value (low cost, the total
/// solution, guaranteed business results).
enum Theme {
    static let innovation = ["product", "process", "client-impact"]
    static let value = ["low-cost", "total-solution", "business-results"]
    static let all = innovation + value

    /// The strategy's words read as one of the choices; nil when none fits.
    static func innovation(of text: String) -> String? {
        let words = Transliteration.folded(text)
        if words.contains("impact") { return "client-impact" }
        if words.contains("process") { return "process" }
        if words.contains("product") { return "product" }
        return nil
    }

    static func value(of text: String) -> String? {
        let words = Transliteration.folded(text)
        if words.contains("low cost") || words.contains("cheap") || words.contains("price") { return "low-cost" }
        if words.contains("solution") { return "total-solution" }
        if words.contains("result") || words.contains("outcome") || words.contains("guarantee") {
            return "business-results"
        }
        return nil
    }
}

/// MK015: an activity's theme contradicts the go-to-market strategy both teams agreed.
struct ThemeOffStrategy: Check {
    let code = "MK015"
    let slug = "theme-off-strategy"
    let defaultSeverity = Severity.warning
    let summary = "An activity's theme contradicts the go-to-market strategy"
    let advice = ClientAdvice(
        problem: "{where} talks about things the strategy says buyers do not value.",
        action: "Align the message of {where} with what the strategy says clients value.",
        stake: "Mixed messages blur the brand: buyers hear one promise from marketing and another from sales.")
    let explanation = RuleExplanation(
        what:
            "An activity that states its `theme` speaks to the strategy's choice: a basis of innovation (`product`, `process`, `client-impact`) matching `strategy.innovation`, a value (`low-cost`, `total-solution`, `business-results`) matching `strategy.value`. Activities without a theme, and strategies whose words name none of these, are not judged.",
        why:
            "Sales and marketing cannot be aligned to each other, only to a common go-to-market strategy, which defines the messaging both use (Bill Wallace, “Ending the War between Sales and Marketing”); a “specs and speeds” piece under a strategy of client business impact tells buyers a different story than the one sales tells them.",
        fix: "Rework the message around the strategy's choice and set `theme` to it, or retire the activity.")
    let examples: [CheckExample] = [
        .triggering(
            """
            strategy: { innovation: client business impact, value: guaranteed business results }
            activities:
              - { id: specs-video, kind: content, theme: product }
              - { id: price-sheet, kind: content, theme: low-cost }
            """, targets: ["specs-video", "price-sheet"]),
        // Near misses: the matching theme, no theme, and a strategy that names none of the choices.
        .passing(
            """
            strategy: { innovation: client business impact }
            activities:
              - { id: roi-study, kind: content, theme: client-impact }
              - { id: brochure, kind: content }
              - { id: price-sheet, kind: content, theme: low-cost }
            """),
    ]

    func findings(in workbook: Workbook, context: CheckContext) -> [Finding] {
        guard let strategy = workbook.items(of: .strategy).first else { return [] }
        func text(_ field: String) -> String? {
            if case .string(let value)? = strategy.fields[field] { return value }
            return nil
        }
        let innovation = text("innovation").flatMap(Theme.innovation(of:)),
            value = text("value").flatMap(Theme.value(of:))
        return workbook.activities.compactMap { activity in
            guard let theme = activity.theme else { return nil }
            if Theme.innovation.contains(theme), let innovation, innovation != theme {
                return finding(
                    "activity '\(activity.id)' speaks of \(theme), but the strategy's basis of innovation is \(innovation)",
                    target: activity.id, at: activity.location)
            }
            if Theme.value.contains(theme), let value, value != theme {
                return finding(
                    "activity '\(activity.id)' promises \(theme), but the strategy's value is \(value)",
                    target: activity.id, at: activity.location)
            }
            return nil
        }
    }
}
