import LockstepCore

/// SP006: the go-to-market strategy is missing or incomplete.
struct StrategyUndefined: Check {
    let code = "SP006"
    let slug = "strategy-undefined"
    let defaultSeverity = Severity.warning
    let summary = "The go-to-market strategy is missing or incomplete"
    let advice = ClientAdvice(
        problem: "The go-to-market strategy is not written down.",
        action: "Write down what the company's innovation is based on, how clients judge value, and what the brand stands for.",
        stake: "Without a shared strategy each team tells its own story, and content cannot be judged against it.")
    let explanation = RuleExplanation(
        what: "The `strategy` section says what innovation is based on, how clients perceive value, what the brand stands for and how sales is expected to perform.",
        why: "Sales and marketing cannot be aligned to each other, only to a common go-to-market strategy and sales process (Bill Wallace, “Ending the War between Sales and Marketing”). Without it each team optimises for its own idea of the customer.",
        fix: "Fill in `strategy: { innovation, value, brand, sales_role }` — in the shell, `edit strategy innovation \"client business impact\"`, then `value`, `brand` and `sales_role` the same way.")
    let examples: [CheckExample] = [
        .triggering("processes: []\n", targets: ["strategy"]),
        .triggering("strategy:\n  innovation: product\n  value: low price\n", targets: ["strategy"]),
        .passing("strategy:\n  innovation: product\n  value: low price\n  brand: reliable\n  sales_role: order takers\n"),
    ]

    func findings(in workbook: Workbook, context: CheckContext) -> [Finding] {
        let strategy = workbook.section(StrategySection.self)
        let missing = [("innovation", strategy?.innovation), ("value", strategy?.value), ("brand", strategy?.brand),
                       ("sales_role", strategy?.salesRole)].filter { ($0.1 ?? "").isEmpty }.map(\.0)
        guard !missing.isEmpty else { return [] }
        let message = strategy == nil ? "the workbook has no go-to-market strategy"
            : "the strategy leaves \(missing.joined(separator: ", ")) empty"
        return [finding(message, target: "strategy", at: strategy?.location)]
    }
}
