import LockstepCore

/// The session's CRM data. Questions (`funnel`, `sla`, `ignored`, the data rules) are answered
/// from the columns `data load` kept, when it kept them; otherwise the export is streamed and
/// only the counts are kept, so memory does not grow with the file. Either is reused while the
/// workbook's lead settings, the date and the files stay the same.
enum LeadDataAccess {
    static let datasetKey = "leads.data", fileKey = "leads.data.file", tallyKey = "leads.tally"
    static let databaseKey = "leads.database"

    /// The memory `data load` may keep columns in: `LOCKSTEP_DATA_MEMORY_MB`, else 512 MiB.
    static var memoryBudget: Int { (FileSystem.environment("LOCKSTEP_DATA_MEMORY_MB").flatMap(Int.init) ?? 512) << 20 }

    /// The columns of an export take about half its size in memory (measured: 0.47× on 1M and
    /// 4M rows of the benchmark export).
    static func estimatedMemory(ofFile bytes: Int) -> Int { bytes / 2 }

    /// The data plan for the workbook now open; in the shell, the person decides once per session
    /// whether a file outside the workbook's folder may be read.
    static func plan(
        for environment: any CommandEnvironment, file: String? = nil
    ) throws(CommandError)
        -> (leads: LeadsSection, plan: LeadDataPlan)
    {
        if let file { environment.attachments.set(fileKey, file) }
        let leads = try section(of: environment.workbook)
        let override: String? = environment.attachments[fileKey]
        do {
            return (
                leads,
                try LeadDataPlan(
                    leads: leads, workbookPath: environment.workbookPath, file: override,
                    allowOutside: environment.allowsDataOutsideWorkbook)
            )
        } catch  where error.message.contains(LeadDataPlan.outsideMarker) {
            // A script has said so up front or not at all.
            guard environment.confirm("\(Sanitized.visible(error.message)). Read it? [y/N] ") == true else {
                throw error
            }
            environment.allowsDataOutsideWorkbook = true
            return (
                leads,
                try LeadDataPlan(
                    leads: leads, workbookPath: environment.workbookPath, file: override, allowOutside: true)
            )
        }
    }

    /// `data load`: the export's columns kept for the questions that follow, when they fit the
    /// memory budget; else the export is read as a stream (its summary kept) and the note says so.
    static func load(
        for environment: any CommandEnvironment, file: String? = nil
    ) throws(CommandError) -> LeadDataSummary {
        if file == nil, let source = try database(for: environment) {
            let leads = try section(of: environment.workbook)
            return try DatabaseTally.measure(
                leads, plan: DatabaseTally.plan(leads, source: source), source: source, today: environment.today,
                byField: nil
            ).summary
        }
        let (leads, plan) = try plan(for: environment, file: file)
        if let loaded: LeadDataset = environment.attachments[datasetKey], loaded.plan == plan { return loaded.summary }
        let bytes = FileSystem.stamp(of: plan.readPath)?.size ?? 0
        guard estimatedMemory(ofFile: bytes) <= memoryBudget else {
            environment.emit(
                .note(
                    "\(plan.path) (\(DataCommands.size(bytes))) would take about \(DataCommands.size(estimatedMemory(ofFile: bytes))) "
                        + "in memory, over the \(memoryBudget >> 20) MiB budget (LOCKSTEP_DATA_MEMORY_MB): "
                        + "each question reads it again as a stream instead"))
            return try tally(for: environment, leads: leads, plan: plan, byField: nil).summary
        }
        defer { environment.progress(nil) }
        let dataset = try LeadDataset.load(plan, options: options(for: environment, plan: plan, verb: "loading"))
        environment.attachments.set(datasetKey, dataset)
        if bytes >= 1 << 20 {
            environment.emit(
                .note(
                    "its columns are kept for the questions that follow: about \(DataCommands.size(estimatedMemory(ofFile: bytes))) "
                        + "of the \(memoryBudget >> 20) MiB budget (LOCKSTEP_DATA_MEMORY_MB)"))
        }
        return dataset.summary
    }

    /// The lead definitions measured on the export: from kept columns, a counted answer still
    /// valid, or a stream read now.
    static func tally(
        for environment: any CommandEnvironment, byField: String? = nil
    ) throws(CommandError)
        -> (tally: LeadTally, summary: LeadDataSummary)
    {
        if let source = try database(for: environment) {
            let leads = try section(of: environment.workbook)
            let plan = try DatabaseTally.plan(leads, source: source)
            if let byField { try SourcedFunnel.requireSplittable(byField, leads: leads, plan: plan) }
            // Kept until the definitions, the date or the connection change (`data connect` again
            // to read a table that changed): a question a database answers can take seconds.
            let key = TallyKey(plan: plan, leads: leads, today: environment.today, byField: byField)
            if let kept: (TallyKey, LeadTally, LeadDataSummary) = environment.attachments[tallyKey], kept.0 == key,
                kept.2.database == source.database.name
            {
                return (kept.1, kept.2)
            }
            let counted = try DatabaseTally.measure(
                leads, plan: plan, source: source, today: environment.today, byField: byField)
            environment.attachments.set(tallyKey, (key, counted.tally, counted.summary))
            return counted
        }
        let (leads, plan) = try plan(for: environment)
        if let byField { try SourcedFunnel.requireSplittable(byField, leads: leads, plan: plan) }
        return try tally(for: environment, leads: leads, plan: plan, byField: byField)
    }

    private static func tally(
        for environment: any CommandEnvironment, leads: LeadsSection, plan: LeadDataPlan, byField: String?
    ) throws(CommandError) -> (tally: LeadTally, summary: LeadDataSummary) {
        let key = TallyKey(plan: plan, leads: leads, today: environment.today, byField: byField)
        if let kept: (TallyKey, LeadTally, LeadDataSummary) = environment.attachments[tallyKey], kept.0 == key {
            return (kept.1, kept.2)
        }
        defer { environment.progress(nil) }
        let counted = try measure(
            leads: leads, plan: plan, today: environment.today, byField: byField,
            loaded: environment.attachments[datasetKey], options: options(for: environment, plan: plan, verb: "reading")
        )
        environment.attachments.set(tallyKey, (key, counted.tally, counted.summary))
        if counted.summary.badRowCount > 0, counted.summary.rowCount > 0 {
            let count = counted.summary.badRowCount
            environment.emit(
                .note(
                    "\(plan.path): \(count) bad row\(count == 1 ? "" : "s") not counted (first at line "
                        + "\(counted.summary.badRows[0].line)); 'data problems' lists them"))
        }
        return counted
    }

    /// For checks and the report: the counts, from the session's kept columns or a stream read
    /// once per run; nil when the workbook names no data and none was loaded.
    static func tally(
        for workbook: Workbook, context: CheckContext
    ) -> Result<(tally: LeadTally, summary: LeadDataSummary), CommandError>? {
        guard let leads = workbook.section(LeadsSection.self) else { return nil }
        let override: String? = context.attachments[fileKey]
        let connected: DatabaseTally.Source? = context.attachments[databaseKey]
        guard leads.data != nil || override != nil || connected != nil else { return nil }
        return context.shared.value("leads.tally") {
            () -> Result<(tally: LeadTally, summary: LeadDataSummary), CommandError> in
            do throws(CommandError) {
                var source = connected
                if source == nil {
                    source = try database(
                        url: leads.data?.url?.value, table: leads.data?.table, leads: leads,
                        connector: context.databases, attachments: context.attachments)
                }
                if override == nil, let source {
                    let plan = try DatabaseTally.plan(leads, source: source)
                    return .success(
                        try DatabaseTally.measure(leads, plan: plan, source: source, today: context.today, byField: nil)
                    )
                }
                let plan = try LeadDataPlan(
                    leads: leads, workbookPath: context.workbookPath, file: override,
                    allowOutside: context.allowsDataOutsideWorkbook)
                let key = TallyKey(plan: plan, leads: leads, today: context.today, byField: nil)
                if let kept: (TallyKey, LeadTally, LeadDataSummary) = context.attachments[tallyKey], kept.0 == key {
                    return .success((kept.1, kept.2))
                }
                let counted = try measure(
                    leads: leads, plan: plan, today: context.today, byField: nil,
                    loaded: context.attachments[datasetKey],
                    options: ColumnLoadOptions())
                context.attachments.set(tallyKey, (key, counted.tally, counted.summary))
                return .success(counted)
            } catch {
                return .failure(error)
            }
        }
    }

    /// Counts from `loaded` when it holds this plan's columns, else from a stream of the file.
    private static func measure(
        leads: LeadsSection, plan: LeadDataPlan, today: Day, byField: String?, loaded: LeadDataset?,
        options: ColumnLoadOptions
    ) throws(CommandError) -> (tally: LeadTally, summary: LeadDataSummary) {
        if let loaded, loaded.plan == plan {
            return (
                LeadTally(try LeadMeasures(leads: leads, dataset: loaded, today: today), byField: byField),
                loaded.summary
            )
        }
        return try LeadDataset.stream(plan, leads: leads, today: today, byField: byField, options: options)
    }

    /// Reading options that show progress on a terminal and stop at Ctrl-C.
    private static func options(
        for environment: any CommandEnvironment, plan: LeadDataPlan, verb: String
    ) -> ColumnLoadOptions {
        var options = ColumnLoadOptions()
        // The workers call these: the progress line is one write(2) and the interrupt flag is
        // atomic, so sharing the environment with them is safe.
        nonisolated(unsafe) let environment = environment
        let name = plan.path.split(separator: "/").last.map(String.init) ?? plan.path
        options.progress = { done, total in
            guard total > 16 << 20 else { return }
            environment.progress("\(verb) \(name): \(done * 100 / max(total, 1))% of \(DataCommands.size(total))")
        }
        options.isInterrupted = { environment.isInterrupted }
        return options
    }

    /// The database the questions run in: the one `data connect` opened, else the workbook's
    /// `leads.data.url` (connected once per session); nil when the data is a file.
    static func database(for environment: any CommandEnvironment) throws(CommandError) -> DatabaseTally.Source? {
        if let connected: DatabaseTally.Source = environment.attachments[databaseKey] { return connected }
        if environment.attachments[fileKey, as: String.self] != nil { return nil }
        let leads = try section(of: environment.workbook)
        return try database(
            url: leads.data?.url?.value, table: leads.data?.table, leads: leads,
            connector: environment.databases, attachments: environment.attachments)
    }

    /// A connection to `url`, reused while the workbook names the same one.
    static func database(
        url: String?, table: String?, leads: LeadsSection, connector: (any SQLConnector)?, attachments: Attachments
    ) throws(CommandError) -> DatabaseTally.Source? {
        guard let url else { return nil }
        let key = "leads.database.url"
        if let open: DatabaseTally.Source = attachments[key], open.url == url, open.table == (table ?? "leads") {
            return open
        }
        let source = try connect(url, table: table ?? "leads", joinTable: nil, leads: leads, connector: connector)
        attachments.set(key, source)
        return source
    }

    /// Connects to `url` for the lead questions.
    static func connect(
        _ url: String, table: String, joinTable: String?, leads: LeadsSection, connector: (any SQLConnector)?
    ) throws(CommandError) -> DatabaseTally.Source {
        if let problem = LeadData.urlProblem(url) {
            throw CommandError.usage(
                "the database must be named by \(problem), not '\(Sanitized.excerpt(url))'",
                fix: "e.g. postgresql://crm@127.0.0.1:5432/sales, the password in PGPASSWORD or ~/.pgpass")
        }
        guard let connector else {
            throw CommandError.failed(
                "this Lockstep cannot connect to databases",
                fix: "export the table as CSV and name it in leads.data.file")
        }
        do {
            let database = try connector.connect(url)
            return DatabaseTally.Source(
                database: database, url: url, table: table,
                joinTable: joinTable ?? leads.data?.join.map { SQLCommands.tableName(ofFile: $0.file) })
        } catch {
            throw CommandError.input(
                Sanitized.excerpt(error.message, limit: 300),
                fix: "check the URL, that the server runs, and PGPASSWORD or ~/.pgpass")
        }
    }

    static func section(of workbook: Workbook) throws(CommandError) -> LeadsSection {
        guard let leads = workbook.section(LeadsSection.self), !leads.stages.isEmpty else {
            throw CommandError.failed(
                "the workbook defines no lead stages",
                fix: "add stages under `leads:` (docs/workbook.md), or 'lead add ID'")
        }
        return leads
    }
}

/// What a counted answer depends on: the files and their mapping, the lead definitions as
/// written, the day (criteria may name `today`) and the field a funnel is split by.
struct TallyKey: Equatable, Sendable {
    let plan: LeadDataPlan
    let leads: String
    let today: Day
    let byField: String?

    init(plan: LeadDataPlan, leads: LeadsSection, today: Day, byField: String?) {
        self.plan = plan
        self.leads = YAMLWriter.write(leads.encode())
        self.today = today
        self.byField = byField
    }
}
