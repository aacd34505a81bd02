import LockstepCore

/// Hand-offs measured against their first-touch SLA (counted by `LeadTally`), as tables.
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

    init(_ tally: LeadTally, leads: LeadsSection) {
        measured = tally.handoffs.compactMap { handoff in
            let stage = leads.stages[handoff.stage]
            guard let limit = stage.handoff?.firstTouchWithin else { return nil }
            var result = Measured(stage: stage, limit: limit)
            result.handedOff = handoff.handedOff
            result.breaches = handoff.breaches
            result.untouched = handoff.untouched
            result.byOwner = handoff.byOwner.mapValues { ($0.handedOff, $0.breaches, $0.untouched) }
            return result
        }
        unmeasured = tally.unmeasured
    }

    static func percent(_ share: Double) -> Table.Cell { .number((share * 1000).rounded() / 10) }

    var table: Table {
        Table(
            ["stage", "to", "first touch within", "handed off", "breaches", "breach %"],
            rows: measured.map { sla in
                [
                    .text(sla.stage.id), .text(sla.stage.handoff?.to ?? ""), .text(sla.limit.description),
                    .integer(sla.handedOff), .integer(sla.breaches), Self.percent(sla.breachShare),
                ]
            })
    }

    /// Breaches per owner, worst first.
    var ownerTable: Table? {
        let rows = measured.flatMap { sla in
            sla.byOwner.map { owner, tally in (sla.stage.id, owner, tally) }
        }.sorted { $0.2.breaches != $1.2.breaches ? $0.2.breaches > $1.2.breaches : $0.1 < $1.1 }
        guard !rows.isEmpty else { return nil }
        return Table(
            ["stage", "owner", "handed off", "breaches", "breach %"],
            rows: rows.map { stage, owner, tally in
                [
                    .text(stage), .text(owner), .integer(tally.handedOff), .integer(tally.breaches),
                    Self.percent(tally.handedOff == 0 ? 0 : Double(tally.breaches) / Double(tally.handedOff)),
                ]
            })
    }

    var ignoredTable: Table {
        Table(
            ["stage", "handed off", "no sales touch", "ignored %"],
            rows: measured.map { sla in
                [
                    .text(sla.stage.id), .integer(sla.handedOff), .integer(sla.untouched),
                    Self.percent(sla.untouchedShare),
                ]
            })
    }
}
