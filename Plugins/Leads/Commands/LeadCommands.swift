import LockstepCore

/// `leads` and `lead add|criteria|sla|recycle`: the lead lifecycle, listed and edited.
enum LeadCommands {
    static let list = Command(CommandSpec(
        "leads", summary: "The lead lifecycle: each stage's owner, criteria, hand-off SLA, rejection path and the sales stage it enters",
        examples: ["leads"]
    )) { environment, _ in
        let leads = try LeadDataAccess.section(of: environment.workbook)
        environment.emit(.table(Table(["stage", "name", "owner", "criteria", "hand-off", "rejects to", "enters"], rows: leads.stages.map { stage in
            [.text(stage.id), .text(stage.name), cell(stage.owner), cell(stage.criteria?.value), cell(handoffText(stage.handoff)),
             cell(stage.rejectsTo?.value), cell(stage.enters?.value)]
        })))
    }

    static let add = Command(CommandSpec(
        "lead add", summary: "Add a lead stage (at the end, or after another stage)",
        arguments: [ArgumentSpec("ID")],
        options: [OptionSpec("--name", value: "NAME", summary: "the stage's display name"),
                  OptionSpec("--owner", value: "OWNER", completion: .words(LeadStage.owners), summary: "marketing, sales or lead-gen"),
                  OptionSpec("--after", value: "STAGE", completion: .ids(.leadStage), summary: "put it after this stage"),
                  OptionSpec("--enters", value: "PROCESS/STAGE", completion: .ids(.salesStage), summary: "the sales stage it hands over into")],
        examples: ["lead add sal --name \"Sales accepted lead\" --owner sales --after mql"],
        changesWorkbook: true
    )) { environment, invocation in
        let id = invocation.arguments[0]
        guard Identifier.isValid(id) else {
            throw CommandError.usage("lead add: '\(id)' is not a valid id", fix: "use lower-case words joined by hyphens, e.g. \(Identifier.suggest(from: id))")
        }
        var stage = LeadStage(id: id, name: invocation.option("--name") ?? id)
        if let owner = invocation.option("--owner") {
            guard LeadStage.owners.contains(owner) else { throw CommandError.unknown("owner", owner, among: LeadStage.owners) }
            stage.owner = owner
        }
        if let enters = invocation.option("--enters") {
            stage.enters = Located(try ItemIndex(environment.workbook.items(of: .salesStage)).require(enters, as: .salesStage).id, at: nil)
        }
        let leads = environment.workbook.section(LeadsSection.self) ?? LeadsSection()
        guard !leads.stages.contains(where: { $0.id == id }) else {
            throw CommandError.failed("there is already a lead stage '\(id)'", fix: "choose another id, or change it with 'lead criteria' or 'lead sla'")
        }
        var position = leads.stages.count
        if let after = invocation.option("--after") {
            position = try LeadCommands.index(of: after, in: leads) + 1
        }
        try environment.edit("lead add \(id)") { workbook in
            workbook.update(LeadsSection.self) { $0.stages.insert(stage, at: position) }
        }
        environment.emit(.note("added lead stage \(id)"))
    }

    static let criteria = Command(CommandSpec(
        "lead criteria", summary: "Define or redefine a lead stage's criteria; they are type-checked at once",
        arguments: [ArgumentSpec("STAGE", completion: .ids(.leadStage)), ArgumentSpec("EXPRESSION…")],
        examples: ["lead criteria mql score >= 60 and country in [\"US\", \"CA\"]", "lead criteria sql mql and budget_confirmed"],
        changesWorkbook: true
    )) { environment, invocation in
        let (leads, index) = try locate(invocation.arguments[0], in: environment.workbook)
        let expression = invocation.rest.dropFirst(invocation.rest.prefix { !$0.isWhitespace }.count).trimmed
        var changed = leads
        changed.stages[index].criteria = expression.isEmpty ? nil : Located(expression, at: nil)
        if !expression.isEmpty {
            do throws(ExpressionError) {
                _ = try ExpressionChecker(schema: changed.expressionSchema).checkCondition(expression, named: leads.stages[index].id)
            } catch {
                let fields = leads.fields.map(\.name.value).joined(separator: ", ")
                throw CommandError.usage("lead criteria: \(error.message)\n\(error.pointed)", fix: "fields: \(fields); a stage id stands for its criteria")
            }
        }
        try environment.edit("lead criteria \(leads.stages[index].id)") { workbook in
            workbook.update(LeadsSection.self) { $0.stages[index].criteria = changed.stages[index].criteria }
        }
        environment.emit(.note(expression.isEmpty ? "removed the criteria of \(leads.stages[index].id)" : "criteria of \(leads.stages[index].id): \(expression)"))
    }

    static let sla = Command(CommandSpec(
        "lead sla", summary: "Set where a lead stage hands over, and how fast it must be accepted and first touched",
        arguments: [ArgumentSpec("STAGE", completion: .ids(.leadStage))],
        options: [OptionSpec("--to", value: "OWNER", completion: .words(LeadStage.owners), summary: "who receives the lead"),
                  OptionSpec("--accept", value: "DURATION", summary: "accept within, e.g. 24h"),
                  OptionSpec("--first-touch", value: "DURATION", summary: "first touch within, e.g. 48h")],
        examples: ["lead sla mql --to sales --accept 24h --first-touch 48h"],
        changesWorkbook: true
    )) { environment, invocation in
        let (leads, index) = try locate(invocation.arguments[0], in: environment.workbook)
        var handoff = leads.stages[index].handoff ?? LeadStage.Handoff()
        if let to = invocation.option("--to") {
            guard LeadStage.owners.contains(to) else { throw CommandError.unknown("owner", to, among: LeadStage.owners) }
            handoff.to = to
        }
        if let text = invocation.option("--accept") { handoff.acceptWithin = try duration(text, option: "--accept") }
        if let text = invocation.option("--first-touch") { handoff.firstTouchWithin = try duration(text, option: "--first-touch") }
        guard invocation.options.count > 0 else {
            throw CommandError.usage("lead sla: say what to set", fix: "e.g. lead sla \(leads.stages[index].id) --to sales --accept 24h --first-touch 48h")
        }
        try environment.edit("lead sla \(leads.stages[index].id)") { workbook in
            workbook.update(LeadsSection.self) { $0.stages[index].handoff = handoff }
        }
        environment.emit(.note("hand-off of \(leads.stages[index].id): \(handoffText(handoff) ?? "none")"))
    }

    static let recycle = Command(CommandSpec(
        "lead recycle", summary: "Send a stage's rejected leads to a nurture track (created if new) that returns them to a stage",
        arguments: [ArgumentSpec("STAGE", completion: .ids(.leadStage)), ArgumentSpec("TRACK", completion: .ids(.recycle))],
        options: [OptionSpec("--returns-to", value: "STAGE", completion: .ids(.leadStage), summary: "where the track returns leads (default: the first stage)"),
                  OptionSpec("--name", value: "NAME", summary: "the track's display name")],
        examples: ["lead recycle sql nurture --returns-to inquiry --name \"Nurture track\""],
        changesWorkbook: true
    )) { environment, invocation in
        let (leads, index) = try locate(invocation.arguments[0], in: environment.workbook)
        let track = invocation.arguments[1]
        guard Identifier.isValid(track) else {
            throw CommandError.usage("lead recycle: '\(track)' is not a valid id", fix: "use lower-case words joined by hyphens, e.g. \(Identifier.suggest(from: track))")
        }
        let returnsTo = invocation.option("--returns-to") ?? leads.stages.first?.id
        if let returnsTo { _ = try LeadCommands.index(of: returnsTo, in: leads) }
        let exists = leads.recycle.contains { $0.id == track }
        try environment.edit("lead recycle \(leads.stages[index].id) \(track)") { workbook in
            workbook.update(LeadsSection.self) { section in
                section.stages[index].rejectsTo = Located(track, at: nil)
                if let existing = section.recycle.firstIndex(where: { $0.id == track }) {
                    if let name = invocation.option("--name") { section.recycle[existing].name = name }
                    if invocation.option("--returns-to") != nil { section.recycle[existing].returnsTo = returnsTo.map { Located($0, at: nil) } }
                } else {
                    section.recycle.append(RecycleTrack(id: track, name: invocation.option("--name") ?? track, owner: "marketing",
                                                        returnsTo: returnsTo.map { Located($0, at: nil) }))
                }
            }
        }
        environment.emit(.note("\(leads.stages[index].id) rejects to \(track)\(exists ? "" : " (new track, owned by marketing, returns to \(returnsTo ?? "—"))")"))
    }

    static func locate(_ id: String, in workbook: Workbook) throws -> (LeadsSection, Int) {
        let leads = try LeadDataAccess.section(of: workbook)
        return (leads, try index(of: id, in: leads))
    }

    /// The position of lead stage `id`; an unknown id is named with a near miss.
    static func index(of id: String, in leads: LeadsSection) throws -> Int {
        guard let index = leads.stages.firstIndex(where: { $0.id == id }) else {
            throw CommandError.unknown("lead stage", id, among: leads.stages.map(\.id))
        }
        return index
    }

    static func handoffText(_ handoff: LeadStage.Handoff?) -> String? {
        guard let handoff else { return nil }
        let parts = [handoff.to.map { "to \($0)" }, handoff.acceptWithin.map { "accept within \($0)" },
                     handoff.firstTouchWithin.map { "first touch within \($0)" }].compactMap { $0 }
        return parts.joined(separator: ", ")
    }

    private static func duration(_ text: String, option: String) throws -> WorkbookDuration {
        guard let duration = WorkbookDuration(text) else {
            throw CommandError.usage("\(option) takes a duration such as 24h, 2d or 1w, not '\(text)'", fix: "e.g. \(option) 48h")
        }
        return duration
    }

    private static func cell(_ text: String?) -> Table.Cell { text.map { .text($0) } ?? .empty }
}
