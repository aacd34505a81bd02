import LockstepCore

/// `data`, `data load`, `data problems`: the CRM export the definitions are tested on.
enum DataCommands {
    static let load = Command(
        CommandSpec(
            "data load",
            summary: "Load a CRM export (CSV) to test the lead definitions on; bad rows are counted and listed",
            arguments: [ArgumentSpec("FILE.csv", completion: .files, optional: true)],
            examples: ["data load", "data load exports/hubspot-contacts.csv"]
        )
    ) { environment, invocation in
        environment.emit(.note(summary(try LeadDataAccess.load(for: environment, file: invocation.argument(0)))))
    }

    static let connect = Command(
        CommandSpec(
            "data connect", summary: "Answer the lead questions in a PostgreSQL database holding the export as a table",
            arguments: [ArgumentSpec("URL")],
            options: [
                OptionSpec("--table", value: "NAME", summary: "the table holding the export (default leads)"),
                OptionSpec("--join-table", value: "NAME", summary: "the table of the joined export"),
            ],
            examples: [
                "data connect postgresql://crm@127.0.0.1:5432/sales",
                "data connect postgresql://crm@db/sales --table crm.leads",
            ])
    ) { environment, invocation in
        let leads = try LeadDataAccess.section(of: environment.workbook)
        let source = try LeadDataAccess.connect(
            invocation.arguments[0], table: invocation.option("--table") ?? "leads",
            joinTable: invocation.option("--join-table"),
            leads: leads, connector: environment.databases)
        let plan = try DatabaseTally.plan(leads, source: source)
        if let previous: DatabaseTally.Source = environment.attachments[LeadDataAccess.databaseKey] {
            previous.database.close()
        }
        environment.attachments.set(LeadDataAccess.databaseKey, source)
        environment.attachments.set(LeadDataAccess.fileKey, nil)
        environment.attachments.set(LeadDataAccess.tallyKey, nil)
        environment.emit(
            .note(
                "connected to \(source.database.name), table \(source.table): funnel, sla, ignored and the data rules run there"
                    + (plan.missing.isEmpty ? "" : "; no column for \(plan.missing.joined(separator: ", "))")))
    }

    static let disconnect = Command(
        CommandSpec(
            "data disconnect", summary: "Stop using the database 'data connect' opened", examples: ["data disconnect"])
    ) { environment, _ in
        guard let source: DatabaseTally.Source = environment.attachments[LeadDataAccess.databaseKey] else {
            throw CommandError.failed("no database is connected", fix: "data connect URL")
        }
        source.database.close()
        environment.attachments.set(LeadDataAccess.databaseKey, nil)
        environment.attachments.set(LeadDataAccess.tallyKey, nil)
        environment.emit(.note("disconnected from \(source.database.name)"))
    }

    static let status = Command(
        CommandSpec(
            "data", summary: "What CRM export is loaded: rows, bad rows and where each lead field comes from",
            examples: ["data"]
        )
    ) { environment, _ in
        let dataset = try LeadDataAccess.load(for: environment)
        environment.emit(.text(summary(dataset)))
        environment.emit(.table(columnsTable(dataset.plan)))
    }

    static let problems = Command(
        CommandSpec(
            "data problems",
            summary: "The rows of the CRM export that were not loaded, with their line numbers and how to fix them",
            examples: ["data problems"]
        )
    ) { environment, _ in
        let dataset = try LeadDataAccess.load(for: environment)
        guard dataset.badRowCount > 0 else {
            environment.emit(.note("every row of \(dataset.plan.path) loaded"))
            return
        }
        environment.emit(
            .table(
                Table(
                    ["line", "problem", "fix"],
                    rows: dataset.badRows.map { [.integer($0.line), .text($0.problem), .text($0.fix)] })))
        if dataset.badRowCount > dataset.badRows.count {
            environment.emit(.note("… and \(dataset.badRowCount - dataset.badRows.count) more bad rows"))
        }
    }

    static func summary(_ dataset: LeadDataSummary) -> String {
        var text =
            "loaded \(dataset.rowCount) lead\(dataset.rowCount == 1 ? "" : "s") from \(dataset.plan.path) (\(size(dataset.byteCount)))"
        if let database = dataset.database {
            text =
                "\(dataset.rowCount) lead\(dataset.rowCount == 1 ? "" : "s") in table \(dataset.plan.path) of \(database)"
        }
        if let joined = dataset.joinedRows, let join = dataset.plan.join {
            text += "; \(joined) joined with \(join.path) on \(join.key)"
        }
        if dataset.badRowCount > 0 {
            let lines = dataset.badRows.prefix(5).map { String($0.line) }.joined(separator: ", ")
            text +=
                "\n\(dataset.badRowCount) bad row\(dataset.badRowCount == 1 ? "" : "s") not loaded (line\(dataset.badRowCount == 1 ? "" : "s") \(lines)\(dataset.badRowCount > 5 ? ", …" : "")): \(dataset.badRows[0].problem)"
            text += "\n  fix: \(dataset.badRows[0].fix); 'data problems' lists every bad row"
        }
        if !dataset.plan.missing.isEmpty {
            text +=
                "\nno column for field\(dataset.plan.missing.count == 1 ? "" : "s") \(dataset.plan.missing.joined(separator: ", ")) (map one with leads.data.columns)"
        }
        return text
    }

    static func size(_ bytes: Int) -> String {
        if bytes < 1 << 20 { return "\(max(1, (bytes + 512) >> 10)) KB" }
        let megabytes = Double(bytes) / 1_048_576
        return megabytes < 10 ? "\(String(format1: megabytes)) MB" : "\(Int(megabytes.rounded())) MB"
    }

    static func columnsTable(_ plan: LeadDataPlan) -> Table {
        var rows: [[Table.Cell]] = []
        let names = [
            LeadDataPlan.stageField: "(CRM stage)", LeadDataPlan.ownerField: "(owner)",
            LeadDataPlan.keyField: "(join key)",
        ]
        for (file, loads) in [(plan.path, plan.loads), (plan.join?.path ?? "", plan.join?.loads ?? [])] {
            for load in loads {
                rows.append([
                    .text(names[load.field] ?? load.field), .text(load.type.rawValue), .text(load.column), .text(file),
                ])
            }
        }
        for field in plan.missing { rows.append([.text(field), .empty, .text("(no column)"), .empty]) }
        return Table(["field", "type", "column", "file"], rows: rows)
    }
}

extension String {
    /// One decimal place, without Foundation's formatting.
    init(format1 value: Double) {
        let tenths = Int((value * 10).rounded())
        self = "\(tenths / 10).\(abs(tenths % 10))"
    }
}
