import LockstepCore

/// LD001: a lead stage after the first has no entry criteria.
struct LeadStageWithoutCriteria: Check {
    let code = "LD001"
    let slug = "lead-stage-without-criteria"
    let defaultSeverity = Severity.error
    let summary = "A lead stage after the first has no entry criteria"
    let advice = ClientAdvice(
        problem: "Nobody has agreed when a lead becomes {where}.",
        action: "Agree with sales and marketing, in writing, what makes a lead {where}.",
        stake: "Without an agreed definition each team counts its own funnel, and leads are argued over instead of worked.")
    let explanation = RuleExplanation(
        what: "Every lead stage but the first says, in `criteria`, which leads qualify for it.",
        why: "Sales and marketing fail to agree on when a lead is ready for sales; the criteria to qualify prospects must be developed together (The Chief Outsider, “Sales and Marketing: Different or Two Sides of the Same Coin?”) and written down as the lead definition (“Sales and Marketing – Align, Define and Make Money”).",
        fix: "Add `criteria:` in the expression language, e.g. `criteria: score >= 50 and employees >= 100`.")
    let examples: [CheckExample] = [
        .triggering("leads:\n  stages:\n    - { id: inquiry }\n    - { id: mql }\n", targets: ["mql"]),
        .passing("leads:\n  fields: { score: number }\n  stages:\n    - { id: inquiry }\n    - { id: mql, criteria: score >= 50 }\n"),
    ]

    func findings(in workbook: Workbook, context: CheckContext) -> [Finding] {
        let stages = workbook.section(LeadsSection.self)?.stages ?? []
        return stages.dropFirst().filter { ($0.criteria?.value ?? "").trimmed.isEmpty }.map { stage in
            finding("lead stage '\(stage.id)' has no entry criteria: the teams cannot agree when a lead qualifies", target: stage.id, at: stage.location)
        }
    }
}
