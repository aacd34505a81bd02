import LockstepCore

extension StagesPlugin {
    /// The tour starts with the sales process: what a deal goes through.
    public func lessons(_ workbook: Workbook, context: CheckContext) -> [Lesson] {
        guard let process = workbook.processes.first,
            let decision = process.stages.first(where: { $0.phase == "decision" }) ?? process.stages.last
        else { return [] }
        let processIDs = Set(workbook.processes.map(\.id))
        return [
            Lesson(
                id: "stages.process", order: 10,
                idea:
                    "A sales process is the steps a deal goes through, from first conversation to signature. Each stage has an "
                    + "owner, exit criteria that say when a deal moves on, and a chance of winning that rises as the deal advances.",
                task: "Look at this company's sales stages.",
                example: "stages",
                focus: process.name,
                questions: [
                    Fact(
                        "Which stage is the buyer's decision, and who owns it?",
                        "\(decision.name), owned by \(decision.owner ?? "nobody yet")."),
                    Fact(
                        "Why does the chance of winning rise from stage to stage?",
                        "Each exit criterion met removes a reason to lose; a forecast built on it is only as good as the criteria."
                    ),
                ],
                missing: { state in
                    if state.ran(["stages"], ["list", "stages"], ["list", "processes"]) { return nil }
                    if state.ran(["show"]), state.command.count > 1,
                        processIDs.contains(state.command[1].split(separator: "/").first.map(String.init) ?? "")
                    {
                        return nil
                    }
                    return "the sales stages are still to be looked at"
                })
        ]
    }
}
