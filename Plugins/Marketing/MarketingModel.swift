import LockstepCore

/// The marketing view of a workbook: stages (read through the core's items), activities and who
/// supports what, resolved once so every check and query asks the same questions the same way.
struct MarketingModel {
    struct Stage {
        let id: String
        let name: String
        let process: String
        let phase: String?
        let location: SourceLocation?
    }

    let stages: [Stage]
    let activities: [Activity]
    let personas: [Persona]
    /// Qualified stage id → positions in `activities` of those supporting it, in workbook order
    /// (positions, not copies: a large workbook has tens of thousands of activities).
    let supporterIndices: [String: [Int]]

    init(_ workbook: Workbook) {
        stages = workbook.items(of: .stage).map { item in
            var phase: String?
            if case .string(let value)? = item.fields["phase"] { phase = value }
            return Stage(id: item.id, name: item.name, process: String(item.id.prefix { $0 != "/" }), phase: phase, location: item.location)
        }
        activities = workbook.section(ActivitiesSection.self)?.activities ?? []
        personas = workbook.section(PersonasSection.self)?.personas ?? []
        let index = ItemIndex(workbook.items(of: .stage))
        var supporters: [String: [Int]] = [:]
        var resolved: [String: String] = [:]
        // By position, so no activity is copied on the way.
        for position in activities.indices {
            for reference in activities[position].stages {
                if resolved[reference.value] == nil, case .found(let stage) = index.resolve(reference.value, as: .stage) {
                    resolved[reference.value] = stage.id
                }
                if let stage = resolved[reference.value] { supporters[stage, default: []].append(position) }
            }
        }
        self.supporterIndices = supporters
    }

    /// The activities supporting a stage.
    func supporters(at stage: String) -> [Activity] {
        (supporterIndices[stage] ?? []).map { activities[$0] }
    }

    /// Activities that face the buyer: every kind but `enablement`, which prepares sales instead.
    func buyerFacing(at stage: String) -> [Activity] {
        (supporterIndices[stage] ?? []).filter { activities[$0].isBuyerFacing }.map { activities[$0] }
    }

    /// Whether any buyer-facing activity supports the stage, without copying activities.
    func hasBuyerFacing(at stage: String) -> Bool {
        (supporterIndices[stage] ?? []).contains { activities[$0].isBuyerFacing }
    }

    /// The personas the stage's buyer-facing activities address.
    func personasReached(at stage: String) -> Set<String> {
        var reached = Set<String>()
        for position in supporterIndices[stage] ?? [] where activities[position].isBuyerFacing {
            for persona in activities[position].personas { reached.insert(persona.value) }
        }
        return reached
    }
}

extension Activity {
    var isBuyerFacing: Bool { kind != "enablement" }
}

extension Workbook {
    var activities: [Activity] { section(ActivitiesSection.self)?.activities ?? [] }
}

/// Importance for ordering gaps: decision stages and economic buyers first.
enum Importance {
    static let phases = ["decision", "consideration", "awareness", "expansion", "retention"]
    static let roles = ["economic-buyer", "technical-buyer", "champion", "user", "influencer", "procurement"]

    static func rank(phase: String?) -> Int { phase.flatMap { phases.firstIndex(of: $0) } ?? phases.count }
    static func rank(role: String?) -> Int { role.flatMap { roles.firstIndex(of: $0) } ?? roles.count }
}
