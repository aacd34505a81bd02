import LockstepCore

/// MK002: at a decision stage, an economic or technical buyer is addressed by no supporting activity.
struct BuyingRoleGap: Check {
    let code = "MK002"
    let slug = "buying-role-gap"
    let defaultSeverity = Severity.warning
    let summary = "A decision stage has nothing for an economic or technical buyer"
    let advice = ClientAdvice(
        problem: "Nothing in the marketing reaches {who} at {where}.",
        action: "Give {who} content of their own for {where}.",
        stake: "The people who sign or can veto the deal decide without hearing the case made for them; deals slip at the last step.")
    let explanation = RuleExplanation(
        what: "At every stage in the `decision` phase, each persona whose role is `economic-buyer` or `technical-buyer` is addressed by at least one activity supporting that stage.",
        why: "A common and costly misalignment is a marketing message that never reaches the real decision maker (“Sales and Marketing – Align, Define and Make Money”, misalignment #3). At the decision stage the people who sign and the people who veto need content of their own.",
        fix: "Map content for that persona to the stage (`activity map ID --persona PERSONA --stage STAGE`), e.g. an ROI calculator for the CFO, a security whitepaper for the IT architect.")
    let examples: [CheckExample] = [
        .triggering("""
            personas:
              - { id: cfo, role: economic-buyer }
              - { id: cto, role: technical-buyer }
              - { id: analyst, role: user }
            processes:
              - id: nb
                stages: [{ id: proposal, phase: decision }, { id: discovery, phase: consideration }]
            activities:
              - { id: roi, kind: tool, stages: [proposal], personas: [cfo] }
            """, targets: ["nb/proposal/cto"]),
        .passing("""
            personas:
              - { id: cfo, role: economic-buyer }
            processes:
              - id: nb
                stages: [{ id: proposal, phase: decision }, { id: discovery, phase: consideration }]
            activities:
              - { id: roi, kind: tool, stages: [proposal], personas: [cfo] }
            """),
    ]

    func findings(in workbook: Workbook, context: CheckContext) -> [Finding] {
        let model = context.shared.value("marketing-model") { MarketingModel(workbook) }
        let buyers = model.personas.filter { $0.role == "economic-buyer" || $0.role == "technical-buyer" }
        return model.stages.filter { $0.phase == "decision" }.flatMap { stage in
            let reached = model.personasReached(at: stage.id)
            return buyers.filter { !reached.contains($0.id) && model.involves($0, at: stage) }.map { persona in
                finding("at decision stage '\(stage.id)', no activity addresses \(persona.role ?? "") '\(persona.id)'",
                        target: "\(stage.id)/\(persona.id)", at: stage.location,
                        terms: ClientTerms(who: persona.name, place: model.placeName(stage)),
                        impact: Impact(priority: Importance.priority(phase: stage.phase, role: persona.role)))
            }
        }
    }
}
