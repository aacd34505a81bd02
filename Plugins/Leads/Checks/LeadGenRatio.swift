import LockstepCore

/// LD009: lead-generation reps support too few or too many sales reps.
struct LeadGenRatio: Check {
    let code = "LD009"
    let slug = "lgr-ratio"
    let defaultSeverity = Severity.info
    let summary = "Lead-generation reps support fewer than 3 or more than 6 sales reps each (4 in an enterprise sale)"
    let advice = ClientAdvice(
        problem: "The lead-generation team is sized out of proportion to the sales team.",
        action: "Rebalance lead-generation and sales headcount to about one lead-generation rep per three to six sellers.",
        stake: "Too few qualifiers and leads wait; too many and they qualify leads sales cannot follow up.")
    let explanation = RuleExplanation(
        what: "`team.sales_reps / team.lead_gen_reps` lies between 3 and 6.",
        why: "One lead-generation rep typically supports 3 to 6 sales reps, 3 to 4 on complex enterprise accounts (“Sales and Marketing – Align, Define and Make Money”): fewer wastes lead-gen capacity, more starves sales of qualified meetings.",
        fix: "Adjust the head counts (`edit team sales_reps N`, `edit team lead_gen_reps N`), or accept the ratio with a waiver that says why (e.g. a very complex enterprise sale).")
    let examples: [CheckExample] = [
        .triggering("team: { sales_reps: 20, lead_gen_reps: 2 }\n", targets: ["team"]),
        .triggering("team: { sales_reps: 15, lead_gen_reps: 3, sale: enterprise }\n", targets: ["team"]),
        // A near miss: 5 sales reps per lead-gen rep is typical, but not on complex enterprise accounts.
        .passing("team: { sales_reps: 12, lead_gen_reps: 3 }\n"),
        .passing("team: { sales_reps: 10, lead_gen_reps: 3, sale: enterprise }\n"),
    ]

    func findings(in workbook: Workbook, context: CheckContext) -> [Finding] {
        guard let team = workbook.section(TeamSection.self), let sales = team.salesReps, let leadGen = team.leadGenReps,
              leadGen > 0 else { return [] }
        let ratio = Double(sales) / Double(leadGen)
        // Complex enterprise accounts need more collaboration per account: fewer sales reps per lead-gen rep.
        let enterprise = team.sale == "enterprise"
        let most = enterprise ? 4.0 : 6.0
        guard ratio < 3 || ratio > most else { return [] }
        let shown = (ratio * 10).rounded() / 10
        return [finding("each lead-generation rep supports \(shown) sales reps (\(sales) / \(leadGen)); 3 to \(Int(most)) is typical"
                        + (enterprise ? " for an enterprise sale" : ""), target: "team", at: team.location)]
    }
}
