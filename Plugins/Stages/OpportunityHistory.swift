import LockstepCore

/// A process's opportunity export, read to see how often deals that reached each stage were won:
///
///     history:
///       file: crm/sales_pipeline.csv        # relative to the workbook
///       stage_column: deal_stage            # where each deal's stage or outcome is
///       won: Won
///       lost: Lost
///       stages: { prospecting: Prospecting, engaging: Engaging }   # open deals' stage values
///       reached: { engaging: engage_date }  # a column filled once a deal reached the stage
///       account: account                    # the customer each deal is for (for `recycling`)
///       opened: engage_date                 # when each deal opened, to put an account's deals in order
///
/// A won deal reached every stage; a lost one reached the last stage whose `reached` column it
/// fills (the first stage when it fills none); an open deal counts for no rate.
public struct OpportunityHistory: Sendable {
    public var file: String
    public var stageColumn: String
    public var won: String
    public var lost: String
    public var stages: [(key: Located<String>, value: Located<String>)] = []
    public var reached: [(key: Located<String>, value: Located<String>)] = []
    public var account: String?
    public var opened: String?
    public var location: SourceLocation?

    static let keys = ["file", "stage_column", "won", "lost", "stages", "reached", "account", "opened"]

    static func decode(_ reader: MappingReader) -> OpportunityHistory? {
        guard let file = reader.string("file", required: true),
            let column = reader.string("stage_column", required: true)
        else { return nil }
        var history = OpportunityHistory(
            file: file, stageColumn: column, won: reader.string("won") ?? "Won", lost: reader.string("lost") ?? "Lost")
        history.stages = reader.pairs("stages")
        history.reached = reader.pairs("reached")
        history.account = reader.string("account")
        history.opened = reader.string("opened")
        history.location = reader.location
        return history
    }

    func encode() -> YAMLNode {
        func pairs(_ list: [(key: Located<String>, value: Located<String>)]) -> YAMLNode {
            .mapping(list.map { ($0.key.value, .string($0.value.value)) }, style: .flow)
        }
        var out = MappingBuilder()
        out.string("file", file)
        out.string("stage_column", stageColumn)
        out.string("won", won)
        out.string("lost", lost)
        out.node("stages", pairs(stages))
        out.node("reached", pairs(reached))
        out.string("account", account)
        out.string("opened", opened)
        return out.build()
    }
}

/// Each stage's stated win probability beside the win rate of the closed deals that reached it.
struct Calibration {
    struct Row {
        let stage: SalesStage
        let closed: Int
        let won: Int
        /// The observed rate and its 95% Wilson interval, in percent; nil under `minimumDeals`.
        let interval: (rate: Double, low: Double, high: Double)?

        var verdict: String {
            guard let interval else {
                return "too few closed deals to judge (\(closed); \(Calibration.minimumDeals) needed)"
            }
            guard let stated = stage.probability else { return "no probability stated" }
            if Double(stated) < interval.low { return "too low" }
            if Double(stated) > interval.high { return "too high" }
            return "within"
        }
    }

    /// Fewer closed deals than this say too little about a stage's win rate.
    static let minimumDeals = 30

    let rows: [Row]
    let open: Int
    let unknown: Int

    /// Reads the export and counts, or the reason it cannot be read.
    init(
        process: SalesProcess, history: OpportunityHistory, workbookPath: String?, allowOutside: Bool
    ) throws(CommandError) {
        let export = try HistoryExport(history, workbookPath: workbookPath, allowOutside: allowOutside)
        let column = export.column
        let stageIndex = try column(history.stageColumn)
        var reachedColumns: [(stage: Int, column: Int)] = []
        for (stage, name) in history.reached {
            guard let position = process.stages.firstIndex(where: { $0.id == stage.value }) else { continue }
            reachedColumns.append((position, try column(name.value)))
        }
        var closed = Array(repeating: 0, count: process.stages.count), won = closed
        var open = 0, unknown = export.unreadable
        let openValues = Set(history.stages.map(\.value.value))
        for row in export.rows {
            let value = row.fields[stageIndex]
            if value == history.won {
                for index in closed.indices {
                    closed[index] += 1
                    won[index] += 1
                }
            } else if value == history.lost {
                let last = reachedColumns.filter { !row.fields[$0.column].isEmpty }.map(\.stage).max() ?? 0
                for index in 0...min(last, closed.count - 1) where !closed.isEmpty { closed[index] += 1 }
            } else if openValues.contains(value) {
                open += 1
            } else {
                unknown += 1
            }
        }
        rows = process.stages.indices.map { index in
            Row(
                stage: process.stages[index], closed: closed[index], won: won[index],
                interval: closed[index] >= Self.minimumDeals ? Self.wilson(won: won[index], of: closed[index]) : nil)
        }
        self.open = open
        self.unknown = unknown
    }

    /// The 95% Wilson score interval of `won` out of `total`, in percent.
    static func wilson(won: Int, of total: Int) -> (rate: Double, low: Double, high: Double) {
        let n = Double(total), p = Double(won) / n, z = 1.96
        let centre = (p + z * z / (2 * n)) / (1 + z * z / n)
        let margin = z * ((p * (1 - p) / n + z * z / (4 * n * n)).squareRoot()) / (1 + z * z / n)
        return (p * 100, max(0, centre - margin) * 100, min(1, centre + margin) * 100)
    }

    var table: Table {
        func percent(_ value: Double) -> String { "\((value * 10).rounded() / 10)%" }
        return Table(
            ["stage", "probability", "closed deals", "won", "win rate", "95% interval", "verdict"],
            rows: rows.map { row in
                [
                    .text(row.stage.id), row.stage.probability.map { .text("\($0)%") } ?? .empty, .integer(row.closed),
                    .integer(row.won),
                    row.interval.map { .text(percent($0.rate)) } ?? .empty,
                    row.interval.map { .text("\(percent($0.low)) – \(percent($0.high))") } ?? .empty,
                    .text(row.verdict),
                ]
            })
    }
}

/// The rows of a process's opportunity export, read once for `calibrate`, SP007 and `recycling`.
struct HistoryExport {
    let header: [String]
    let rows: [CSVReader.Record]
    /// Rows that could not be read as CSV, or have a different number of fields than the header.
    let unreadable: Int
    let file: String

    init(_ history: OpportunityHistory, workbookPath: String?, allowOutside: Bool) throws(CommandError) {
        file = history.file
        let path = DataFiles.resolve(history.file, besides: workbookPath)
        if !allowOutside {
            try DataFiles.requireInside(path, named: history.file, key: "history.file", workbookPath: workbookPath)
        }
        let bytes: [UInt8]
        do {
            bytes = try FileSystem.readBytes(path, limit: 256 << 20)
        } catch {
            throw .input(
                "cannot read the opportunity history \(Sanitized.visible(history.file)): \(error.reason)",
                fix: "check history.file (relative to the workbook)")
        }
        if let kind = CSVText.notCSV(bytes) {
            throw .input(
                "cannot read the opportunity history \(Sanitized.visible(history.file)): \(kind)",
                fix: "export it as CSV UTF-8")
        }
        var reader = CSVReader(bytes: bytes)
        guard case .success(let header)? = reader.next() else {
            throw .input(
                "the opportunity history \(Sanitized.visible(history.file)) has no header row",
                fix: "export it with its column names")
        }
        var rows: [CSVReader.Record] = [], unreadable = 0
        while let record = reader.next() {
            if case .success(let row) = record, row.fields.count == header.fields.count {
                rows.append(row)
            } else {
                unreadable += 1
            }
        }
        self.header = header.fields
        self.rows = rows
        self.unreadable = unreadable
    }

    /// The position of the column called `name`, or an error naming the columns there are.
    func column(_ name: String) throws(CommandError) -> Int {
        guard let index = header.firstIndex(of: name) else {
            throw .input(
                "the opportunity history has no column '\(Sanitized.excerpt(name))'"
                    + Suggestion.phrase(for: name, in: header.map { Sanitized.excerpt($0, limit: 40) }),
                fix: "name one of its columns in the process's history")
        }
        return index
    }
}
