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
    /// Qualified stage id → the activities supporting it, in workbook order.
    let supporters: [String: [Activity]]

    init(_ workbook: Workbook) {
        stages = workbook.items(of: .stage).map { item in
            var phase: String?
            if case .string(let value)? = item.fields["phase"] { phase = value }
            return Stage(id: item.id, name: item.name, process: String(item.id.prefix { $0 != "/" }), phase: phase, location: item.location)
        }
        activities = workbook.section(ActivitiesSection.self)?.activities ?? []
        personas = workbook.section(PersonasSection.self)?.personas ?? []
        let index = ItemIndex(workbook.items(of: .stage))
        var supporters: [String: [Activity]] = [:]
        for activity in activities {
            for reference in activity.stages {
                if case .found(let stage) = index.resolve(reference.value, as: .stage) {
                    supporters[stage.id, default: []].append(activity)
                }
            }
        }
        self.supporters = supporters
    }

    /// Activities that face the buyer: every kind but `enablement`, which prepares sales instead.
    func buyerFacing(at stage: String) -> [Activity] {
        (supporters[stage] ?? []).filter(\.isBuyerFacing)
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
