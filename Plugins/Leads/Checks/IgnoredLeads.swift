import LockstepCore

/// LD007: on loaded CRM data, too many handed-over leads were never touched by sales.
struct IgnoredLeads: Check {
    static let standardThreshold = 0.2

    let code = "LD007"
    let slug = "ignored-leads"
    let defaultSeverity = Severity.warning
    let summary = "Too many handed-over leads have no sales touch (CRM data)"
    let advice = ClientAdvice(
        problem: "Leads handed to sales at {where} are never called.",
        action: "Make sure every lead handed over at {where} gets a first call, and review the untouched ones each week.",
        stake: "Marketing pays to generate demand that sales never works: the cheapest revenue in the funnel is left on the table.")
    let explanation = RuleExplanation(
        what: "Among the leads that met a hand-off stage's criteria and entered it (leads.data.entered), the share with no first sales touch stays at or below the threshold: 20% unless `checks: { thresholds: { LD007: 30% } }` says otherwise. Runs only when CRM data is loaded or named in leads.data.",
        why: "Sales reps ignore about half of the leads marketing passes them (the article on sales and marketing “Togetherness”); every untouched MQL is marketing spend thrown away and a buyer left waiting.",
        fix: "Agree who follows up each handed-over lead and by when (a first_touch_within SLA), route untouched leads back to a nurture track, and review the list with 'ignored' each week.")
    static let data = "score,mql_at,first_touch_at\n80,2026-05-01,2026-05-02\n80,2026-05-01,\n80,2026-05-03,2026-05-03\n"
    let examples: [CheckExample] = [
        .triggering(IgnoredLeads.workbook(threshold: nil), targets: ["mql"], files: ["leads.csv": IgnoredLeads.data]),
        .passing(IgnoredLeads.workbook(threshold: "40%"), files: ["leads.csv": IgnoredLeads.data]),
        .passing("leads:\n  fields: { score: number }\n  stages:\n    - { id: mql, criteria: score >= 50 }\n"),
    ]

    static func workbook(threshold: String?, rule: String = "LD007") -> String {
        """
        leads:
          fields: { score: number, mql_at: date, first_touch_at: date }
          stages:
            - id: mql
              criteria: score >= 50
              handoff: { to: sales, first_touch_within: 48h }
          data: { file: leads.csv, entered: { mql: mql_at }, first_touch: first_touch_at }
        \(threshold.map { "checks:\n  thresholds: { \(rule): \($0) }\n" } ?? "")
        """
    }

    func findings(in workbook: Workbook, context: CheckContext) -> [Finding] {
        SLAFindings.measure(workbook, context: context, check: self) { sla, leads in
            let threshold = workbook.checks.threshold(for: code, standard: Self.standardThreshold)
            return sla.measured.compactMap { stage in
                guard stage.handedOff > 0, stage.untouchedShare > threshold else { return nil }
                let share = SLAFindings.percent(stage.untouchedShare)
                return finding("\(stage.untouched) of \(stage.handedOff) leads handed over at '\(stage.stage.id)' (\(share)) have no sales touch; the threshold is \(SLAFindings.percent(threshold))",
                               target: stage.stage.id, at: stage.stage.location,
                               terms: ClientTerms(place: stage.stage.name, figure: "\(stage.untouched) of \(stage.handedOff) (\(share)) have had no call at all"),
                               impact: Impact(evidence: stage.untouchedShare))
            }
        }
    }
}
