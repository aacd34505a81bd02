import LockstepCore

/// LD003: ownership of a lead changes without a service level agreement.
struct HandoffWithoutSLA: Check {
    let code = "LD003"
    let slug = "handoff-without-sla"
    let defaultSeverity = Severity.warning
    let summary = "A lead changes hands without a service level agreement"
    let advice = ClientAdvice(
        problem: "Leads pass from one team to the other at {where} with no agreed time to act on them.",
        action: "Agree how fast the receiving team accepts or calls a lead at {where}, and measure it.",
        stake: "Leads cool while they wait: interest fades within days, and nobody is accountable for the delay.")
    let explanation = RuleExplanation(
        what: "Where a lead changes hands — a stage with a `handoff`, or whose owner differs from the previous stage's — the hand-off sets `accept_within` or `first_touch_within`.",
        why: "Service level agreements between sales and marketing say how fast a handed-over lead is accepted and first touched (“Sales and Marketing – Align, Define and Make Money”); without them leads go cold in the gap.",
        fix: "Add `handoff: { to: sales, accept_within: 24h, first_touch_within: 48h }` to the stage where ownership changes.")
    let examples: [CheckExample] = [
        .triggering("leads:\n  stages:\n    - { id: mql, owner: marketing }\n    - { id: sql, owner: sales }\n", targets: ["sql"]),
        .passing("""
            leads:
              stages:
                - { id: mql, owner: marketing }
                - id: sql
                  owner: sales
                  handoff: { to: sales, accept_within: 24h }
            """),
        .passing("""
            leads:
              stages:
                - id: mql
                  owner: marketing
                  handoff: { to: sales, first_touch_within: 48h }
                - { id: sql, owner: sales }
            """),
    ]

    func findings(in workbook: Workbook, context: CheckContext) -> [Finding] {
        let stages = workbook.section(LeadsSection.self)?.stages ?? []
        return stages.enumerated().compactMap { index, stage in
            let previous = index > 0 ? stages[index - 1] : nil
            // A hand-off declared on the previous stage, to this stage's owner and with an SLA, covers the change.
            let coveredBefore = previous?.handoff.map { $0.to == stage.owner && ($0.acceptWithin != nil || $0.firstTouchWithin != nil) } ?? false
            let ownerChanges = previous?.owner != nil && stage.owner != nil && stage.owner != previous?.owner && !coveredBefore
            guard stage.handoff != nil || ownerChanges else { return nil }
            guard stage.handoff?.acceptWithin == nil, stage.handoff?.firstTouchWithin == nil else { return nil }
            return finding("lead stage '\(stage.id)' changes hands without an SLA (accept_within or first_touch_within)",
                           target: stage.id, at: stage.location)
        }
    }
}
