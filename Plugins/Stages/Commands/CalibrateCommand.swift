import LockstepCore

/// `calibrate`: each stage's stated win probability beside what the process's opportunity
/// history says.
enum CalibrateCommand {
    static let command = Command(
        CommandSpec(
            "calibrate",
            summary:
                "Each stage's win probability beside the win rate of the closed deals that reached it, from the process's opportunity history",
            options: [
                OptionSpec("--process", value: "PROCESS", completion: .ids(.process), summary: "only this process")
            ],
            examples: ["calibrate", "calibrate --process new-business"]
        )
    ) { environment, invocation in
        let processes = environment.workbook.processes.filter {
            invocation.option("--process").map($0.id.elementsEqual) ?? true
        }
        let withHistory = processes.filter { $0.history != nil }
        guard !withHistory.isEmpty else {
            throw CommandError.failed(
                "no process has an opportunity history to calibrate against",
                fix: "add `history: { file, stage_column, won, lost, stages, reached }` to a process (docs/workbook.md)"
            )
        }
        for process in withHistory {
            guard let history = process.history else { continue }
            let calibration = try Calibration(
                process: process, history: history, workbookPath: environment.workbookPath,
                allowOutside: environment.allowsDataOutsideWorkbook)
            environment.emit(
                .note(
                    "\(process.id): \(calibration.rows.first?.closed ?? 0) closed deals in \(history.file); "
                        + "\(calibration.open) open, not counted"
                        + (calibration.unknown > 0
                            ? "; \(calibration.unknown) rows with another stage value or unreadable, left out" : "")))
            environment.emit(.table(calibration.table))
        }
    }
}

/// SP007: a stage's win probability lies outside what the closed deals that reached it say.
struct ProbabilityOffHistory: Check {
    let code = "SP007"
    let slug = "probability-off-history"
    let defaultSeverity = Severity.warning
    let summary = "A stage's win probability disagrees with the process's own deal history"
    let advice = ClientAdvice(
        problem: "The forecast's chance of winning at {where} does not match what past deals show.",
        action: "Set the win probability at {where} from the deals actually won and lost.",
        stake: "The pipeline forecast is built on opinion; the company plans against revenue that will not come.")
    let explanation = RuleExplanation(
        what:
            "Where a process names its opportunity export (`history`), each stage's `probability` lies within the 95% interval of the win rate of the closed deals that reached that stage. A stage with fewer than 30 closed deals is not judged.",
        why:
            "Probabilities set by opinion mislead the forecast both teams plan on; measuring what actually happens at each step keeps sales and marketing arguing about the same numbers (“Sales and Marketing – Align, Define and Make Money”; Bill Wallace, “Ending the War between Sales and Marketing”).",
        fix:
            "Set the stage's probability within the interval `calibrate` shows, or find out why this process's deals behave differently from its history."
    )
    let examples: [CheckExample] = [
        .triggering(
            ProbabilityOffHistory.workbook(qualify: 10, propose: 60), targets: ["nb/qualify"],
            files: ["deals.csv": ProbabilityOffHistory.deals]),
        // A near miss: 60% at proposal sits inside its interval; a stated 40% at qualify too.
        .passing(
            ProbabilityOffHistory.workbook(qualify: 40, propose: 60), files: ["deals.csv": ProbabilityOffHistory.deals]),
    ]

    static func workbook(qualify: Int, propose: Int) -> String {
        """
        processes:
          - id: nb
            stages:
              - { id: qualify, probability: \(qualify) }
              - { id: propose, probability: \(propose) }
            history: { file: deals.csv, stage_column: stage, won: Won, lost: Lost, stages: { qualify: Qualify, propose: Propose },
                       reached: { propose: proposed_on } }
        """
    }

    /// 100 closed deals: 40 won; of the 60 lost, 40 reached the proposal. So 40 of 100 won from
    /// qualify (40%), 40 of 80 from proposal (50%, interval 39–61%).
    static let deals: String = {
        var rows = ["id,stage,proposed_on"]
        for index in 0..<40 { rows.append("w\(index),Won,2026-01-10") }
        for index in 0..<40 { rows.append("p\(index),Lost,2026-01-12") }
        for index in 0..<20 { rows.append("q\(index),Lost,") }
        rows.append("open1,Qualify,")
        return rows.joined(separator: "\n") + "\n"
    }()

    func findings(in workbook: Workbook, context: CheckContext) -> [Finding] {
        workbook.processes.flatMap { process -> [Finding] in
            guard let history = process.history else { return [] }
            let calibration: Calibration
            do throws(CommandError) {
                calibration = try Calibration(
                    process: process, history: history, workbookPath: context.workbookPath,
                    allowOutside: context.allowsDataOutsideWorkbook)
            } catch {
                var notice = finding(
                    "the opportunity history could not be read, so the probabilities were not checked: \(error.message)",
                    target: process.id, at: history.location)
                notice.isNotice = true
                return [notice]
            }
            return calibration.rows.compactMap { row in
                guard let interval = row.interval, let stated = row.stage.probability,
                    Double(stated) < interval.low || Double(stated) > interval.high
                else { return nil }
                let rate = (interval.rate * 10).rounded() / 10
                return finding(
                    "stage '\(process.id)/\(row.stage.id)' says \(stated)% but \(row.won) of the \(row.closed) closed deals "
                        + "that reached it were won (\(rate)%, 95% interval \(Int(interval.low.rounded()))–\(Int(interval.high.rounded()))%)",
                    target: "\(process.id)/\(row.stage.id)", at: row.stage.location)
            }
        }
    }
}
