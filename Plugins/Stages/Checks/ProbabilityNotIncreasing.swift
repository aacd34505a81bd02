import LockstepCore

/// SP003: win probability falls or stays flat from one open stage to the next.
struct ProbabilityNotIncreasing: Check {
    let code = "SP003"
    let slug = "probability-not-increasing"
    let defaultSeverity = Severity.warning
    let summary = "Win probability does not rise from one open stage to the next"
    let advice = ClientAdvice(
        problem: "The chance of winning does not rise from stage to stage at {where}.",
        action: "Review the win probabilities at {where} so they rise as a deal advances.",
        stake: "The forecast built on these stages cannot be trusted.")
    let explanation = RuleExplanation(
        what: "Within a process, each open stage's win probability is higher than the previous open stage's. Stages at 0 or 100 are closed and not compared; stages without a probability are skipped.",
        why: "A stage exists because completing it makes winning more likely (Bill Wallace, “Ending the War between Sales and Marketing”). A probability that falls or stays flat means the stages are in the wrong order, or one of them adds nothing, and forecasts built on them mislead both teams.",
        fix: "Reorder the stages (`stage move`), or correct the probabilities so they rise, e.g. 20, 40, 60, 80.")
    let examples: [CheckExample] = [
        .triggering("""
            processes:
              - id: nb
                stages:
                  - { id: discovery, probability: 40 }
                  - { id: proposal, probability: 40 }
                  - { id: negotiation, probability: 30 }
                  - { id: won, probability: 100 }
            """, targets: ["nb/proposal", "nb/negotiation"]),
        .passing("""
            processes:
              - id: nb
                stages:
                  - { id: discovery, probability: 20 }
                  - { id: lost, probability: 0 }
                  - { id: proposal, probability: 60 }
                  - { id: won, probability: 100 }
            """),
    ]

    func findings(in workbook: Workbook, context: CheckContext) -> [Finding] {
        workbook.processes.flatMap { process -> [Finding] in
            let open = process.stages.filter { stage in stage.probability.map { $0 > 0 && $0 < 100 } ?? false }
            return zip(open, open.dropFirst()).compactMap { previous, stage in
                guard let before = previous.probability, let now = stage.probability, now <= before else { return nil }
                let verb = now == before ? "stays at" : "falls to"
                return finding("win probability \(verb) \(now)% at '\(process.id)/\(stage.id)' after \(before)% at '\(previous.id)'",
                               target: "\(process.id)/\(stage.id)", at: stage.location)
            }
        }
    }
}
