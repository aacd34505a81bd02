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
    /// Process names by id, for naming stages to a client.
    let processNames: [String: String]
    /// Positions in `activities` of those supporting each stage (by the stage's position in
    /// `stages`), in workbook order: positions, not copies, for a large workbook has tens of
    /// thousands of activities.
    private let supportersOfStage: [[Int]]
    private let stagePositions: [String: Int]

    init(_ workbook: Workbook) {
        stages = workbook.items(of: .stage).map { item in
            var phase: String?
            if case .string(let value)? = item.fields["phase"] { phase = value }
            return Stage(id: item.id, name: item.name, process: String(item.id.prefix { $0 != "/" }), phase: phase, location: item.location)
        }
        activities = workbook.section(ActivitiesSection.self)?.activities ?? []
        personas = workbook.section(PersonasSection.self)?.personas ?? []
        processNames = Dictionary(workbook.items(of: .process).map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        let positions = Dictionary(stages.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        let index = ItemIndex(workbook.items(of: .stage))
        var supporters = Array(repeating: [Int](), count: stages.count)
        // What each written reference resolves to, worked out once per distinct text: a large
        // workbook repeats the same few stage ids tens of thousands of times.
        var resolved: [String: Int?] = [:]
        for position in activities.indices {
            for reference in activities[position].stages {
                let stage: Int?
                if let known = resolved[reference.value] {
                    stage = known
                } else {
                    if case .found(let item) = index.resolve(reference.value, as: .stage) { stage = positions[item.id] } else { stage = nil }
                    resolved[reference.value] = stage
                }
                if let stage { supporters[stage].append(position) }
            }
        }
        stagePositions = positions
        supportersOfStage = supporters
    }

    /// Positions in `activities` of the stage's supporters.
    private func supporterPositions(at stage: String) -> [Int] {
        stagePositions[stage].map { supportersOfStage[$0] } ?? []
    }

    /// The activities supporting a stage.
    func supporters(at stage: String) -> [Activity] {
        supporterPositions(at: stage).map { activities[$0] }
    }

    /// Activities that face the buyer: every kind but `enablement`, which prepares sales instead.
    func buyerFacing(at stage: String) -> [Activity] {
        supporterPositions(at: stage).filter { activities[$0].isBuyerFacing }.map { activities[$0] }
    }

    /// Whether any buyer-facing activity supports the stage, without copying activities.
    func hasBuyerFacing(at stage: String) -> Bool {
        supporterPositions(at: stage).contains { activities[$0].isBuyerFacing }
    }

    /// How many buyer-facing activities at the stage address each persona, and are of each kind:
    /// counted in place, for a report's heat-maps over tens of thousands of activities.
    func buyerFacingCounts(at stage: String) -> (personas: [String: Int], kinds: [String: Int]) {
        var personas: [String: Int] = [:], kinds: [String: Int] = [:]
        for position in supporterPositions(at: stage) where activities[position].isBuyerFacing {
            for persona in activities[position].personas { personas[persona.value, default: 0] += 1 }
            if let kind = activities[position].kind { kinds[kind, default: 0] += 1 }
        }
        return (personas, kinds)
    }

    /// The personas the stage's buyer-facing activities address.
    func personasReached(at stage: String) -> Set<String> {
        var reached = Set<String>()
        for position in supporterPositions(at: stage) where activities[position].isBuyerFacing {
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

/// Importance for ordering gaps by business impact: a stage with no content at all outranks any
/// persona's gap (it is an error, MK001); then the phase (the decision is where deals are won or
/// lost, the customer phases keep the revenue), then the buying role.
enum Importance {
    static let phases = ["decision", "consideration", "retention", "expansion", "awareness"]
    static let roles = ["economic-buyer", "technical-buyer", "champion", "user", "influencer", "procurement"]

    static func rank(phase: String?) -> Int { phase.flatMap { phases.firstIndex(of: $0) } ?? phases.count }
    static func rank(role: String?) -> Int { role.flatMap { roles.firstIndex(of: $0) } ?? roles.count }

    /// A finding's weight among those of its severity (`Impact.priority`): the phase first, then
    /// the role. The lead lifecycle (`lead`, `nurture`) comes after every sales phase.
    static func priority(phase: String?, role: String? = nil) -> Int {
        let lifecycle = ["lead": phases.count + 1, "nurture": phases.count + 2]
        return (phase.flatMap { lifecycle[$0] } ?? rank(phase: phase)) * 10 + rank(role: role)
    }
}

extension MarketingModel {
    /// Whether the persona takes part at the stage: a gap only where it does (see `Relevance`).
    func involves(_ persona: Persona, at stage: Stage) -> Bool { Relevance.involves(persona, at: stage) }

    func stage(_ id: String) -> Stage? { stages.first { $0.id == id } }

    /// The stage as a client names it: its name, with its process's when another process has a
    /// stage of the same name ("Discovery (Expansion)").
    func placeName(_ stage: Stage) -> String {
        guard stages.contains(where: { $0.name == stage.name && $0.process != stage.process }) else { return stage.name }
        return "\(stage.name) (\(processNames[stage.process] ?? stage.process))"
    }
}
