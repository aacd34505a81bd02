import LockstepCore

/// LD010: a lead path ends without handing its leads into a sales process.
struct PathEntersNoSale: Check {
    let code = "LD010"
    let slug = "path-enters-no-sale"
    let defaultSeverity = Severity.warning
    let summary = "A lead path does not end in a sales process"
    let advice = ClientAdvice(
        problem: "Leads from {where} have no sales process to enter.",
        action: "Decide which sales process takes leads from {where}, and who works them.",
        stake: "Leads from this source are generated and then stall: nobody is set up to turn them into deals.")
    let explanation = RuleExplanation(
        what:
            "Each lead path (`leads.paths`) lists at least one lead stage, and its last stage names the sales stage it hands over into (`enters`). Partner and expansion leads usually enter a process of their own.",
        why:
            "Every way leads come in needs a hand-off sales and marketing agree on, or those leads fall between the teams (“Sales and Marketing – Align, Define and Make Money”); a partner's deal registration or an existing customer's new need that enters no process is worked by whoever happens to see it.",
        fix:
            "Set `enters: PROCESS/STAGE` on the path's last lead stage (in the shell: `edit lead-stage STAGE enters PROCESS/STAGE`), or list the stages it passes through."
    )
    let examples: [CheckExample] = [
        .triggering(
            """
            leads:
              stages:
                - { id: inquiry, owner: marketing }
                - { id: sql, owner: sales, rejects_to: inquiry, enters: nb/discovery }
                - { id: registered, owner: sales, rejects_to: inquiry }
              paths:
                - { id: inbound, source: inbound, stages: [inquiry, sql] }
                - { id: partner, source: partner, stages: [registered] }
                - { id: empty, source: event }
            processes:
              - { id: nb, stages: [{ id: discovery }] }
            """, targets: ["partner", "empty"]),
        // A near miss: a workbook without paths has one flow, which SP005 and trace judge.
        .passing("leads:\n  stages:\n    - { id: inquiry, owner: marketing }\n"),
    ]

    func findings(in workbook: Workbook, context: CheckContext) -> [Finding] {
        guard let leads = workbook.section(LeadsSection.self) else { return [] }
        return leads.paths.compactMap { path in
            guard let last = path.stages.last else {
                return finding("lead path '\(path.id)' lists no lead stages", target: path.id, at: path.location)
            }
            guard leads.stages.first(where: { $0.id == last.value })?.enters == nil else { return nil }
            return finding(
                "lead path '\(path.id)' ends at '\(last.value)', which enters no sales stage: its leads have nowhere to go",
                target: path.id, at: path.location)
        }
    }
}
