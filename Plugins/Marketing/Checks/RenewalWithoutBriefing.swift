import LockstepCore

/// MK016: a renewal stage has no briefing preparing sales for the renewal conversation.
struct RenewalWithoutBriefing: Check {
    let code = "MK016"
    let slug = "renewal-without-briefing"
    let defaultSeverity = Severity.info
    let summary = "A renewal stage has no pre-renewal briefing for sales"
    let advice = ClientAdvice(
        problem: "Sales goes into {where} without a briefing on the customer.",
        action: "Prepare a renewal briefing for sales before {where}: usage, outcomes, open issues.",
        stake: "Renewals are negotiated blind; at-risk customers are noticed only when they leave.")
    let explanation = RuleExplanation(
        what:
            "A renewal stage (a retention-phase stage whose id or name speaks of renewal) is supported by an enablement item (kind `enablement` or `battlecard`): the briefing marketing prepares so that sales comes to the renewal knowing how the customer is doing.",
        why:
            "Marketing should give sales key information about the customer in advance of the renewal, so sales is prepared to discuss whether the client is performing as expected under the contract and what the customer is worth (The Chief Outsider, “Sales and Marketing: Different or Two Sides of the Same Coin?”).",
        fix:
            "Add an enablement item mapped to the renewal stage, e.g. `{ id: renewal-briefing, kind: enablement, stages: [renewal] }`: usage, value delivered, open issues, contract terms."
    )
    let examples: [CheckExample] = [
        .triggering(
            """
            processes:
              - { id: cs, stages: [{ id: renewal, name: Renewal, phase: retention }] }
            activities:
              - { id: value-review, kind: content, stages: [renewal] }
            """, targets: ["cs/renewal"]),
        // Near misses: a briefing behind the renewal; a retention stage that is not a renewal.
        .passing(
            """
            processes:
              - { id: cs, stages: [{ id: renewal, name: Renewal, phase: retention }, { id: onboarding, phase: retention }] }
            activities:
              - { id: renewal-briefing, kind: enablement, stages: [renewal] }
            """),
    ]

    func findings(in workbook: Workbook, context: CheckContext) -> [Finding] {
        let model = context.shared.value("marketing-model") { MarketingModel(workbook) }
        return model.stages.filter { stage in
            stage.phase == "retention" && (Transliteration.folded(stage.id + " " + stage.name).contains("renew"))
        }.compactMap { stage in
            let briefed = model.supporters(at: stage.id).contains { Activity.enablementKinds.contains($0.kind ?? "") }
            return briefed
                ? nil
                : finding(
                    "renewal stage '\(stage.id)' has no pre-renewal briefing for sales (an enablement item)",
                    target: stage.id, at: stage.location)
        }
    }
}
