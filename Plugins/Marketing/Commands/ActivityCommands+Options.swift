import LockstepCore

extension ActivityCommands {
    /// Applies the field options; returns the names of the fields that changed.
    static func apply(
        _ invocation: Invocation, to activity: inout Activity, workbook: Workbook, today: Day
    ) throws -> [String] {
        var changed: [String] = []
        func set(_ option: String, _ field: String, _ assign: (String?) -> Void) {
            guard let value = invocation.option(option) else { return }
            assign(value.isEmpty ? nil : value)
            changed.append(field)
        }
        set("--name", "name") { activity.name = $0 ?? activity.id }
        if let kind = invocation.option("--kind") {
            // A near miss of a usual kind is a typo ("webnar"); a word of the team's own is taken.
            let field = ActivitiesSection.editableFields(of: .activity).first { $0.name == "kind" }!
            activity.kind = try field.read(kind, index: ItemIndex([]), today: today, command: invocation.spec.name).text
            changed.append("kind")
        }
        set("--channel", "channel") { activity.channel = $0 }
        set("--cta", "call to action") { activity.cta = $0 }
        set("--kpi", "kpi") { activity.kpi = $0 }
        set("--owner", "owner") { activity.owner = $0 }
        if let response = invocation.option("--response") {
            guard Activity.responseChannels.contains(response) else {
                throw CommandError.unknown("response channel", response, among: Activity.responseChannels)
            }
            activity.response = response
            changed.append("response")
        }
        if let followUp = invocation.option("--follow-up") {
            let parts = followUp.split(separator: ":", maxSplits: 1).map(String.init)
            activity.followUp = Activity.FollowUp(channel: parts.first, owner: parts.count > 1 ? parts[1] : nil)
            changed.append("follow-up")
        }
        if let enablement = invocation.option("--enablement") {
            let item = try ItemIndex(workbook.items(of: .activity)).require(enablement, as: .activity)
            if let kind = workbook.activities.first(where: { $0.id == item.id })?.kind,
                !Activity.enablementKinds.contains(kind)
            {
                throw CommandError.usage(
                    "\(invocation.spec.name): '\(item.id)' is of kind \(kind), not an item that prepares sales",
                    fix:
                        "name an activity of kind enablement or battlecard, or make it one: activity edit \(item.id) --kind enablement"
                )
            }
            activity.enablement = Located(item.id, at: nil)
            changed.append("enablement")
        }
        if let reviewed = invocation.option("--reviewed") {
            guard let day = reviewed == "today" ? today : Day(iso: reviewed) else {
                throw CommandError.usage(
                    "--reviewed takes a date written YYYY-MM-DD (or today), not '\(reviewed)'",
                    fix: "e.g. --reviewed 2026-06-01")
            }
            activity.reviewed = day
            changed.append("reviewed")
        }
        return changed
    }

    /// Adds (or removes) the `--stage`, `--persona` and `--need` ids, each checked against the workbook.
    static func map(
        _ invocation: Invocation, onto activity: inout Activity, workbook: Workbook, adding: Bool
    ) throws -> [String] {
        let index = ItemIndex(workbook)
        var changed: [String] = []
        func update(
            _ option: String, _ kind: ItemKind, _ list: inout [Located<String>], or other: ItemKind? = nil
        ) throws {
            guard let text = invocation.option(option) else { return }
            for id in text.split(separator: ",").map({ $0.trimmed }) where !id.isEmpty {
                // A lead stage, or else a recycle track: both are steps a program can serve.
                let kind = other.map { index.resolves(id, as: kind) ? kind : $0 } ?? kind
                let item = try index.require(id, as: kind)
                let matches: (Located<String>) -> Bool = { reference in
                    if case .found(let found) = index.resolve(reference.value, as: kind) { return found.id == item.id }
                    return false
                }
                if adding, !list.contains(where: matches) {
                    list.append(Located(item.id, at: nil))
                    changed.append("\(kind.name) \(item.id)")
                } else if !adding, list.contains(where: matches) {
                    list.removeAll(where: matches)
                    changed.append("\(kind.name) \(item.id)")
                }
            }
        }
        var stages = Array(activity.stages), personas = Array(activity.personas), needs = Array(activity.needs)
        try update("--stage", .stage, &stages)
        try update("--persona", .persona, &personas)
        try update("--need", .need, &needs)
        activity.link(stages: stages, personas: personas, needs: needs)
        try update("--lead-stage", .leadStage, &activity.leadStages, or: .recycle)
        return changed
    }
}
