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

    init(_ tally: LeadTally, leads: LeadsSection, plan: LeadDataPlan) {
        total = tally.rows
        rows = leads.stages.enumerated().map { index, stage in
            var row = Row(stage: stage, meets: tally.meets[index])
            if plan.hasStage, plan.stageValues[stage.id] != nil {
                row.recorded = tally.recorded[index]
                row.recordedNotMeeting = tally.recordedNotMeeting[index]
                row.meetingRecordedEarlier = tally.meetingRecordedEarlier[index]
            }
            return row
        }
        var values = tally.stageValues.map { (value: $0.key, count: $0.value) }
        if tally.emptyStageValues > 0 { values.append((value: "(empty)", count: tally.emptyStageValues)) }
        self.values = values.sorted { $0.count != $1.count ? $0.count > $1.count : $0.value < $1.value }
    }

    var table: Table {
        let withCRM = rows.contains { $0.recorded != nil }
        // "meets criteria" counts every lead that reaches the stage (so later stages count within
        // earlier ones); "CRM stage now" counts the leads the CRM has at exactly this stage today.
        var titles = ["stage", "name", "meets criteria (cumulative)"]
        if withCRM { titles += ["CRM stage now", "at it now, not meeting", "meeting, CRM has earlier"] }
        return Table(
            titles,
            rows: rows.map { row in
                var cells: [Table.Cell] = [.text(row.stage.id), .text(row.stage.name), .integer(row.meets)]
                if withCRM {
                    cells += [row.recorded, row.recordedNotMeeting, row.meetingRecordedEarlier].map {
                        $0.map(Table.Cell.integer) ?? .empty
                    }
                }
                return cells
            })
    }

    var valuesTable: Table {
        Table(["CRM stage value", "rows"], rows: values.map { [.text($0.value), .integer($0.count)] })
    }
}
