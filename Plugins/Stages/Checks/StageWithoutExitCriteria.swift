import LockstepCore

/// SP001: a stage says nothing about when a deal may leave it.
struct StageWithoutExitCriteria: Check {
    let code = "SP001"
    let slug = "stage-without-exit-criteria"
    let defaultSeverity = Severity.warning
    let summary = "A sales stage has no exit criteria"
    let advice = ClientAdvice(
        problem: "Nobody has written down when a deal leaves the {where} stage.",
        action: "Agree the exit criteria for {where}: what must be true before a deal moves on.",
        stake: "Every seller judges the stage differently, so forecasts are guesses and marketing cannot know what content moves a deal.")
    let explanation = RuleExplanation(
        what: "Every stage of a sales process lists its exit criteria: what must be true before a deal moves on.",
        why: "Each step of the sales process improves the probability of winning only if it is thoughtfully executed (Bill Wallace, “Ending the War between Sales and Marketing”); without exit criteria nobody can tell whether it was, and marketing cannot tell what content would help the buyer get there.",
        fix: "Add `exit: [..]` to the stage with the two or three facts that let a deal leave it, e.g. `exit: [Pain confirmed, Budget owner identified]`.")
    let examples: [CheckExample] = [
        .triggering("processes:\n  - id: nb\n    stages:\n      - id: discovery\n", targets: ["nb/discovery"]),
        .passing("processes:\n  - id: nb\n    stages:\n      - id: discovery\n        exit: [Pain confirmed]\n"),
    ]

    func findings(in workbook: Workbook, context: CheckContext) -> [Finding] {
        workbook.processes.flatMap { process in
            process.stages.filter(\.exit.isEmpty).map { stage in
                finding("stage '\(process.id)/\(stage.id)' has no exit criteria", target: "\(process.id)/\(stage.id)", at: stage.location)
            }
        }
    }
}
