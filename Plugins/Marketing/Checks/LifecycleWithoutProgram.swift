import LockstepCore

/// The lead stages and recycle tracks that lead-generation and nurture programs support.
enum LifecycleSupport {
    /// Ids (full form) of the lead stages and recycle tracks some buyer-facing activity supports.
    static func supported(in workbook: Workbook) -> Set<String> {
        let index = ItemIndex(workbook.items(of: .leadStage) + workbook.items(of: .recycle))
        var ids = Set<String>()
        for activity in workbook.activities where activity.isBuyerFacing {
            for reference in activity.leadStages {
                for kind in [ItemKind.leadStage, .recycle] {
                    if case .found(let item) = index.resolve(reference.value, as: kind) { ids.insert(item.id) }
                }
            }
        }
        return ids
    }

    /// True once some activity names a lead stage or recycle track: the workbook maps its
    /// programs, so a step without one is a gap. Before that, content for leads may still sit
    /// in the first sales stage, and the rules say once that the programs are not mapped.
    static func isMapped(_ workbook: Workbook) -> Bool { workbook.activities.contains { !$0.leadStages.isEmpty } }

    /// The marketing-owned lead stages and the recycle tracks with no program behind them, once
    /// the workbook maps its programs (none before): what MK013, MK014 and `gaps` report.
    static func unsupported(in workbook: Workbook) -> (stages: [Item], tracks: [Item]) {
        guard isMapped(workbook) else { return ([], []) }
        let supported = supported(in: workbook)
        return (
            marketingOwned(workbook).filter { !supported.contains($0.id) },
            workbook.items(of: .recycle).filter { !supported.contains($0.id) }
        )
    }

    static func marketingOwned(_ workbook: Workbook) -> [Item] {
        workbook.items(of: .leadStage).filter { $0.fields["owner"] == .string("marketing") }
    }
}

/// MK013: a recycle track has no nurture content, so rejected leads are parked, not nurtured.
struct RecycleWithoutNurture: Check {
    let code = "MK013"
    let slug = "recycle-without-nurture"
    let defaultSeverity = Severity.warning
    let summary = "A recycle track has no nurture program"
    let advice = ClientAdvice(
        problem: "Rejected leads in {where} receive no nurturing.",
        action: "Run a nurture program for leads in {where}, so they come back when they are ready.",
        stake: "Leads sales cannot use yet are forgotten; the demand paid for is lost instead of matured.")
    let explanation = RuleExplanation(
        what:
            "Once the workbook maps its programs to the lead lifecycle (some activity has `lead_stages`), every recycle track (`leads.recycle`) is supported by at least one buyer-facing activity that names it: the nurture program rejected leads receive. Until then MK014 says once that the programs are not mapped.",
        why:
            "Leads that are not ready go back to marketing to be nurtured with multi-touch programs until they are (The Chief Outsider, “Sales and Marketing: Different or Two Sides of the Same Coin?”; “Sales and Marketing – Align, Define and Make Money”); a track with no content is a list nobody writes to, and those leads are lost.",
        fix:
            "Give the track a program: an activity with `lead_stages: [TRACK]` (e.g. a nurture email series), in the shell `activity add nurture-series --kind email` then `edit activity nurture-series lead_stages TRACK`."
    )
    let examples: [CheckExample] = [
        .triggering(
            """
            leads:
              stages: [{ id: inquiry, owner: marketing }]
              recycle:
                - { id: nurture, owner: marketing }
            activities:
              - { id: report, kind: content, lead_stages: [inquiry] }
            """, targets: ["nurture"]),
        // A near miss: enablement does not nurture a buyer; a buyer-facing series does.
        .passing(
            """
            leads:
              recycle:
                - { id: nurture, owner: marketing }
            activities:
              - { id: series, kind: email, lead_stages: [nurture] }
              - { id: training, kind: enablement, lead_stages: [nurture] }
            """),
    ]

    func findings(in workbook: Workbook, context: CheckContext) -> [Finding] {
        LifecycleSupport.unsupported(in: workbook).tracks.map { track in
            finding(
                "recycle track '\(track.id)' has no nurture program: rejected leads sent there get no content",
                target: track.id, at: track.location, terms: ClientTerms(place: track.name),
                impact: Impact(priority: Importance.priority(phase: "nurture")))
        }
    }
}

/// MK014: a marketing-owned lead stage has no program generating or developing its leads.
struct LeadStageWithoutProgram: Check {
    let code = "MK014"
    let slug = "lead-stage-without-program"
    let defaultSeverity = Severity.info
    let summary = "A marketing-owned lead stage has no lead-generation program"
    let advice = ClientAdvice(
        problem: "No marketing program feeds {where} in the lead lifecycle.",
        action: "Name the programs that generate and move leads at {where}.",
        stake: "Nobody can tell which programs produce leads, so the funnel cannot be planned or improved.")
    let explanation = RuleExplanation(
        what:
            "Every lead stage owned by marketing is supported by at least one buyer-facing activity that names it in `lead_stages`: the program that brings leads in or develops them until sales takes over. A workbook whose activities name no lead stage or recycle track at all gets one finding on `leads`: its programs are not mapped to the lead lifecycle.",
        why:
            "Marketing's programs feed the funnel that sales works (Bill Wallace, “Ending the War between Sales and Marketing”); a lead stage with no program behind it is one whose numbers nobody is driving, and content crammed into the first sales stage instead hides where leads come from.",
        fix:
            "Name the stage in the `lead_stages` of the programs that serve it (e.g. `lead_stages: [inquiry]` on a benchmark report that generates inquiries)."
    )
    let examples: [CheckExample] = [
        .triggering(
            """
            leads:
              stages:
                - { id: inquiry, owner: marketing }
                - { id: mql, owner: marketing }
                - { id: sql, owner: sales }
            activities:
              - { id: report, kind: content, lead_stages: [mql] }
            """, targets: ["inquiry"]),
        .triggering(
            "leads:\n  stages:\n    - { id: inquiry, owner: marketing }\n    - { id: sql, owner: sales }\n",
            targets: ["leads"]),
        // A near miss: a sales-owned stage is worked by sales, not fed by a program.
        .passing(
            """
            leads:
              stages:
                - { id: inquiry, owner: marketing }
                - { id: sql, owner: sales }
            activities:
              - { id: report, kind: content, lead_stages: [inquiry] }
            """),
    ]

    func findings(in workbook: Workbook, context: CheckContext) -> [Finding] {
        let owned = LifecycleSupport.marketingOwned(workbook)
        guard LifecycleSupport.isMapped(workbook) else {
            guard !owned.isEmpty || !workbook.items(of: .recycle).isEmpty else { return [] }
            return [
                finding(
                    "no activity names a lead stage or recycle track (lead_stages): which programs generate and nurture leads is not mapped",
                    target: "leads", at: owned.first?.location,
                    terms: ClientTerms(place: ClientText.list(owned.map(\.name))),
                    impact: Impact(priority: Importance.priority(phase: "lead")))
            ]
        }
        return LifecycleSupport.unsupported(in: workbook).stages.map { stage in
            finding(
                "marketing-owned lead stage '\(stage.id)' has no lead-generation program (no activity names it in lead_stages)",
                target: stage.id, at: stage.location, terms: ClientTerms(place: stage.name),
                impact: Impact(priority: Importance.priority(phase: "lead")))
        }
    }
}
