import LockstepCore

/// `sql QUESTION` and `export sql DIR`: the lead definitions as SQL, so a warehouse computes the
/// numbers the workshop agreed (docs/sql.md).
enum SQLCommands {
    static let questions = ["funnel", "sla", "ignored", "counts"]

    static let dialectOption = OptionSpec(
        "--dialect", value: "DIALECT", completion: .words(SQLDialect.allCases.map(\.rawValue)),
        summary: "postgres, duckdb, spark, bigquery or snowflake (default postgres)")
    static let tableOption = OptionSpec(
        "--table", value: "NAME", summary: "the table holding the export's columns (default leads)")
    static let joinOption = OptionSpec(
        "--join-table", value: "NAME", summary: "the table of the joined export (default: its file's name)")
    static let asOfOption = OptionSpec(
        "--as-of", value: "DATE", summary: "use this date for 'today' instead of the database's current date")

    static let sql = Command(
        CommandSpec(
            "sql",
            summary:
                "The SQL that computes a lead question (funnel, sla, ignored, or counts: all of them in one pass) from a table of the export",
            arguments: [ArgumentSpec("QUESTION", completion: .words(questions))],
            options: [
                dialectOption, tableOption, joinOption, asOfOption,
                OptionSpec("--by-owner", summary: "for sla: one row per owner"),
            ],
            examples: [
                "sql funnel", "sql sla --by-owner --dialect snowflake --table crm.leads",
                "sql ignored --dialect bigquery",
                "sql counts --dialect duckdb",
            ])
    ) { environment, invocation in
        let question = invocation.arguments[0]
        guard questions.contains(question) else { throw CommandError.unknown("question", question, among: questions) }
        let builder = try builder(environment, invocation)
        let text: String
        switch question {
        case "funnel": text = builder.funnel
        case "counts": text = builder.counts
        default:
            if invocation.flag("--by-owner"), !builder.plan.hasOwner {
                throw CommandError.failed(
                    "the export names no owners", fix: "set leads.data.owner to the column holding each lead's owner")
            }
            text = builder.sla(byOwner: invocation.flag("--by-owner"))
        }
        environment.emit(.text(header(question, builder) + text))
    }

    static let export = Command(
        CommandSpec(
            "export sql",
            summary: "Write one SQL view per lead stage and the funnel, or dbt models with their schema.yml",
            arguments: [ArgumentSpec("DIR", completion: .files)],
            options: [
                dialectOption, tableOption, joinOption, asOfOption,
                OptionSpec("--dbt", summary: "dbt models (select statements) and a schema.yml describing them"),
                OptionSpec("--replace", summary: "replace files an earlier export wrote"),
            ],
            examples: ["export sql warehouse/ --dialect snowflake", "export sql models/leads --dbt --dialect bigquery"])
    ) { environment, invocation in
        let builder = try builder(environment, invocation)
        let folder = invocation.arguments[0]
        let files = SQLExport.files(builder, dbt: invocation.flag("--dbt"))
        try SQLExport.write(files, into: folder, replacing: invocation.flag("--replace"))
        environment.emit(
            .note("wrote \(files.count) files to \(Sanitized.visible(folder)) (\(builder.dialect.rawValue))"))
    }

    /// The SQL builder for the workbook and the options given: the table's columns are the
    /// export's header when the file is there, else the columns the mapping names.
    private static func builder(
        _ environment: any CommandEnvironment, _ invocation: Invocation
    ) throws(CommandError) -> LeadSQL {
        let leads = try LeadDataAccess.section(of: environment.workbook)
        let name = invocation.option("--dialect") ?? "postgres"
        guard let dialect = SQLDialect(rawValue: name) else {
            throw CommandError.unknown("dialect", name, among: SQLDialect.allCases.map(\.rawValue))
        }
        var today: Day?
        if let text = invocation.option("--as-of") {
            guard let day = Day(iso: text) else {
                throw CommandError.usage(
                    "--as-of takes a date written YYYY-MM-DD, not '\(Sanitized.excerpt(text))'",
                    fix: "e.g. --as-of 2026-06-01")
            }
            today = day
        }
        let table = invocation.option("--table") ?? "leads"
        let joinTable = invocation.option("--join-table") ?? leads.data?.join.map { Self.tableName(ofFile: $0.file) }
        let plan: LeadDataPlan
        if let fromFile = try? LeadDataAccess.plan(for: environment).plan {
            plan = fromFile
        } else {
            plan = try LeadDataPlan(
                leads: leads, table: table, columns: LeadDataPlan.namedColumns(leads), joinTable: joinTable,
                joinColumns: leads.data?.join.map { _ in LeadDataPlan.namedColumns(leads) })
        }
        return LeadSQL(leads: leads, plan: plan, dialect: dialect, table: table, joinTable: joinTable, today: today)
    }

    /// `exports/closed-deals.csv` → `closed_deals`.
    static func tableName(ofFile file: String) -> String {
        let base = file.split(separator: "/").last.map(String.init) ?? file
        let stem = base.split(separator: ".").first.map(String.init) ?? base
        return String(stem.map { $0.isLetter || $0.isNumber ? $0 : "_" })
    }

    /// What the SQL assumes, said once at its top.
    static func header(_ question: String, _ builder: LeadSQL) -> String {
        "-- \(question), from the lead definitions of the workbook (\(builder.dialect.rawValue)).\n"
            + "-- The table holds the export's columns, typed as leads.fields declares them (timestamps in UTC).\n"
    }
}
