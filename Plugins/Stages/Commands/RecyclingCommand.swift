import LockstepCore

/// `recycling`: what becomes of deals that were lost: how many of their customers came back
/// with another opportunity, how often, and how many of those converted.
enum RecyclingCommand {
    static let command = Command(
        CommandSpec(
            "recycling",
            summary:
                "Lost deals whose customer came back with another opportunity: how many, how often, and how many of those were won",
            options: [
                OptionSpec("--process", value: "PROCESS", completion: .ids(.process), summary: "only this process")
            ],
            examples: ["recycling", "recycling --process new-business"]
        )
    ) { environment, invocation in
        let processes = environment.workbook.processes.filter {
            invocation.option("--process").map($0.id.elementsEqual) ?? true
        }
        let withAccounts = processes.filter { $0.history?.account != nil }
        guard !withAccounts.isEmpty else {
            throw CommandError.failed(
                "no process's history says which customer each deal is for",
                fix: "add `account: COLUMN` (and `opened: DATE-COLUMN`) to the process's history (docs/workbook.md)")
        }
        for process in withAccounts {
            guard let history = process.history else { continue }
            let export = try HistoryExport(
                history, workbookPath: environment.workbookPath, allowOutside: environment.allowsDataOutsideWorkbook)
            let recycling = try Recycling(export, history: history)
            environment.emit(.note("\(process.id): \(export.rows.count) deals in \(history.file)"))
            environment.emit(.table(recycling.table))
        }
    }
}

/// The deals of each customer in the order they opened, and what followed each lost one.
struct Recycling {
    var lost = 0, cameBack = 0
    var next: (won: Int, lost: Int, open: Int) = (0, 0, 0)
    /// Customers by how many of their lost deals were followed by another: 1, 2, 3 or more.
    var customersRecycled = [0, 0, 0]
    var customers = 0

    init(_ export: HistoryExport, history: OpportunityHistory) throws(CommandError) {
        guard let accountName = history.account else { return }
        let account = try export.column(accountName), stage = try export.column(history.stageColumn)
        let opened = try history.opened.map(export.column)
        var byAccount: [String: [Int]] = [:]
        for (position, row) in export.rows.enumerated() where !row.fields[account].isEmpty {
            byAccount[row.fields[account], default: []].append(position)
        }
        customers = byAccount.count
        for positions in byAccount.values {
            // ISO dates sort as text; a deal with no date goes last, in file order.
            let ordered = positions.sorted { a, b in
                let left = opened.map { export.rows[a].fields[$0] } ?? "",
                    right = opened.map { export.rows[b].fields[$0] } ?? ""
                return (left.isEmpty ? "\u{10FFFF}" : left, a) < (right.isEmpty ? "\u{10FFFF}" : right, b)
            }
            var times = 0
            for (index, position) in ordered.enumerated() where export.rows[position].fields[stage] == history.lost {
                lost += 1
                let date = opened.map { export.rows[position].fields[$0] } ?? ""
                // The customer's next deal that opened later (on another day, when dates are known).
                guard
                    let following = ordered[(index + 1)...].first(where: { later in
                        guard let opened, !date.isEmpty else { return true }
                        return export.rows[later].fields[opened] > date
                    })
                else { continue }
                cameBack += 1
                times += 1
                let outcome = export.rows[following].fields[stage]
                if outcome == history.won {
                    next.won += 1
                } else if outcome == history.lost {
                    next.lost += 1
                } else {
                    next.open += 1
                }
            }
            if times > 0 { customersRecycled[min(times, 3) - 1] += 1 }
        }
    }

    var table: Table {
        func share(_ part: Int, of whole: Int) -> Table.Cell {
            whole == 0 ? .empty : .text("\(((Double(part) / Double(whole)) * 1000).rounded() / 10)%")
        }
        let closedNext = next.won + next.lost
        return Table(
            ["measure", "count", "share"],
            rows: [
                [.text("lost deals"), .integer(lost), .empty],
                [.text("… whose customer came back with another deal"), .integer(cameBack), share(cameBack, of: lost)],
                [.text("… and that next deal was won"), .integer(next.won), share(next.won, of: closedNext)],
                [.text("… lost again"), .integer(next.lost), share(next.lost, of: closedNext)],
                [.text("… still open"), .integer(next.open), .empty],
                [
                    .text("customers who came back once"), .integer(customersRecycled[0]),
                    share(customersRecycled[0], of: customers),
                ],
                [
                    .text("customers who came back twice"), .integer(customersRecycled[1]),
                    share(customersRecycled[1], of: customers),
                ],
                [
                    .text("customers who came back three times or more"), .integer(customersRecycled[2]),
                    share(customersRecycled[2], of: customers),
                ],
            ])
    }
}
