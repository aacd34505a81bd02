import LockstepCore

/// How many leads meet each stage's definition, beside how many the CRM recorded at that stage.
struct Funnel {
    struct Row {
        var stage: LeadStage
        var meets: Int
        /// nil when the export records no stage, or no CRM value is mapped to this stage.
        var recorded: Int?
        /// Recorded at this stage by the CRM, yet not meeting its criteria.
        var recordedNotMeeting: Int?
        /// Meeting the criteria, yet recorded by the CRM at an earlier lead stage.
        var meetingRecordedEarlier: Int?
    }

    let rows: [Row]
    let total: Int
    /// Rows per value of the CRM's stage column, most frequent first.
    let values: [(value: String, count: Int)]

    init(_ measures: LeadMeasures) {
        let recorded = measures.recordedStage
        let stages = measures.leads.stages
        total = measures.dataset.rowCount
        rows = stages.enumerated().map { index, stage in
            let meets = measures.meets[index]
            var row = Row(stage: stage, meets: meets.lazy.filter { $0 }.count)
            let mapped = measures.dataset.plan.stageValues[stage.id] != nil
            if measures.dataset.plan.hasStage, mapped {
                var exact = 0, notMeeting = 0, earlier = 0
                for (position, at) in recorded.enumerated() {
                    if at == index {
                        exact += 1
                        if !meets[position] { notMeeting += 1 }
                    } else if at >= 0, at < index, meets[position] {
                        earlier += 1
                    }
                }
                row.recorded = exact
                row.recordedNotMeeting = notMeeting
                row.meetingRecordedEarlier = earlier
            }
            return row
        }
        if case .string(let codes, let names)? = measures.dataset.frame.columns[LeadDataPlan.stageField] {
            var counts = Array(repeating: 0, count: names.count)
            var empty = 0
            for code in codes { if code < 0 { empty += 1 } else { counts[Int(code)] += 1 } }
            var values = zip(names, counts).map { (value: $0, count: $1) }
            if empty > 0 { values.append((value: "(empty)", count: empty)) }
            self.values = values.filter { $0.count > 0 }.sorted { $0.count != $1.count ? $0.count > $1.count : $0.value < $1.value }
        } else {
            values = []
        }
    }

    var table: Table {
        let withCRM = rows.contains { $0.recorded != nil }
        // "meets criteria" counts every lead that reaches the stage (so later stages count within
        // earlier ones); "CRM stage now" counts the leads the CRM has at exactly this stage today.
        var titles = ["stage", "name", "meets criteria (cumulative)"]
        if withCRM { titles += ["CRM stage now", "at it now, not meeting", "meeting, CRM has earlier"] }
        return Table(titles, rows: rows.map { row in
            var cells: [Table.Cell] = [.text(row.stage.id), .text(row.stage.name), .integer(row.meets)]
            if withCRM {
                cells += [row.recorded, row.recordedNotMeeting, row.meetingRecordedEarlier].map { $0.map(Table.Cell.integer) ?? .empty }
            }
            return cells
        })
    }

    var valuesTable: Table {
        Table(["CRM stage value", "rows"], rows: values.map { [.text($0.value), .integer($0.count)] })
    }
}
