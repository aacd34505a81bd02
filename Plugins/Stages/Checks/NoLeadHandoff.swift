import LockstepCore

/// SP005: a new-business process that no lead stage hands over into.
struct NoLeadHandoff: Check {
    let code = "SP005"
    let slug = "no-lead-handoff"
    let defaultSeverity = Severity.error
    let summary = "No lead stage hands over into a new-business process"
    let advice = ClientAdvice(
        problem: "No leads are handed into {where}.",
        action: "Decide which lead stage hands qualified leads into {where}.",
        stake: "Marketing's leads and the sales process are not connected: leads are generated and the pipeline is filled some other way.")
    let explanation = RuleExplanation(
        what: "Every new-business process (`kind: new`) is entered by at least one lead stage (`enters: process/stage` in the leads plugin). Customer processes are exempt. The rule runs only when the leads plugin is loaded.",
        why: "Sales and marketing must agree on the definition of a lead and on where it goes when it qualifies (“Sales and Marketing – Align, Define and Make Money”); without a hand-off point, qualified leads fall between the teams (The Chief Outsider, “Sales and Marketing: Different or Two Sides of the Same Coin?”).",
        fix: "Set `enters:` on the lead stage that hands over to sales, e.g. `enters: new-business/discovery`.")
    let examples: [CheckExample] = [
        .triggering("""
            plugins: [leads, stages]
            leads:
              stages:
                - id: sql
            processes:
              - id: nb
                kind: new
                stages:
                  - id: discovery
            """, targets: ["nb"]),
        .passing("""
            plugins: [leads, stages]
            leads:
              stages:
                - id: sql
                  enters: nb/discovery
            processes:
              - id: nb
                kind: new
                stages:
                  - id: discovery
              - id: accounts
                kind: customer
            """),
    ]

    func findings(in workbook: Workbook, context: CheckContext) -> [Finding] {
        guard workbook.plugins.contains("leads") else { return [] }
        let index = ItemIndex(workbook.items(of: .stage))
        var entered = Set<String>()
        for leadStage in workbook.items(of: .leadStage) {
            guard case .string(let target?)? = leadStage.fields["enters"],
                  case .found(let stage) = index.resolve(target, as: .stage) else { continue }
            entered.insert(String(stage.id.prefix { $0 != "/" }))
        }
        return workbook.processes.filter { $0.kind == "new" && !entered.contains($0.id) }.map { process in
            finding("no lead stage hands over into new-business process '\(process.id)'", target: process.id, at: process.location)
        }
    }
}
