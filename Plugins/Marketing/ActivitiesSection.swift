import LockstepCore

/// The `activities` section.
public struct ActivitiesSection: TypedSection {
    public static let key = "activities"
    public static let writeOrder = 70
    public static let itemKinds: [ItemKind] = [.activity]
    static let keys = [
        "id", "name", "kind", "stages", "lead_stages", "personas", "needs", "channel", "cta", "response",
        "follow_up", "enablement", "kpi", "kpi_kind", "theme", "crm_source", "owner", "reviewed", "swot",
    ]

    public var activities: [Activity] = []

    public init() {}

    public init(decoding node: SourceNode, context: DecodeContext) {
        activities = context.decodeEach(context.sequence(node, what: "activities")) { activityNode, number, context in
            guard let reader = context.item(activityNode, kind: "activity", number: number, keys: Self.keys),
                let id = reader.id()
            else { return nil }
            return Self.decodeActivity(reader, id: id)
        }
    }

    private static func decodeActivity(_ reader: MappingReader, id: String) -> Activity {
        var activity = Activity(id: id, name: reader.string("name") ?? id)
        activity.location = reader.location
        activity.kind = reader.string("kind")
        activity.link(
            stages: reader.strings("stages"), personas: reader.strings("personas"), needs: reader.strings("needs"))
        activity.leadStages = reader.strings("lead_stages")
        activity.channel = reader.string("channel")
        activity.cta = reader.string("cta")
        activity.response = reader.choice("response", from: Activity.responseChannels)
        if let followUp = reader.mapping("follow_up", keys: ["channel", "owner"]) {
            activity.followUp = Activity.FollowUp(channel: followUp.string("channel"), owner: followUp.string("owner"))
        }
        activity.enablement = reader.located("enablement")
        activity.kpi = reader.string("kpi")
        activity.kpiKind = reader.choice("kpi_kind", from: KPIKind.names)
        activity.theme = reader.choice("theme", from: Theme.all)
        activity.crmSource = reader.string("crm_source")
        activity.owner = reader.string("owner")
        activity.reviewed = reader.day("reviewed")
        if let swot = reader.mapping("swot", keys: ["strengths", "weaknesses", "opportunities", "threats"]) {
            activity.swot = Activity.SWOT(
                strengths: swot.string("strengths"), weaknesses: swot.string("weaknesses"),
                opportunities: swot.string("opportunities"), threats: swot.string("threats"))
        }
        return activity
    }

    public func encode() -> YAMLNode {
        .sequence(
            activities.map { activity in
                var out = MappingBuilder()
                out.string("id", activity.id)
                out.string("name", activity.name)
                out.string("kind", activity.kind)
                out.list("stages", activity.stages.map(\.value))
                out.list("lead_stages", activity.leadStages.map(\.value))
                out.list("personas", activity.personas.map(\.value))
                out.list("needs", activity.needs.map(\.value))
                out.string("channel", activity.channel)
                out.string("cta", activity.cta)
                out.literal("response", activity.response)
                if let followUp = activity.followUp {
                    var fields = MappingBuilder()
                    fields.string("channel", followUp.channel)
                    fields.string("owner", followUp.owner)
                    out.node("follow_up", fields.build(style: .flow))
                }
                out.string("enablement", activity.enablement?.value)
                out.string("kpi", activity.kpi)
                out.literal("kpi_kind", activity.kpiKind)
                out.literal("theme", activity.theme)
                out.string("crm_source", activity.crmSource)
                out.string("owner", activity.owner)
                out.literal("reviewed", activity.reviewed)
                if let swot = activity.swot {
                    var fields = MappingBuilder()
                    fields.string("strengths", swot.strengths)
                    fields.string("weaknesses", swot.weaknesses)
                    fields.string("opportunities", swot.opportunities)
                    fields.string("threats", swot.threats)
                    out.node("swot", fields.build())
                }
                return out.build()
            })
    }

    public func itemNames(of kind: ItemKind) -> [(id: String, alias: String?)] {
        kind == .activity ? activities.map { ($0.id, nil) } : []
    }

    public var items: [Item] {
        // Each item's fields are built from the shared array on demand, so no activity is copied here.
        let all = activities
        return all.indices.map { Self.item(at: $0, of: all) }
    }

    public func forEachItem(_ body: (Item) -> Void) {
        let all = activities
        for position in all.indices { body(Self.item(at: position, of: all)) }
    }

    private static func item(at position: Int, of all: [Activity]) -> Item {
        // Read in place and appended one by one: a large workbook makes this for every activity.
        var references: [Reference] = []
        references.reserveCapacity(
            all[position].stages.count + all[position].leadStages.count + all[position].personas.count
                + all[position].needs.count + 1)
        for stage in all[position].stages { references.append(Reference(.stage, stage)) }
        for stage in all[position].leadStages { references.append(Reference([.leadStage, .recycle], stage)) }
        for persona in all[position].personas { references.append(Reference(.persona, persona)) }
        for need in all[position].needs { references.append(Reference(.need, need)) }
        if let enablement = all[position].enablement { references.append(Reference(.activity, enablement)) }
        return Item(
            kind: .activity, id: all[position].id, name: all[position].name, location: all[position].location,
            references: references, fields: all[position].fields)
    }
}

extension ActivitiesSection {
    public mutating func rewriteReferences(_ rewrite: (ItemKind, String) -> String?) {
        func apply(_ kind: ItemKind, _ list: some Sequence<Located<String>>) -> [Located<String>] {
            list.compactMap { reference in rewrite(kind, reference.value).map { Located($0, at: reference.location) } }
        }
        for index in activities.indices {
            let activity = activities[index]
            activities[index].link(
                stages: apply(.stage, activity.stages), personas: apply(.persona, activity.personas),
                needs: apply(.need, activity.needs))
            if let enablement = activities[index].enablement {
                activities[index].enablement = rewrite(.activity, enablement.value).map {
                    Located($0, at: enablement.location)
                }
            }
        }
    }
}

extension ActivitiesSection: ListSection {
    public mutating func append(contentsOf run: ActivitiesSection) { activities += run.activities }
    public mutating func reserveCapacity(_ items: Int) { activities.reserveCapacity(items) }
}
