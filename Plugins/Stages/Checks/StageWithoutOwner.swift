import LockstepCore

/// SP002: no role owns the stage.
struct StageWithoutOwner: Check {
    let code = "SP002"
    let slug = "stage-without-owner"
    let defaultSeverity = Severity.warning
    let summary = "A sales stage has no owner"
    let advice = ClientAdvice(
        problem: "Nobody owns the {where} stage.",
        action: "Name the role that owns {where}.",
        stake: "Deals at a stage nobody owns wait, and nobody is accountable for moving them.")
    let explanation = RuleExplanation(
        what: "Every stage of a sales process names the role that owns it.",
        why: "Much of the conflict between sales and marketing comes from a lack of role clarity during the process (The Chief Outsider, “Sales and Marketing: Different or Two Sides of the Same Coin?”): a stage nobody owns is a stage where leads wait.",
        fix: "Add `owner:` to the stage with the role accountable for moving deals through it, e.g. `owner: account-executive`.")
    let examples: [CheckExample] = [
        .triggering("processes:\n  - id: nb\n    stages:\n      - id: proposal\n", targets: ["nb/proposal"]),
        .passing("processes:\n  - id: nb\n    stages:\n      - id: proposal\n        owner: account-executive\n"),
    ]

    func findings(in workbook: Workbook, context: CheckContext) -> [Finding] {
        workbook.processes.flatMap { process in
            process.stages.filter { ($0.owner ?? "").isEmpty }.map { stage in
                finding("nobody owns stage '\(process.id)/\(stage.id)'", target: "\(process.id)/\(stage.id)", at: stage.location)
            }
        }
    }
}
