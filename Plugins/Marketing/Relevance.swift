import LockstepCore

/// Whether a buying role takes part at a stage: a gap only where it does.
///
/// By default, by the role and the stage's phase, as a consultant would judge it: economic and
/// technical buyers decide, so they matter from consideration to decision; procurement only
/// at decision; a user is there when the product is seen and used (consideration, retention,
/// expansion), not at the negotiating table; an influencer shapes the early phases. A persona
/// overrides it with `involved_in` and `not_involved_in`, each a list of phases or stage ids
/// (a stage beats its phase; `not_involved_in` beats `involved_in` for the same entry).
enum Relevance {
    static let byRole: [String: Set<String>] = [
        "economic-buyer": ["awareness", "consideration", "decision", "retention", "expansion"],
        "technical-buyer": ["consideration", "decision", "expansion"],
        "champion": ["awareness", "consideration", "decision", "retention", "expansion"],
        "user": ["consideration", "retention", "expansion"],
        "influencer": ["awareness", "consideration"],
        "procurement": ["decision"],
    ]

    /// True when `persona` takes part at `stage` (a persona without a role, or a stage without a
    /// phase, takes part everywhere unless declared otherwise).
    static func involves(_ persona: Persona, at stage: MarketingModel.Stage) -> Bool {
        let bare = String(stage.id.split(separator: "/").last ?? "")
        func names(_ entries: [Located<String>]) -> (stage: Bool, phase: Bool) {
            let values = Set(entries.map(\.value))
            return (values.contains(stage.id) || values.contains(bare), stage.phase.map(values.contains) ?? false)
        }
        let out = names(persona.notInvolvedIn), inside = names(persona.involvedIn)
        if out.stage { return false }
        if inside.stage { return true }
        if out.phase { return false }
        if inside.phase { return true }
        guard let role = persona.role, let phase = stage.phase, let phases = byRole[role] else { return true }
        return phases.contains(phase)
    }
}
