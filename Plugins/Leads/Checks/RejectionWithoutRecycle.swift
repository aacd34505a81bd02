import LockstepCore

/// LD004: a lead stage where sales or lead-gen qualify leads has nowhere to send a rejected lead.
struct RejectionWithoutRecycle: Check {
    let code = "LD004"
    let slug = "rejection-without-recycle"
    let defaultSeverity = Severity.warning
    let summary = "Sales or lead-gen can reject a lead but have nowhere to send it"
    let advice = ClientAdvice(
        problem: "A lead rejected at {where} has nowhere to go.",
        action: "Send leads rejected at {where} back to marketing for nurturing, with a reason recorded.",
        stake: "Good-fit buyers who are not ready yet are dropped instead of nurtured, and the money spent winning them is lost.")
    let explanation = RuleExplanation(
        what: "Every lead stage owned by sales or by lead-generation reps (who qualify leads and reject them too) names, in `rejects_to`, the nurture track (or earlier stage) a rejected lead goes to.",
        why: "Leads that are not ready need multi-touch nurturing rather than the bin (The Chief Outsider, “Sales and Marketing: Different or Two Sides of the Same Coin?”); recycling rejected leads back to marketing is part of a sound lead process (“Sales and Marketing – Align, Define and Make Money”).",
        fix: "Add a `recycle:` track (e.g. `{ id: nurture, owner: marketing, returns_to: inquiry }`) and `rejects_to: nurture` on the sales-owned stage.")
    let examples: [CheckExample] = [
        .triggering("leads:\n  stages:\n    - { id: sql, owner: sales }\n", targets: ["sql"]),
        .triggering("leads:\n  stages:\n    - { id: sal, owner: lead-gen }\n", targets: ["sal"]),
        .passing("leads:\n  stages:\n    - { id: mql, owner: marketing }\n    - { id: sql, owner: sales, rejects_to: nurture }\n  recycle:\n    - { id: nurture, returns_to: mql }\n"),
    ]

    func findings(in workbook: Workbook, context: CheckContext) -> [Finding] {
        (workbook.section(LeadsSection.self)?.stages ?? []).filter { ($0.owner == "sales" || $0.owner == "lead-gen") && $0.rejectsTo == nil }
            .map { stage in
                finding("\(stage.owner ?? "")-owned lead stage '\(stage.id)' has no rejects_to: a rejected lead has nowhere to go",
                        target: stage.id, at: stage.location)
            }
    }
}
