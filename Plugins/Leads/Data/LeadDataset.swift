import LockstepCore

/// A CRM export loaded against the workbook's lead fields: one row per lead, typed columns.
struct LeadDataset: Sendable {
    let plan: LeadDataPlan
    let frame: Frame
    let badRows: [BadRow]
    let badRowCount: Int
    let byteCount: Int
    /// With a join: how many rows found a partner in the joined export.
    let joinedRows: Int?

    var rowCount: Int { frame.count }

    /// Reads the export (and the joined one) as the plan says.
    static func load(_ plan: LeadDataPlan, options base: ColumnLoadOptions) throws(CommandError) -> LeadDataset {
        var options = base
        options.dateFormat = plan.dateFormat
        options.dateFormatSetting = "leads.data.date_format"
        options.emptyValues = plan.emptyValues
        let main = try read(plan.readPath, plan.loads, options, named: plan.path)
        guard let join = plan.join else {
            return LeadDataset(plan: plan, frame: main.frame, badRows: main.badRows, badRowCount: main.badRowCount,
                               byteCount: main.byteCount, joinedRows: nil)
        }
        var quiet = options
        quiet.progress = nil
        let other = try read(join.readPath, join.loads, quiet, named: join.path)
        let partner = partners(of: main.frame, in: other.frame)
        var frame = main.frame
        for load in join.loads where load.field != LeadDataPlan.keyField {
            frame.columns[load.field] = other.frame.columns[load.field]!.gathered(partner)
        }
        let joinedBad = other.badRows.map { BadRow(line: $0.line, problem: "\(join.path): \($0.problem)", fix: $0.fix) }
        return LeadDataset(plan: plan, frame: frame, badRows: main.badRows + joinedBad, badRowCount: main.badRowCount + other.badRowCount,
                           byteCount: main.byteCount + other.byteCount, joinedRows: partner.filter { $0 >= 0 }.count)
    }

    private static func read(_ path: String, _ loads: [LeadDataPlan.Load], _ options: ColumnLoadOptions,
                             named name: String) throws(CommandError) -> LoadedColumns {
        let requests = loads.map { ColumnRequest(field: $0.field, column: $0.index, type: $0.type) }
        do throws(ColumnLoadFailure) {
            return try ColumnLoader.load(path: path, requests: requests, options: options)
        } catch {
            if error.reason == "interrupted" { throw CommandError.failed("loading \(name) was interrupted", fix: nil) }
            throw CommandError.input("cannot read the CRM export \(name): \(error.reason)", fix: "check the file, or give another: data load FILE.csv")
        }
    }

    /// For each row of `main`, the first row of `other` with the same key, or -1.
    private static func partners(of main: Frame, in other: Frame) -> [Int] {
        guard case .string(let mainCodes, let mainValues)? = main.columns[LeadDataPlan.keyField],
              case .string(let otherCodes, let otherValues)? = other.columns[LeadDataPlan.keyField] else {
            return Array(repeating: -1, count: main.count)
        }
        var rowOfValue: [String: Int] = [:]
        for (row, code) in otherCodes.enumerated() where code >= 0 {
            let value = otherValues[Int(code)]
            if rowOfValue[value] == nil { rowOfValue[value] = row }
        }
        let rowOfCode = mainValues.map { rowOfValue[$0] ?? -1 }
        return mainCodes.map { $0 < 0 ? -1 : rowOfCode[Int($0)] }
    }
}
