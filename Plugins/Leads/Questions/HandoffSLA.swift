import LockstepCore

/// Hand-offs measured against their first-touch SLA: a lead that meets a hand-off stage's
/// criteria and has the date it entered that stage was handed over; it breached the SLA when
/// its first sales touch is missing or came later than `first_touch_within`.
struct HandoffSLA {
    struct Measured {
        var stage: LeadStage
        var limit: WorkbookDuration
        var handedOff = 0
        var breaches = 0
        /// Never touched at all: the "ignored" leads.
        var untouched = 0
        /// owner → (handed off, breaches, untouched)
        var byOwner: [String: (handedOff: Int, breaches: Int, untouched: Int)] = [:]

        var breachShare: Double { handedOff == 0 ? 0 : Double(breaches) / Double(handedOff) }
        var untouchedShare: Double { handedOff == 0 ? 0 : Double(untouched) / Double(handedOff) }
    }

    /// Stages that hand leads over and could be measured.
    let measured: [Measured]
    /// Why a hand-off stage could not be measured, one line each.
    let unmeasured: [String]

    init(_ measures: LeadMeasures) {
        var measured: [Measured] = []
        var unmeasured: [String] = []
        let firstTouch = measures.firstTouchColumn
        for (index, stage) in measures.leads.stages.enumerated() {
            guard let handoff = stage.handoff else { continue }
            guard let limit = handoff.firstTouchWithin else {
                unmeasured.append("\(stage.id): the hand-off has no first_touch_within to measure against")
                continue
            }
            guard let entered = measures.enteredColumn(of: stage) else {
                unmeasured.append("\(stage.id): leads.data.entered names no date field for it (entered: { \(stage.id): FIELD })")
                continue
            }
            guard let firstTouch else {
                unmeasured.append("\(stage.id): leads.data.first_touch names no date field of the first sales touch")
                continue
            }
            var result = Measured(stage: stage, limit: limit)
            let meets = measures.meets[index]
            let limitDays = Double(limit.seconds) / 86_400
            let owners = measures.owners
            for row in 0..<meets.count where meets[row] && !entered[row].isNaN {
                let touched = firstTouch[row]
                let untouched = touched.isNaN
                let breach = untouched || touched - entered[row] > limitDays
                result.handedOff += 1
                if breach { result.breaches += 1 }
                if untouched { result.untouched += 1 }
                if let owners {
                    let code = owners.codes[row]
                    let owner = code < 0 ? "(no owner)" : owners.names[Int(code)]
                    var tally = result.byOwner[owner] ?? (0, 0, 0)
                    tally.handedOff += 1
                    if breach { tally.breaches += 1 }
                    if untouched { tally.untouched += 1 }
                    result.byOwner[owner] = tally
                }
            }
            measured.append(result)
        }
        self.measured = measured
        self.unmeasured = unmeasured
    }

    static func percent(_ share: Double) -> Table.Cell { .number((share * 1000).rounded() / 10) }

    var table: Table {
        Table(["stage", "to", "first touch within", "handed off", "breaches", "breach %"], rows: measured.map { sla in
            [.text(sla.stage.id), .text(sla.stage.handoff?.to ?? ""), .text(sla.limit.description),
             .integer(sla.handedOff), .integer(sla.breaches), Self.percent(sla.breachShare)]
        })
    }

    /// Breaches per owner, worst first.
    var ownerTable: Table? {
        let rows = measured.flatMap { sla in
            sla.byOwner.map { owner, tally in (sla.stage.id, owner, tally) }
        }.sorted { $0.2.breaches != $1.2.breaches ? $0.2.breaches > $1.2.breaches : $0.1 < $1.1 }
        guard !rows.isEmpty else { return nil }
        return Table(["stage", "owner", "handed off", "breaches", "breach %"], rows: rows.map { stage, owner, tally in
            [.text(stage), .text(owner), .integer(tally.handedOff), .integer(tally.breaches),
             Self.percent(tally.handedOff == 0 ? 0 : Double(tally.breaches) / Double(tally.handedOff))]
        })
    }

    var ignoredTable: Table {
        Table(["stage", "handed off", "no sales touch", "ignored %"], rows: measured.map { sla in
            [.text(sla.stage.id), .integer(sla.handedOff), .integer(sla.untouched), Self.percent(sla.untouchedShare)]
        })
    }
}
