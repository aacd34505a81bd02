import LockstepCore

/// A CRM export loaded against the workbook's lead fields: one row per lead, typed columns.
struct LeadDataset: Sendable {
    let frame: Frame
    /// How it was read: the plan, rows, bad rows, size and joined rows.
    let summary: LeadDataSummary

    /// A batch of rows of `plan`'s export, or a whole one with what reading it found.
    init(
        plan: LeadDataPlan, frame: Frame, badRows: [BadRow] = [], badRowCount: Int = 0, byteCount: Int = 0,
        joinedRows: Int? = nil
    ) {
        self.frame = frame
        summary = LeadDataSummary(
            plan: plan, rowCount: frame.count, badRows: badRows, badRowCount: badRowCount, byteCount: byteCount,
            joinedRows: joinedRows)
    }

    var plan: LeadDataPlan { summary.plan }
    var rowCount: Int { frame.count }
    var badRows: [BadRow] { summary.badRows }
    var joinedRows: Int? { summary.joinedRows }

    /// Rows read in one batch when streaming: large enough that measuring a batch costs little
    /// beside reading it, small enough that a batch per core stays near a megabyte (measured on
    /// the 4M-row benchmark export: as fast as batches four times larger, with 20 MiB less peak).
    static let batchRows = 1 << 15

    /// The lead definitions measured on the export as it is read, batch by batch on every core,
    /// keeping only the counts: memory stays near one batch per core whatever the file's size.
    /// A joined export is read whole first (it is looked up by key).
    static func stream(
        _ plan: LeadDataPlan, leads: LeadsSection, today: Day, byField: String?, options base: ColumnLoadOptions,
        batchRows: Int = batchRows
    ) throws(CommandError) -> (tally: LeadTally, summary: LeadDataSummary) {
        var options = base
        options.dateFormat = plan.dateFormat
        options.dateFormatSetting = "leads.data.date_format"
        options.emptyValues = plan.emptyValues
        var joinBad: (rows: [BadRow], count: Int, bytes: Int) = ([], 0, 0)
        var other: LoadedColumns?
        if let join = plan.join {
            var quiet = options
            quiet.progress = nil
            let read = try read(join.readPath, join.loads, quiet, named: join.path)
            other = read
            joinBad = (
                read.badRows.map { BadRow(line: $0.line, problem: "\(join.path): \($0.problem)", fix: $0.fix) },
                read.badRowCount, read.byteCount
            )
        }
        let joined = other.map { (frame: $0.frame, index: rowIndex(of: $0.frame), loads: plan.join?.loads ?? []) }
        let requests = plan.loads.map { ColumnRequest(field: $0.field, column: $0.index, type: $0.type) }
        let streamed: StreamedColumns<Result<(LeadTally, joined: Int), CommandError>>
        do throws(ColumnLoadFailure) {
            streamed = try ColumnLoader.stream(
                path: plan.readPath, requests: requests, options: options, batchRows: batchRows
            ) { batch in
                Result { () throws(CommandError) in
                    var frame = batch
                    var partnered = 0
                    if let joined {
                        let partner = partners(of: batch, index: joined.index)
                        partnered = partner.filter { $0 >= 0 }.count
                        for load in joined.loads where load.field != LeadDataPlan.keyField {
                            frame.columns[load.field] = joined.frame.columns[load.field]!.gathered(partner)
                        }
                    }
                    let dataset = LeadDataset(plan: plan, frame: frame)
                    return (
                        LeadTally(
                            try LeadMeasures(leads: leads, dataset: dataset, today: today, cores: 1), byField: byField),
                        partnered
                    )
                }
            }
        } catch {
            throw failure(error, named: plan.path)
        }
        var tally: LeadTally
        var partnered = 0
        if streamed.partials.isEmpty {
            // No row: the counts of an empty batch, so every stage and hand-off still shows, at 0.
            let empty = LeadDataset(plan: plan, frame: emptyFrame(plan))
            tally = LeadTally(try LeadMeasures(leads: leads, dataset: empty, today: today), byField: byField)
        } else {
            tally = try streamed.partials[0].get().0
            partnered = try streamed.partials[0].get().joined
            for partial in streamed.partials.dropFirst() {
                let (counts, joinedRows) = try partial.get()
                tally.add(counts)
                partnered += joinedRows
            }
        }
        let summary = LeadDataSummary(
            plan: plan, rowCount: streamed.rowCount,
            badRows: Array((streamed.badRows + joinBad.rows).prefix(BadRow.keptLimit)),
            badRowCount: streamed.badRowCount + joinBad.count, byteCount: streamed.byteCount + joinBad.bytes,
            joinedRows: plan.join == nil ? nil : partnered)
        return (tally, summary)
    }

    /// The plan's columns with no row, typed.
    private static func emptyFrame(_ plan: LeadDataPlan) -> Frame {
        var columns: [String: Frame.Column] = [:]
        for load in plan.loads + (plan.join?.loads ?? []) {
            switch load.type {
            case .bool: columns[load.field] = .bool([])
            case .date: columns[load.field] = .date([])
            case .string: columns[load.field] = .string(codes: [], values: [])
            default: columns[load.field] = .number([])
            }
        }
        return Frame(count: 0, columns: columns)
    }

    /// Reads the export (and the joined one) as the plan says.
    static func load(_ plan: LeadDataPlan, options base: ColumnLoadOptions) throws(CommandError) -> LeadDataset {
        var options = base
        options.dateFormat = plan.dateFormat
        options.dateFormatSetting = "leads.data.date_format"
        options.emptyValues = plan.emptyValues
        let main = try read(plan.readPath, plan.loads, options, named: plan.path)
        guard let join = plan.join else {
            return LeadDataset(
                plan: plan, frame: main.frame, badRows: main.badRows, badRowCount: main.badRowCount,
                byteCount: main.byteCount, joinedRows: nil)
        }
        var quiet = options
        quiet.progress = nil
        let other = try read(join.readPath, join.loads, quiet, named: join.path)
        let partner = partners(of: main.frame, index: rowIndex(of: other.frame))
        var frame = main.frame
        for load in join.loads where load.field != LeadDataPlan.keyField {
            frame.columns[load.field] = other.frame.columns[load.field]!.gathered(partner)
        }
        let joinedBad = other.badRows.map { BadRow(line: $0.line, problem: "\(join.path): \($0.problem)", fix: $0.fix) }
        return LeadDataset(
            plan: plan, frame: frame, badRows: main.badRows + joinedBad,
            badRowCount: main.badRowCount + other.badRowCount,
            byteCount: main.byteCount + other.byteCount, joinedRows: partner.filter { $0 >= 0 }.count)
    }

    private static func read(
        _ path: String, _ loads: [LeadDataPlan.Load], _ options: ColumnLoadOptions,
        named name: String
    ) throws(CommandError) -> LoadedColumns {
        let requests = loads.map { ColumnRequest(field: $0.field, column: $0.index, type: $0.type) }
        do throws(ColumnLoadFailure) {
            return try ColumnLoader.load(path: path, requests: requests, options: options)
        } catch {
            throw failure(error, named: name)
        }
    }

    private static func failure(_ error: ColumnLoadFailure, named name: String) -> CommandError {
        if error.reason == "interrupted" { return CommandError.failed("reading \(name) was interrupted", fix: nil) }
        return CommandError.input(
            "cannot read the CRM export \(name): \(error.reason)",
            fix: "check the file, or give another: data load FILE.csv")
    }

    /// The first row of `other` holding each key.
    private static func rowIndex(of other: Frame) -> [String: Int] {
        guard case .string(let codes, let values)? = other.columns[LeadDataPlan.keyField] else { return [:] }
        var rowOfValue: [String: Int] = [:]
        for (row, code) in codes.enumerated() where code >= 0 {
            let value = values[Int(code)]
            if rowOfValue[value] == nil { rowOfValue[value] = row }
        }
        return rowOfValue
    }

    /// For each row of `main`, the row of the joined export with the same key, or -1.
    private static func partners(of main: Frame, index rowOfValue: [String: Int]) -> [Int] {
        guard case .string(let mainCodes, let mainValues)? = main.columns[LeadDataPlan.keyField] else {
            return Array(repeating: -1, count: main.count)
        }
        let rowOfCode = mainValues.map { rowOfValue[$0] ?? -1 }
        return mainCodes.map { $0 < 0 ? -1 : rowOfCode[Int($0)] }
    }
}
