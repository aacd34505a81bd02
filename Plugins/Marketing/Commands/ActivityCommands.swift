import LockstepCore

/// Adding, changing, mapping and removing activities.
enum ActivityCommands {
    static let fieldOptions = [
        OptionSpec("--name", value: "NAME", summary: "the activity's display name"),
        OptionSpec("--kind", value: "KIND", completion: .words(Activity.knownKinds), summary: "content, campaign, event, email, webinar, case-study, tool, battlecard, enablement, …"),
        OptionSpec("--channel", value: "CHANNEL", summary: "where it runs"),
        OptionSpec("--cta", value: "TEXT", summary: "its call to action"),
        OptionSpec("--response", value: "HOW", completion: .words(Activity.responseChannels), summary: "how responses arrive"),
        OptionSpec("--follow-up", value: "CHANNEL[:OWNER]", summary: "who follows responses up, and how, e.g. email:sales"),
        OptionSpec("--enablement", value: "ACTIVITY", completion: .ids(.activity), summary: "the enablement item that prepares sales"),
        OptionSpec("--kpi", value: "TEXT", summary: "its measure of success"),
        OptionSpec("--owner", value: "WHO", summary: "who owns it"),
        OptionSpec("--reviewed", value: "DATE", summary: "when it was last reviewed (YYYY-MM-DD, or today)"),
    ]
    static let mapOptions = [
        OptionSpec("--stage", value: "STAGE[,STAGE]", completion: .ids(.stage), summary: "sales stages it supports"),
        OptionSpec("--persona", value: "PERSONA[,PERSONA]", completion: .ids(.persona), summary: "personas it addresses"),
        OptionSpec("--need", value: "NEED[,NEED]", completion: .ids(.need), summary: "needs it answers"),
        OptionSpec("--lead-stage", value: "STAGE[,STAGE]", completion: .ids(.leadStage),
                   summary: "lead stages or recycle tracks it serves, as a lead-generation or nurture program"),
    ]

    static let add = Command(CommandSpec(
        "activity add", summary: "Add a marketing activity, optionally mapped to stages, personas and needs",
        arguments: [ArgumentSpec("ID")], options: fieldOptions + mapOptions,
        examples: ["activity add roi-webinar --name \"ROI webinar\" --kind webinar --stage proposal --persona cfo --need slow-close"],
        changesWorkbook: true
    )) { environment, invocation in
        let id = try Identifier.validated(invocation.arguments[0], in: "activity add")
        guard !environment.workbook.activities.contains(where: { $0.id == id }) else {
            throw CommandError.failed("there is already an activity '\(id)'", fix: "choose another id, or 'activity edit \(id)'")
        }
        var activity = Activity(id: id, name: id)
        _ = try apply(invocation, to: &activity, workbook: environment.workbook, today: environment.today)
        _ = try map(invocation, onto: &activity, workbook: environment.workbook, adding: true)
        try environment.edit("activity add \(id)") { $0.update(ActivitiesSection.self) { $0.activities.append(activity) } }
        environment.emit(.note("added activity \(id)"))
    }

    static let edit = Command(CommandSpec(
        "activity edit", summary: "Change an activity's name, kind, channel, call to action, follow-up, KPI, owner or review date",
        arguments: [ArgumentSpec("ACTIVITY", completion: .ids(.activity))], options: fieldOptions,
        examples: ["activity edit close-webinar --kpi \"Registrations that become MQLs\" --reviewed today"],
        changesWorkbook: true
    )) { environment, invocation in
        try change(invocation, environment: environment, verb: "activity edit") { activity in
            try apply(invocation, to: &activity, workbook: environment.workbook, today: environment.today)
        }
    }

    static let mapCommand = Command(CommandSpec(
        "activity map", summary: "Map an activity to stages, personas or needs",
        arguments: [ArgumentSpec("ACTIVITY", completion: .ids(.activity))], options: mapOptions,
        examples: ["activity map security-whitepaper --stage proposal,negotiation --persona it-architect"],
        changesWorkbook: true
    )) { environment, invocation in
        try change(invocation, environment: environment, verb: "activity map") { activity in
            try map(invocation, onto: &activity, workbook: environment.workbook, adding: true)
        }
    }

    static let unmap = Command(CommandSpec(
        "activity unmap", summary: "Take an activity off stages, personas or needs",
        arguments: [ArgumentSpec("ACTIVITY", completion: .ids(.activity))], options: mapOptions,
        examples: ["activity unmap close-webinar --persona fp-analyst"],
        changesWorkbook: true
    )) { environment, invocation in
        try change(invocation, environment: environment, verb: "activity unmap") { activity in
            try map(invocation, onto: &activity, workbook: environment.workbook, adding: false)
        }
    }

    static let remove = Command(CommandSpec(
        "activity remove", summary: "Remove an activity (activities naming it as their enablement lose that link)",
        arguments: [ArgumentSpec("ACTIVITY", completion: .ids(.activity))],
        examples: ["activity remove old-brochure"],
        changesWorkbook: true
    )) { environment, invocation in
        let item = try ItemIndex(environment.workbook.items(of: .activity)).require(invocation.arguments[0], as: .activity)
        try environment.edit("activity remove \(item.id)") { workbook in
            workbook.update(ActivitiesSection.self) { $0.activities.removeAll { $0.id == item.id } }
            workbook.rewriteReferences { kind, id in kind == .activity && id == item.id ? nil : id }
        }
        environment.emit(.note("removed activity \(item.id)"))
    }

    /// Changes one activity as an undoable step, refusing a command that changes nothing.
    private static func change(_ invocation: Invocation, environment: any CommandEnvironment, verb: String,
                               _ body: (inout Activity) throws -> [String]) throws {
        let item = try ItemIndex(environment.workbook.items(of: .activity)).require(invocation.arguments[0], as: .activity)
        guard let index = environment.workbook.activities.firstIndex(where: { $0.id == item.id }) else { return }
        var activity = environment.workbook.activities[index]
        let changed = try body(&activity)
        guard !changed.isEmpty else {
            throw CommandError.usage("\(verb): say what to change", fix: "'help \(verb)' lists the options")
        }
        try environment.edit("\(verb) \(item.id)") { $0.update(ActivitiesSection.self) { $0.activities[index] = activity } }
        environment.emit(.note("\(verb): \(changed.joined(separator: ", ")) of \(item.id)"))
    }
}
