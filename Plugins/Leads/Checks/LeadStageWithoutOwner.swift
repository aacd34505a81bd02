import LockstepCore

/// LD005: nobody owns a lead stage.
struct LeadStageWithoutOwner: Check {
    let code = "LD005"
    let slug = "lead-stage-without-owner"
    let defaultSeverity = Severity.warning
    let summary = "Nobody owns a lead stage"
    let advice = ClientAdvice(
        problem: "Nobody owns the {where} stage of the lead lifecycle.",
        action: "Name the team that owns {where}: marketing, sales or lead generation.",
        stake: "A stage nobody owns is a stage where leads wait and nobody notices.")
    let explanation = RuleExplanation(
        what: "Every lead stage names its owner: marketing, sales or lead-gen.",
        why: "Conflict between the teams often comes from a lack of role clarity during the process (The Chief Outsider, “Sales and Marketing: Different or Two Sides of the Same Coin?”): a lead in a stage nobody owns is a lead nobody works.",
        fix: "Add `owner: marketing`, `owner: sales` or `owner: lead-gen` to the stage.")
    let examples: [CheckExample] = [
        .triggering("leads:\n  stages:\n    - { id: inquiry }\n", targets: ["inquiry"]),
        .passing("leads:\n  stages:\n    - { id: inquiry, owner: marketing }\n"),
    ]

    func findings(in workbook: Workbook, context: CheckContext) -> [Finding] {
        (workbook.section(LeadsSection.self)?.stages ?? []).filter { $0.owner == nil }.map { stage in
            finding("nobody owns lead stage '\(stage.id)'", target: stage.id, at: stage.location)
        }
    }
}
