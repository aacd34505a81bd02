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
        let sql = LeadSQL(
            leads: leads, plan: plan, dialect: SQLDialect(rawValue: source.database.dialect) ?? .postgres,
            table: source.table,
            joinTable: source.joinTable, today: today)
        let stages = leads.stages
        let dialect = sql.dialect
        var tally = LeadTally(stages: stages.count)
        let handoffs = sql.handoffs
        tally.handoffs = handoffs.map { LeadTally.Handoff(stage: $0.index) }
        // One pass: the rows grouped by the CRM's value and the stages they meet; the sums and the
        // CRM's value normalized as the evaluator does it are worked out here, over the groups.
        for group in try rows(sql, sql.counts, source) {
            let n = group["n"]?.integer ?? 0
            let meets = stages.indices.map { group["s\($0)"] == .bool(true) }
            let value = group["crm"]?.text.flatMap { $0.isEmpty ? nil : $0 }
            let normalized = value.map(LeadDataPlan.normalized)
            let recorded = normalized.flatMap { value in stages.firstIndex { plan.stageValues[$0.id] == value } } ?? -1
            tally.rows += n
            if plan.hasStage {
                if let value { tally.stageValues[value, default: 0] += n } else { tally.emptyStageValues += n }
            }
            for index in stages.indices {
                if meets[index] { tally.meets[index] += n }
                if plan.hasStage, plan.stageValues[stages[index].id] != nil {
                    if recorded == index {
                        tally.recorded[index] += n
                        if !meets[index] { tally.recordedNotMeeting[index] += n }
                    } else if recorded >= 0, recorded < index, meets[index] {
                        tally.meetingRecordedEarlier[index] += n
                    }
                }
                for earlier in 0..<index where meets[index] && !meets[earlier] {
                    tally.notNarrowing[index][earlier] += n
                }
            }
            for position in handoffs.indices {
                tally.handoffs[position].handedOff += group["h\(position)"]?.integer ?? 0
                tally.handoffs[position].breaches += group["b\(position)"]?.integer ?? 0
                tally.handoffs[position].untouched += group["u\(position)"]?.integer ?? 0
            }
        }
        tally.unmeasured = unmeasured(leads, measured: handoffs.map(\.index))
        if plan.hasOwner, !handoffs.isEmpty {
            for owner in try rows(sql, sql.sla(byOwner: true), source) {
                guard let position = owner["position"]?.integer,
                    let index = tally.handoffs.firstIndex(where: { $0.stage == position }),
                    let name = owner["owner"]?.text
                else { continue }
                tally.handoffs[index].byOwner[name] = LeadTally.Counts(
                    handedOff: owner["handed_off"]?.integer ?? 0, breaches: owner["breaches"]?.integer ?? 0,
                    untouched: owner["untouched"]?.integer ?? 0)
            }
        }
        if let byField {
            let (ctes, last, _) = sql.stagedRows
            let field = dialect.identifier(byField)
            let perStage = stages.enumerated().map { "\(dialect.tally(sql.stageColumn($1))) AS s\($0)" }
            for value in try rows(
                sql,
                sql.with(
                    ctes,
                    "SELECT \(field) AS value, \(perStage.joined(separator: ", "))\nFROM \(last) GROUP BY \(field)"),
                source)
            {
                let counts = stages.indices.map { value["s\($0)"]?.integer ?? 0 }
                guard counts.contains(where: { $0 > 0 }) else { continue }
                tally.byValue[value["value"]?.text ?? "(empty)", default: Array(repeating: 0, count: stages.count)].add(
                    counts)
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
            guard let criteria = stage.criteria,
                let checked = try? checker.checkCondition(criteria.value, named: stage.id)
            else { continue }
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
            if handoff.firstTouchWithin == nil {
                return "\(stage.id): the hand-off has no first_touch_within to measure against"
            }
            if leads.data?.entered.contains(where: { $0.key.value == stage.id }) != true {
                return "\(stage.id): leads.data.entered names no date field for it (entered: { \(stage.id): FIELD })"
            }
            return "\(stage.id): leads.data.first_touch names no date field of the first sales touch"
        }
    }

    /// The rows of one query, its errors in the user's words: the database's message, and the
    /// lead stage whose criteria it points into when it gives a position there.
    private static func rows(
        _ sql: LeadSQL, _ query: String, _ source: Source
    ) throws(CommandError) -> [[String: SQLValue]] {
        do {
            return try source.database.rows(query)
        } catch {
            var message = "\(source.database.name) could not answer: \(Sanitized.excerpt(error.message, limit: 300))"
            if let position = error.position, let stage = stage(at: position, in: query, conditions: sql.conditions) {
                message += " (in the criteria of lead stage '\(stage)')"
            }
            throw CommandError.input(
                message,
                fix:
                    "check that table \(source.table) holds the export's columns, typed as leads.fields declares them (docs/sql.md)"
            )
        }
    }

    /// The stage whose criteria hold character `position` (1-based) of `query`.
    static func stage(at position: Int, in query: String, conditions: [(stage: String, sql: String)]) -> String? {
        let characters = Array(query)
        for (stage, condition) in conditions {
            let pattern = Array(condition)
            guard !pattern.isEmpty, pattern.count <= characters.count else { continue }
            for start in 0...(characters.count - pattern.count) where characters[start] == pattern[0] {
                if Array(characters[start..<(start + pattern.count)]) == pattern,
                    (start + 1)...(start + pattern.count) ~= position
                {
                    return stage
                }
            }
        }
        return nil
    }

    private static func ask<Value>(
        _ source: Source, _ work: () throws(SQLDatabaseError) -> Value
    ) throws(CommandError) -> Value {
        do {
            return try work()
        } catch {
            throw CommandError.input(
                "\(source.database.name) could not answer: \(Sanitized.excerpt(error.message, limit: 300))",
                fix: "check the connection and the table's name")
        }
    }
}
