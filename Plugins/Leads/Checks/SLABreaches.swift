import LockstepCore

/// LD008: on loaded CRM data, too many hand-offs broke their first-touch SLA.
struct SLABreaches: Check {
    static let standardThreshold = 0.1

    let code = "LD008"
    let slug = "sla-breaches"
    let defaultSeverity = Severity.warning
    let summary = "Too many hand-offs breach their first-touch SLA (CRM data)"
    let advice = ClientAdvice(
        problem: "Sales calls the leads handed over at {where} later than agreed.",
        action: "Hold the team to the agreed first-touch time at {where}: route, alert and report on late leads.",
        stake: "A lead called days late rarely converts; the hand-off agreement exists on paper only.")
    let explanation = RuleExplanation(
        what:
            "Among the leads handed over at a stage with `first_touch_within`, the share first touched late or never stays at or below the threshold: 10% unless `checks: { thresholds: { LD008: 25% } }` says otherwise. Runs only when CRM data is loaded or named in leads.data.",
        why:
            "A service level agreement only aligns sales and marketing when it is measured and kept (“Sales and Marketing – Align, Define and Make Money”); a lead contacted days late has cooled, and marketing stops trusting the hand-off.",
        fix:
            "Look at 'sla --by-owner' for where breaches pile up; fix routing or capacity, or agree an SLA the team can keep."
    )
    static let data =
        "score,mql_at,first_touch_at\n80,2026-05-01,2026-05-02\n80,2026-05-01,2026-05-09\n80,2026-05-03,2026-05-03\n"
    let examples: [CheckExample] = [
        .triggering(IgnoredLeads.workbook(threshold: nil), targets: ["mql"], files: ["leads.csv": SLABreaches.data]),
        .passing(IgnoredLeads.workbook(threshold: "50%", rule: "LD008"), files: ["leads.csv": SLABreaches.data]),
        .passing(
            IgnoredLeads.workbook(threshold: nil),
            files: ["leads.csv": "score,mql_at,first_touch_at\n80,2026-05-01,2026-05-02\n"]),
    ]

    func findings(in workbook: Workbook, context: CheckContext) -> [Finding] {
        SLAFindings.measure(workbook, context: context, check: self) { sla, leads in
            let threshold = workbook.checks.threshold(for: code, standard: Self.standardThreshold)
            return sla.measured.compactMap { stage in
                guard stage.handedOff > 0, stage.breachShare > threshold else { return nil }
                let share = SLAFindings.percent(stage.breachShare)
                return finding(
                    "\(stage.breaches) of \(stage.handedOff) hand-offs at '\(stage.stage.id)' (\(share)) missed the \(stage.limit) first-touch SLA; the threshold is \(SLAFindings.percent(threshold))",
                    target: stage.stage.id, at: stage.stage.location,
                    terms: ClientTerms(
                        place: stage.stage.name,
                        figure:
                            "\(stage.breaches) of \(stage.handedOff) (\(share)) waited longer than \(stage.limit) or were never called"
                    ),
                    impact: Impact(evidence: stage.breachShare))
            }
        }
    }
}

/// What LD007 and LD008 share: loading the data and reporting when it cannot be loaded.
enum SLAFindings {
    static func measure(
        _ workbook: Workbook, context: CheckContext, check: some Check,
        _ judge: (HandoffSLA, LeadsSection) -> [Finding]
    ) -> [Finding] {
        guard let leads = workbook.section(LeadsSection.self),
            let data = LeadDataAccess.tally(for: workbook, context: context)
        else { return [] }
        let target = "leads.data"
        switch data {
        case .failure(let error):
            var notice = check.finding(
                "the CRM data could not be loaded, so this was not checked: \(error.message)",
                target: target, at: leads.data?.location)
            notice.isNotice = true
            return [notice]
        case .success(let (tally, _)):
            return judge(HandoffSLA(tally, leads: leads), leads)
        }
    }

    static func percent(_ share: Double) -> String { String(format1: share * 100) + "%" }
}
