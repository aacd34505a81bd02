import LockstepCore

/// SP004: no retention, renewal or expansion process or stage.
struct NoCustomerProcess: Check {
    let code = "SP004"
    let slug = "no-customer-process"
    let defaultSeverity = Severity.warning
    let summary = "No process or stage serves existing customers"
    let advice = ClientAdvice(
        problem: "No part of the sales process serves existing customers.",
        action: "Add a customer process: onboarding, adoption, renewal, expansion.",
        stake: "Renewal and expansion revenue has no plan, no owner and no content.")
    let explanation = RuleExplanation(
        what: "The workbook has a customer process (`kind: customer`) or at least one stage in the retention or expansion phase.",
        why: "Ignoring repeat customers is one of the classic failures of sales and marketing alignment (Bill Wallace, “Ending the War between Sales and Marketing”, misalignment #6), and customer retention is part of the customer-driven culture both teams serve (The Chief Outsider, “Sales and Marketing: Different or Two Sides of the Same Coin?”).",
        fix: "Add a process with `kind: customer` and stages such as onboarding (phase retention), renewal (retention) and upsell (expansion).")
    let examples: [CheckExample] = [
        .triggering("processes:\n  - id: nb\n    kind: new\n    stages:\n      - { id: discovery, phase: consideration }\n", targets: ["processes"]),
        .passing("processes:\n  - id: nb\n    kind: new\n  - id: accounts\n    kind: customer\n"),
        .passing("processes:\n  - id: nb\n    stages:\n      - { id: renewal, phase: retention }\n"),
    ]

    func findings(in workbook: Workbook, context: CheckContext) -> [Finding] {
        let processes = workbook.processes
        guard !processes.isEmpty else { return [] }
        let servesCustomers = processes.contains { process in
            process.kind == "customer" || process.stages.contains { $0.phase == "retention" || $0.phase == "expansion" }
        }
        if servesCustomers { return [] }
        return [finding("no process or stage serves existing customers (retention, renewal, expansion)",
                        target: "processes", at: processes.first?.location)]
    }
}
