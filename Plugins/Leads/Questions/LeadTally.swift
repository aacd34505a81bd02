import LockstepCore

/// How an export was read: what `data` says about it, whether its columns were kept or it was
/// streamed.
struct LeadDataSummary: Sendable {
    let plan: LeadDataPlan
    let rowCount: Int
    let badRows: [BadRow]
    let badRowCount: Int
    let byteCount: Int
    /// With a join: how many rows found a partner in the joined export.
    let joinedRows: Int?
    /// The database the rows were counted in, when they were not read from a file.
    var database: String? = nil
}

/// The workbook's lead definitions counted over an export: everything `funnel`, `sla`,
/// `ignored`, `funnel --by` and the data rules (LD006–LD008) report, kept as sums, so that the
/// batches of a streamed export add up to the whole and no row is kept.
struct LeadTally: Sendable, Equatable {
    struct Handoff: Sendable, Equatable {
        /// The hand-off stage's index among the lead stages.
        var stage: Int
        var handedOff = 0
        var breaches = 0
        /// Never touched at all: the "ignored" leads.
        var untouched = 0
        /// owner → counts, when the export names owners.
        var byOwner: [String: Counts] = [:]
    }

    struct Counts: Sendable, Equatable {
        var handedOff = 0, breaches = 0, untouched = 0
    }

    var rows = 0
    /// Per lead stage: rows meeting its criteria.
    var meets: [Int]
    /// Per lead stage: rows the CRM has at it now; of those, not meeting it; and rows meeting it
    /// that the CRM has at an earlier stage.
    var recorded: [Int], recordedNotMeeting: [Int], meetingRecordedEarlier: [Int]
    /// Rows per value of the CRM's stage column, and rows with none.
    var stageValues: [String: Int] = [:]
    var emptyStageValues = 0
    /// `[later][earlier]`: rows meeting the later stage's criteria but not the earlier's.
    var notNarrowing: [[Int]]
    /// The hand-offs that can be measured, in stage order.
    var handoffs: [Handoff] = []
    /// Why a hand-off stage could not be measured, one line each.
    var unmeasured: [String] = []
    /// With `funnel --by FIELD`: per value of the field ("(empty)" for none), rows meeting each stage.
    var byValue: [String: [Int]] = [:]

    init(stages: Int) {
        meets = Array(repeating: 0, count: stages)
        recorded = meets
        recordedNotMeeting = meets
        meetingRecordedEarlier = meets
        notNarrowing = Array(repeating: meets, count: stages)
    }

    /// The counts of the rows `measures` holds (a batch, or a whole loaded export).
    init(_ measures: LeadMeasures, byField: String?) {
        let stages = measures.leads.stages
        self.init(stages: stages.count)
        let count = measures.dataset.rowCount
        rows = count
        let meets = measures.meets
        for stage in stages.indices { self.meets[stage] = Self.count(meets[stage]) }
        for later in stages.indices {
            for earlier in 0..<later {
                notNarrowing[later][earlier] = Self.count(meets[later], andNot: meets[earlier])
            }
        }
        if measures.dataset.plan.hasStage { countRecorded(measures) }
        countHandoffs(measures)
        if let byField, case .string(let codes, let names)? = measures.dataset.frame.columns[byField] {
            var counts = Array(repeating: Array(repeating: 0, count: stages.count), count: names.count + 1)
            for row in 0..<count {
                let value = codes[row] < 0 ? names.count : Int(codes[row])
                for stage in stages.indices where meets[stage][row] { counts[value][stage] += 1 }
            }
            for (index, name) in (names + ["(empty)"]).enumerated() where counts[index].contains(where: { $0 > 0 }) {
                byValue[name, default: Array(repeating: 0, count: stages.count)].add(counts[index])
            }
        }
    }

    /// How many rows are true in `rows`, and false in `not` when given. Summed as bytes (a Bool
    /// is stored as 0 or 1) in a loop the compiler vectorizes: a lazy filter per stage and per
    /// pair of stages cost 1.2% more instructions in the lead-data benchmark.
    static func count(_ rows: [Bool], andNot not: [Bool]? = nil) -> Int {
        rows.withUnsafeBytes { rows in
            guard let not else { return rows.reduce(0) { $0 &+ Int($1) } }
            return not.withUnsafeBytes { not in
                var count = 0
                for row in 0..<min(rows.count, not.count) { count &+= Int(rows[row] & (not[row] ^ 1)) }
                return count
            }
        }
    }

    private mutating func countRecorded(_ measures: LeadMeasures) {
        let recordedAt = measures.recordedStage
        let meets = measures.meets
        for (index, stage) in measures.leads.stages.enumerated()
        where measures.dataset.plan.stageValues[stage.id] != nil {
            var exact = 0, notMeeting = 0, earlier = 0
            // Counted without branches, which rows that vary make the processor mispredict: with
            // them, this loop took 2% of the time of the lead-data benchmark; without, 1%.
            recordedAt.withUnsafeBufferPointer { recordedAt in
                meets[index].withUnsafeBytes { meeting in
                    for row in 0..<min(recordedAt.count, meeting.count) {
                        let at = recordedAt[row], meets = Int(meeting[row])
                        let here = at == index ? 1 : 0
                        exact &+= here
                        notMeeting &+= here & (meets ^ 1)
                        earlier &+= (at >= 0 && at < index ? 1 : 0) & meets
                    }
                }
            }
            recorded[index] = exact
            recordedNotMeeting[index] = notMeeting
            meetingRecordedEarlier[index] = earlier
        }
        if case .string(let codes, let names)? = measures.dataset.frame.columns[LeadDataPlan.stageField] {
            var counts = Array(repeating: 0, count: names.count)
            for code in codes {
                if code < 0 { emptyStageValues += 1 } else { counts[Int(code)] += 1 }
            }
            for (name, count) in zip(names, counts) where count > 0 { stageValues[name, default: 0] += count }
        }
    }

    /// Hand-offs measured against their first-touch SLA: a lead that meets a hand-off stage's
    /// criteria and has the date it entered that stage was handed over; it breached the SLA when
    /// its first sales touch is missing or came later than `first_touch_within`.
    private mutating func countHandoffs(_ measures: LeadMeasures) {
        let firstTouch = measures.firstTouchColumn
        for (index, stage) in measures.leads.stages.enumerated() {
            guard let handoff = stage.handoff else { continue }
            guard let limit = handoff.firstTouchWithin else {
                unmeasured.append("\(stage.id): the hand-off has no first_touch_within to measure against")
                continue
            }
            guard let entered = measures.enteredColumn(of: stage) else {
                unmeasured.append(
                    "\(stage.id): leads.data.entered names no date field for it (entered: { \(stage.id): FIELD })")
                continue
            }
            guard let firstTouch else {
                unmeasured.append("\(stage.id): leads.data.first_touch names no date field of the first sales touch")
                continue
            }
            var result = Handoff(stage: index)
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
                    result.byOwner[owner, default: Counts()].add(handedOff: 1, breach: breach, untouched: untouched)
                }
            }
            handoffs.append(result)
        }
    }

    /// Adds the counts of another batch of the same export, measured the same way (so with the
    /// same hand-offs measured, in the same order).
    mutating func add(_ other: LeadTally) {
        rows += other.rows
        meets.add(other.meets)
        recorded.add(other.recorded)
        recordedNotMeeting.add(other.recordedNotMeeting)
        meetingRecordedEarlier.add(other.meetingRecordedEarlier)
        for (value, count) in other.stageValues { stageValues[value, default: 0] += count }
        emptyStageValues += other.emptyStageValues
        for later in notNarrowing.indices { notNarrowing[later].add(other.notNarrowing[later]) }
        for (index, handoff) in other.handoffs.enumerated() where index < handoffs.count {
            handoffs[index].handedOff += handoff.handedOff
            handoffs[index].breaches += handoff.breaches
            handoffs[index].untouched += handoff.untouched
            for (owner, counts) in handoff.byOwner { handoffs[index].byOwner[owner, default: Counts()].add(counts) }
        }
        for (value, counts) in other.byValue {
            byValue[value, default: Array(repeating: 0, count: counts.count)].add(counts)
        }
    }
}

extension LeadTally.Counts {
    mutating func add(handedOff: Int, breach: Bool, untouched: Bool) {
        self.handedOff += handedOff
        if breach { breaches += 1 }
        if untouched { self.untouched += 1 }
    }

    mutating func add(_ other: Self) {
        handedOff += other.handedOff
        breaches += other.breaches
        untouched += other.untouched
    }
}

extension Array where Element == Int {
    /// Adds `other` element by element.
    mutating func add(_ other: [Int]) {
        for index in indices where index < other.count { self[index] += other[index] }
    }
}
