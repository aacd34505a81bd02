import LockstepCore

/// LD006: a later lead stage's criteria do not imply an earlier one's.
struct CriteriaNotNarrowing: Check {
    let code = "LD006"
    let slug = "criteria-not-narrowing"
    let defaultSeverity = Severity.warning
    let summary = "A later lead stage's criteria do not imply an earlier stage's"
    let advice = ClientAdvice(
        problem: "The definition of {where} does not build on the stage before it.",
        action: "Make each lead stage's definition include the previous one's, so the funnel narrows.",
        stake:
            "Sales and marketing count different funnels, and a lead can skip a qualification everyone thinks it passed."
    )
    let explanation = RuleExplanation(
        what:
            "Each lead stage's criteria include those of the stages before it, so a lead cannot be an SQL without being an MQL. Shown from the criteria when possible; with CRM data loaded, the records that meet the later stage but not the earlier one are counted.",
        why:
            "Sales and marketing agree a lead definition as a sequence of qualifying steps (“Sales and Marketing – Align, Define and Make Money”); a funnel whose later step admits leads the earlier one rejects counts them twice or loses them, and the teams argue over whose number is right.",
        fix: "Start the later stage's criteria with the earlier stage's id, e.g. `criteria: mql and budget_confirmed`.")
    let examples: [CheckExample] = [
        .triggering(
            """
            leads:
              fields: { score: number, budget_confirmed: bool }
              stages:
                - { id: mql, criteria: score >= 50 }
                - { id: sql, criteria: budget_confirmed }
            """, targets: ["sql"]),
        .passing(
            """
            leads:
              fields: { score: number, budget_confirmed: bool }
              stages:
                - { id: mql, criteria: score >= 50 }
                - { id: sql, criteria: mql and budget_confirmed }
            """),
        .passing(
            """
            leads:
              fields: { score: number }
              stages:
                - { id: mql, criteria: score >= 50 }
                - { id: sql, criteria: score >= 70 }
            """),
        .triggering(
            CriteriaNotNarrowing.unprovenWithData, targets: ["sql"],
            files: ["leads.csv": "score,budget_confirmed\n60,true\n20,true\n90,false\n"]),
        .passing(
            CriteriaNotNarrowing.unprovenWithData,
            files: ["leads.csv": "score,budget_confirmed\n60,true\n20,false\n90,false\n"]),
    ]

    /// Criteria that do not provably narrow, with CRM data to count the leads that break them.
    static let unprovenWithData = """
        leads:
          fields: { score: number, budget_confirmed: bool }
          stages:
            - { id: mql, criteria: score >= 50 }
            - { id: sql, criteria: budget_confirmed or score >= 80 }
          data: { file: leads.csv }
        """

    func findings(in workbook: Workbook, context: CheckContext) -> [Finding] {
        guard let leads = workbook.section(LeadsSection.self) else { return [] }
        let checker = ExpressionChecker(schema: leads.expressionSchema)
        let checked = leads.stages.map { stage in
            stage.criteria.flatMap { try? checker.checkCondition($0.value, named: stage.id) }
        }
        var unproven: [(later: Int, earlier: Int)] = []
        // Along each lead path (or the one order of all stages): each stage need only narrow the
        // nearest earlier stage with criteria on the same path.
        for sequence in leads.sequences {
            for (offset, later) in sequence.enumerated() {
                guard let laterCriteria = checked[later] else { continue }
                guard let earlier = sequence[..<offset].last(where: { checked[$0] != nil }),
                    let earlierCriteria = checked[earlier],
                    !unproven.contains(where: { $0 == (later, earlier) })
                else { continue }
                if !CriteriaImplication.implies(laterCriteria.root, earlierCriteria.root) {
                    unproven.append((later, earlier))
                }
            }
        }
        guard !unproven.isEmpty else { return [] }
        guard case .success(let (tally, summary))? = LeadDataAccess.tally(for: workbook, context: context) else {
            return unproven.map { pair in
                let (later, earlier) = (leads.stages[pair.later], leads.stages[pair.earlier])
                return finding(
                    "a lead can meet '\(later.id)' without meeting '\(earlier.id)': its criteria do not include \(earlier.id)'s",
                    target: later.id, at: later.criteria?.location ?? later.location)
            }
        }
        return unproven.compactMap { pair in
            let (later, earlier) = (leads.stages[pair.later], leads.stages[pair.earlier])
            let violating = tally.notNarrowing[pair.later][pair.earlier]
            guard violating > 0 else { return nil }
            return finding(
                "\(violating) record\(violating == 1 ? "" : "s") of \(summary.plan.path) meet '\(later.id)' but not '\(earlier.id)'",
                target: later.id, at: later.criteria?.location ?? later.location)
        }
    }
}
