import LockstepCore

/// The counts of `LeadTally` worked out by a database: the same questions, asked as SQL of the
/// table that holds the export, so `funnel`, `sla` and the data rules read the same as on a CSV.
enum DatabaseTally {
    /// Where the data is: a connection, and the tables of the export and of the joined one.
    struct Source: Sendable {
        let database: any SQLDatabase
        let url: String
        let table: String
        let joinTable: String?
    }

    /// The plan of `source`'s table, from its columns.
    static func plan(_ leads: LeadsSection, source: Source) throws(CommandError) -> LeadDataPlan {
        let columns = try ask(source) { () throws(SQLDatabaseError) in try source.database.columns(of: source.table) }
        guard !columns.isEmpty else {
            throw CommandError.input(
                "\(source.database.name) has no table '\(Sanitized.excerpt(source.table))'",
                fix: "name the table that holds the export: data connect URL --table NAME, or leads.data.table")
        }
        var joinColumns: [String]?
        if let joinTable = source.joinTable, leads.data?.join != nil {
            joinColumns = try ask(source) { () throws(SQLDatabaseError) in try source.database.columns(of: joinTable) }
        }
        return try LeadDataPlan(
            leads: leads, table: source.table, columns: columns, joinTable: source.joinTable, joinColumns: joinColumns)
    }

    static func measure(
        _ leads: LeadsSection, plan: LeadDataPlan, source: Source, today: Day, byField: String?
    ) throws(CommandError) -> (tally: LeadTally, summary: LeadDataSummary) {
        try requireColumns(leads, plan: plan)
        let sql = LeadSQL(leads: leads, plan: plan, dialect: .postgres, table: source.table, joinTable: source.joinTable, today: today)
        let (ctes, last, _) = sql.stagedRows
        let stages = leads.stages
        let dialect = sql.dialect
        var tally = LeadTally(stages: stages.count)
        // One pass for every count; names are positions, so no workbook text becomes a column name.
        var sums = ["COUNT(*) AS total"]
        for (index, stage) in stages.enumerated() {
            let meets = sql.stageColumn(stage)
            sums += [
                "\(dialect.tally(meets)) AS m\(index)", "\(dialect.tally("recorded = \(index)")) AS r\(index)",
                "\(dialect.tally("recorded = \(index) AND NOT \(meets)")) AS n\(index)",
                "\(dialect.tally("recorded >= 0 AND recorded < \(index) AND \(meets)")) AS e\(index)",
            ]
            for earlier in 0..<index {
                sums.append("\(dialect.tally("\(meets) AND NOT \(sql.stageColumn(stages[earlier]))")) AS nn\(index)_\(earlier)")
            }
        }
        let handoffs = sql.handoffs
        let touch = dialect.identifier(leads.data?.firstTouch?.value ?? "")
        for (position, handoff) in handoffs.enumerated() {
            let entered = dialect.identifier(handoff.entered)
            let handed = "\(sql.stageColumn(handoff.stage)) AND \(entered) IS NOT NULL"
            let limitDays = dialect.number(Double(handoff.limit.seconds) / 86_400)
            sums += [
                "\(dialect.tally(handed)) AS h\(position)",
                "\(dialect.tally("\(handed) AND (\(touch) IS NULL OR \(touch) - \(entered) > \(limitDays))")) AS b\(position)",
                "\(dialect.tally("\(handed) AND \(touch) IS NULL")) AS u\(position)",
            ]
        }
        let measured = "measured AS (\n  SELECT *, \(sql.recordedStage) AS recorded\n  FROM \(last)\n)"
        let counts = try rows(sql, sql.with(ctes + [measured], "SELECT \(sums.joined(separator: ", "))\nFROM measured"), source)
        guard let row = counts.first else { throw CommandError.failed("\(source.database.name) answered no row", fix: nil) }
        func number(_ name: String) -> Int { row[name]?.integer ?? 0 }
        tally.rows = number("total")
        for index in stages.indices {
            tally.meets[index] = number("m\(index)")
            if plan.hasStage, plan.stageValues[stages[index].id] != nil {
                tally.recorded[index] = number("r\(index)")
                tally.recordedNotMeeting[index] = number("n\(index)")
                tally.meetingRecordedEarlier[index] = number("e\(index)")
            }
            for earlier in 0..<index { tally.notNarrowing[index][earlier] = number("nn\(index)_\(earlier)") }
        }
        tally.handoffs = handoffs.enumerated().map { position, handoff in
            var counted = LeadTally.Handoff(stage: handoff.index)
            counted.handedOff = number("h\(position)")
            counted.breaches = number("b\(position)")
            counted.untouched = number("u\(position)")
            return counted
        }
        tally.unmeasured = unmeasured(leads, measured: handoffs.map(\.index))
        if plan.hasStage {
            let stage = dialect.identifier(LeadDataPlan.stageField)
            for value in try rows(sql, sql.with([ctes[0]], "SELECT \(stage) AS value, COUNT(*) AS n FROM typed GROUP BY \(stage)"), source) {
                guard let count = value["n"]?.integer else { continue }
                if let text = value["value"]?.text { tally.stageValues[text, default: 0] += count } else { tally.emptyStageValues += count }
            }
        }
        if plan.hasOwner, !handoffs.isEmpty {
            for owner in try rows(sql, sql.sla(byOwner: true), source) {
                guard let position = owner["position"]?.integer,
                    let index = tally.handoffs.firstIndex(where: { $0.stage == position }), let name = owner["owner"]?.text
                else { continue }
                tally.handoffs[index].byOwner[name] = LeadTally.Counts(
                    handedOff: owner["handed_off"]?.integer ?? 0, breaches: owner["breaches"]?.integer ?? 0,
                    untouched: owner["untouched"]?.integer ?? 0)
            }
        }
        if let byField {
            let field = dialect.identifier(byField)
            let perStage = stages.enumerated().map { "\(dialect.tally(sql.stageColumn($1))) AS s\($0)" }
            for value in try rows(sql, sql.with(ctes, "SELECT \(field) AS value, \(perStage.joined(separator: ", "))\nFROM \(last) GROUP BY \(field)"), source) {
                let counts = stages.indices.map { value["s\($0)"]?.integer ?? 0 }
                guard counts.contains(where: { $0 > 0 }) else { continue }
                tally.byValue[value["value"]?.text ?? "(empty)", default: Array(repeating: 0, count: stages.count)].add(counts)
            }
        }
        let summary = LeadDataSummary(
            plan: plan, rowCount: tally.rows, badRows: [], badRowCount: 0, byteCount: 0, joinedRows: nil,
            database: source.database.name)
        return (tally, summary)
    }

    /// Refuses criteria that name a field the table has no column for, as the evaluator does.
    private static func requireColumns(_ leads: LeadsSection, plan: LeadDataPlan) throws(CommandError) {
        let fields = Set((plan.loads + (plan.join?.loads ?? [])).map(\.field))
        let checker = ExpressionChecker(schema: leads.expressionSchema)
        for stage in leads.stages {
            guard let criteria = stage.criteria, let checked = try? checker.checkCondition(criteria.value, named: stage.id) else { continue }
            if let field = checked.types.keys.filter({ !fields.contains($0) }).sorted().first {
                throw CommandError.input(
                    "the criteria of lead stage '\(stage.id)' use field '\(field)', which table \(plan.path) has no column for",
                    fix: "map it: add `columns: { \(field): COLUMN }` under leads.data ('data' shows the mapping)")
            }
        }
    }

    /// Why each hand-off stage that could not be measured was not, as `LeadTally` says it.
    private static func unmeasured(_ leads: LeadsSection, measured: [Int]) -> [String] {
        leads.stages.enumerated().compactMap { index, stage in
            guard let handoff = stage.handoff, !measured.contains(index) else { return nil }
            if handoff.firstTouchWithin == nil { return "\(stage.id): the hand-off has no first_touch_within to measure against" }
            if leads.data?.entered.contains(where: { $0.key.value == stage.id }) != true {
                return "\(stage.id): leads.data.entered names no date field for it (entered: { \(stage.id): FIELD })"
            }
            return "\(stage.id): leads.data.first_touch names no date field of the first sales touch"
        }
    }

    /// The rows of one query, its errors in the user's words: the database's message, and the
    /// lead stage whose criteria it points into when it gives a position there.
    private static func rows(_ sql: LeadSQL, _ query: String, _ source: Source) throws(CommandError) -> [[String: SQLValue]] {
        do {
            return try source.database.rows(query)
        } catch {
            var message = "\(source.database.name) could not answer: \(Sanitized.excerpt(error.message, limit: 300))"
            if let position = error.position, let stage = stage(at: position, in: query, conditions: sql.conditions) {
                message += " (in the criteria of lead stage '\(stage)')"
            }
            throw CommandError.input(message, fix: "check that table \(source.table) holds the export's columns, typed as leads.fields declares them (docs/sql.md)")
        }
    }

    /// The stage whose criteria hold character `position` (1-based) of `query`.
    static func stage(at position: Int, in query: String, conditions: [(stage: String, sql: String)]) -> String? {
        let characters = Array(query)
        for (stage, condition) in conditions {
            let pattern = Array(condition)
            guard !pattern.isEmpty, pattern.count <= characters.count else { continue }
            for start in 0...(characters.count - pattern.count) where characters[start] == pattern[0] {
                if Array(characters[start..<(start + pattern.count)]) == pattern, (start + 1)...(start + pattern.count) ~= position {
                    return stage
                }
            }
        }
        return nil
    }

    private static func ask<Value>(_ source: Source, _ work: () throws(SQLDatabaseError) -> Value) throws(CommandError) -> Value {
        do {
            return try work()
        } catch {
            throw CommandError.input(
                "\(source.database.name) could not answer: \(Sanitized.excerpt(error.message, limit: 300))",
                fix: "check the connection and the table's name")
        }
    }
}
