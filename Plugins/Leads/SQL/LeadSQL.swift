import LockstepCore

/// The lead questions written as SQL over a table holding the export's columns, typed as
/// `leads.fields` declares them (numbers, text, true/false, timestamps in UTC): what a warehouse
/// load of the export gives. The `leads.data` mapping is applied in the SQL: columns, empty
/// values, the CRM's stage values, the owner and the join.
struct LeadSQL {
    let leads: LeadsSection
    let plan: LeadDataPlan
    let dialect: SQLDialect
    /// The table of the export, and of the joined export.
    let table: String
    let joinTable: String?
    let today: Day?
    /// How the tables are named in FROM when not by `table` (dbt's `{{ source('crm', 'leads') }}`).
    var sourceOf: ((String) -> String)?

    /// Lead stage id → the column holding whether a row meets its criteria.
    func stageColumn(_ stage: LeadStage) -> String { dialect.identifier("meets_" + stage.id) }

    /// A text or date field's column as the table holds it: before empty text becomes NULL, or a
    /// timestamp days. Tests that read the same on it (an `IS NULL`, a text equal to a literal
    /// that is not empty) use it, so the database converts only the values a row needs.
    func raw(_ field: String) -> String { dialect.identifier("#raw:" + field) }

    /// A table name as written (`analytics.leads`): each dotted part quoted.
    func tableName(_ name: String) -> String {
        if let sourceOf { return sourceOf(name) }
        return name.split(separator: ".").map { dialect.identifier(String($0)) }.joined(separator: ".")
    }

    /// The export's rows with each field under its own name and type, empty text as NULL.
    var typedRows: String {
        var columns: [String] = []
        // Each field from the table that holds it: the export's (l), else the joined one's (j).
        let loads =
            plan.loads.map { ("l.", $0) }
            + (plan.join?.loads ?? []).filter { load in !plan.loads.contains { $0.field == load.field } }.map {
                ("j.", $0)
            }
        for (table, load) in loads where load.field != LeadDataPlan.keyField {
            let source = table + dialect.identifier(load.column)
            let typed: String
            switch load.type {
            case .number: typed = "CAST(\(source) AS \(dialect.doubleType))"
            case .bool: typed = source
            case .date: typed = dialect.days(ofTimestamp: source)
            default:
                if plan.emptyValues.isEmpty {
                    typed = "NULLIF(\(source), '')"
                } else {
                    let empty = ([""] + plan.emptyValues).map(dialect.string).joined(separator: ", ")
                    typed = "CASE WHEN \(source) IN (\(empty)) THEN NULL ELSE \(source) END"
                }
            }
            columns.append("    \(typed) AS \(dialect.identifier(load.field))")
            if load.type == .date || load.type == .string { columns.append("    \(source) AS \(raw(load.field))") }
        }
        var sql = "  SELECT\n" + columns.joined(separator: ",\n") + "\n  FROM \(tableName(table)) AS l"
        if let join = plan.join, let joinTable {
            // One row of the joined table per key, so no lead is counted twice. The evaluator
            // takes the first in the file; a table has no order, so its keys should be unique.
            let key = dialect.identifier(join.key)
            sql +=
                "\n  LEFT JOIN (\n    SELECT *, ROW_NUMBER() OVER (PARTITION BY \(key) ORDER BY \(key)) AS lockstep_row"
                + "\n    FROM \(tableName(joinTable))\n  ) AS j ON j.\(key) = l.\(key) AND j.lockstep_row = 1"
        }
        return sql
    }

    /// Each stage's criteria as SQL, by stage id: to tell which criteria a database's error is in.
    var conditions: [(stage: String, sql: String)] { stagedRows.conditions }

    /// Each stage's criteria as a column, in stage order (a later stage may name an earlier one).
    var stagedRows: (ctes: [String], last: String, conditions: [(stage: String, sql: String)]) {
        let types = Dictionary(
            (plan.loads + (plan.join?.loads ?? [])).map { ($0.field, $0.type) }, uniquingKeysWith: { first, _ in first }
        )
        var ctes = ["typed AS (\n\(typedRows)\n)"]
        var previous = "typed"
        var names: [String: String] = [:]
        var conditions: [(stage: String, sql: String)] = []
        let checker = ExpressionChecker(schema: leads.expressionSchema)
        for (index, stage) in leads.stages.enumerated() {
            let condition: String
            if let criteria = stage.criteria, let checked = try? checker.checkCondition(criteria.value, named: stage.id)
            {
                let written = checked.keepingReferences
                var criteria = CriteriaSQL(dialect: dialect, fields: types, stages: names, today: today)
                criteria.emptyValues = Set([""] + plan.emptyValues)
                for (field, type) in types where type == .string { criteria.rawText[field] = raw(field) }
                condition = criteria.stageCondition(written.root)
            } else {
                condition = "TRUE"
            }
            conditions.append((stage.id, condition))
            let name = "stage_\(index + 1)"
            ctes.append("\(name) AS (\n  SELECT *, \(condition) AS \(stageColumn(stage))\n  FROM \(previous)\n)")
            names[stage.id] = stageColumn(stage)
            previous = name
        }
        return (ctes, previous, conditions)
    }

    /// The lead stage the CRM records for `column`'s value: its index among the stages, or -1.
    func recordedStage(of column: String) -> String {
        guard plan.hasStage else { return "-2" }
        let value = dialect.normalized(column)
        let cases = leads.stages.enumerated().compactMap { index, stage in
            plan.stageValues[stage.id].map { "WHEN \(dialect.string($0)) THEN \(index)" }
        }
        return cases.isEmpty ? "-1" : "CASE \(value) \(cases.joined(separator: " ")) ELSE -1 END"
    }

    func with(_ ctes: [String], _ select: String) -> String {
        "WITH " + ctes.joined(separator: ",\n") + "\n" + select + "\n"
    }

    /// `funnel`: per stage, rows meeting it, and (with a stage column) at it in the CRM, of those
    /// not meeting it, and meeting it while the CRM has them earlier.
    var funnel: String {
        let (ctes, last, _) = stagedRows
        var sums: [(String, String)] = [("n", "total")]
        for index in leads.stages.indices {
            sums += [
                ("CASE WHEN s\(index) THEN n ELSE 0 END", "m\(index)"),
                ("CASE WHEN recorded = \(index) THEN n ELSE 0 END", "r\(index)"),
                ("CASE WHEN recorded = \(index) AND NOT s\(index) THEN n ELSE 0 END", "n\(index)"),
                ("CASE WHEN recorded >= 0 AND recorded < \(index) AND s\(index) THEN n ELSE 0 END", "e\(index)"),
            ]
        }
        // The CRM's value is normalized once per group, not once per row.
        let measured = "measured AS (\n  SELECT *, \(recordedStage(of: "crm")) AS recorded\n  FROM grouped\n)"
        let totals = sums.map { "COALESCE(SUM(\($0.0)), 0) AS \($0.1)" }.joined(separator: ", ")
        let counts = "counts AS (\n  SELECT \(totals)\n  FROM measured\n)"
        let rows = leads.stages.enumerated().map { index, stage in
            let mapped = plan.hasStage && plan.stageValues[stage.id] != nil
            let recorded = mapped ? ["r\(index)", "n\(index)", "e\(index)"] : ["NULL", "NULL", "NULL"]
            return
                "SELECT \(index) AS position, \(dialect.string(stage.id)) AS stage, \(dialect.string(stage.name)) AS name, "
                + "m\(index) AS meets, \(recorded[0]) AS crm_stage_now, \(recorded[1]) AS at_it_not_meeting, "
                + "\(recorded[2]) AS meeting_crm_has_earlier FROM counts"
        }
        return with(
            ctes + [grouped(last), measured, counts], rows.joined(separator: "\nUNION ALL\n") + "\nORDER BY position")
    }

    /// Every count behind `funnel`, `sla` and `ignored` in one pass: the grouped rows below, what
    /// Lockstep itself asks a database for.
    var counts: String {
        let (ctes, last, _) = stagedRows
        return with(ctes + [grouped(last)], "SELECT * FROM grouped")
    }

    /// The rows counted by the CRM's stage value (`crm`) and which stages they meet (`s0`, `s1`…),
    /// with, per measurable hand-off, those handed over (`h0`), breaching its SLA (`b0`) and never
    /// touched (`u0`): one pass over the table that every count of the funnel and the SLA sums up.
    func grouped(_ last: String) -> String {
        // Grouped on its raw text (an empty value counted as none by the reader of the groups)
        // unless the export has words for empty, which only the typed column knows.
        let stage =
            plan.emptyValues.isEmpty ? raw(LeadDataPlan.stageField) : dialect.identifier(LeadDataPlan.stageField)
        let crm = plan.hasStage ? stage : "CAST(NULL AS \(textType))"
        var columns = ["\(crm) AS crm"]
        var keys = ["crm"]
        for (index, stage) in leads.stages.enumerated() {
            // A stage every row meets is no key to group by.
            guard stage.criteria != nil else {
                columns.append("TRUE AS s\(index)")
                continue
            }
            columns.append("\(stageColumn(stage)) AS s\(index)")
            keys.append("s\(index)")
        }
        columns.append("COUNT(*) AS n")
        for (position, handoff) in handoffs.enumerated() {
            let (handed, breach, untouched) = slaTests(handoff)
            columns += [
                "\(dialect.count(handed)) AS h\(position)", "\(dialect.count(breach)) AS b\(position)",
                "\(dialect.count(untouched)) AS u\(position)",
            ]
        }
        return
            "grouped AS (\n  SELECT \(columns.joined(separator: ", "))\n  FROM \(last)\n  GROUP BY \(keys.joined(separator: ", "))\n)"
    }

    var textType: String {
        switch dialect {
        case .bigquery: return "STRING"
        case .spark: return "STRING"
        default: return "VARCHAR"
        }
    }

    /// The hand-off stages that can be measured: criteria, an entered date and a first touch.
    var handoffs: [(index: Int, stage: LeadStage, limit: WorkbookDuration, entered: String)] {
        guard let firstTouch = leads.data?.firstTouch?.value, hasField(firstTouch, .date) else { return [] }
        return leads.stages.enumerated().compactMap { index, stage in
            guard let limit = stage.handoff?.firstTouchWithin,
                let entered = leads.data?.entered.first(where: { $0.key.value == stage.id })?.value.value,
                hasField(entered, .date)
            else { return nil }
            return (index, stage, limit, entered)
        }
    }

    private func hasField(_ field: String, _ type: FieldType) -> Bool {
        (plan.loads + (plan.join?.loads ?? [])).contains { $0.field == field && $0.type == type }
    }

    /// `sla` (and `ignored`): per hand-off stage, leads handed over, breaches of the first-touch
    /// SLA and leads never touched; `byOwner` splits them by the owner column.
    func sla(byOwner: Bool) -> String {
        let (ctes, last, _) = stagedRows
        let owner = "COALESCE(\(dialect.identifier(LeadDataPlan.ownerField)), \(dialect.string("(no owner)")))"
        let selects = handoffs.map { handoff in
            let (handed, breach, untouched) = slaTests(handoff)
            return "SELECT \(handoff.index) AS position, \(dialect.string(handoff.stage.id)) AS stage, "
                + (byOwner ? "\(owner) AS owner, " : "")
                + "\(dialect.string(handoff.limit.description)) AS first_touch_within, "
                + "\(dialect.tally(handed)) AS handed_off, \(dialect.tally(breach)) AS breaches, "
                + "\(dialect.tally(untouched)) AS untouched FROM \(last)"
                + (byOwner ? " GROUP BY \(owner)" : "")
        }
        let body = selects.isEmpty ? "SELECT NULL AS stage WHERE 1 = 0" : selects.joined(separator: "\nUNION ALL\n")
        return with(ctes, body + "\nORDER BY position" + (byOwner ? ", breaches DESC, owner" : ""))
    }

    /// A hand-off's rows handed over, breaching its first-touch SLA, and never touched. Whether a
    /// date is there is asked of its raw column; only a row handed over has its dates converted.
    private func slaTests(
        _ handoff: (index: Int, stage: LeadStage, limit: WorkbookDuration, entered: String)
    ) -> (handed: String, breach: String, untouched: String) {
        let firstTouch = leads.data?.firstTouch?.value ?? ""
        let touch = dialect.identifier(firstTouch)
        let handed = "\(stageColumn(handoff.stage)) AND \(raw(handoff.entered)) IS NOT NULL"
        let limitDays = dialect.number(Double(handoff.limit.seconds) / 86_400)
        let entered = dialect.identifier(handoff.entered)
        return (
            handed, "\(handed) AND (\(raw(firstTouch)) IS NULL OR \(touch) - \(entered) > \(limitDays))",
            "\(handed) AND \(raw(firstTouch)) IS NULL"
        )
    }

    /// One view per lead stage: the export's rows that meet its criteria, with every field.
    func stageView(_ stage: LeadStage) -> String {
        let (ctes, last, _) = stagedRows
        let fields = (plan.loads + (plan.join?.loads ?? [])).map(\.field).filter { !$0.hasPrefix("#") }
        let columns = fields.map(dialect.identifier).joined(separator: ", ")
        return with(ctes, "SELECT \(columns.isEmpty ? "*" : columns)\nFROM \(last)\nWHERE \(stageColumn(stage))")
    }
}
