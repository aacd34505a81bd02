import LockstepCore

extension MarketingPlugin {
    /// Content for every step: first seeing the gaps, then closing one.
    public func lessons(_ workbook: Workbook, context: CheckContext) -> [Lesson] {
        let model = MarketingModel(workbook)
        guard !model.stages.isEmpty else { return [] }
        var lessons = [
            Lesson(
                id: "marketing.coverage", order: 20,
                idea:
                    "Every stage needs marketing content that helps the buyer take that step: a case study at the proposal, "
                    + "a security pack at the evaluation. Coverage counts, for every stage, the activities that reach each "
                    + "buying role; a 0 is a gap, where that person gets nothing from marketing and the rep improvises.",
                task: "Find the gaps: see the coverage, or the gaps most important first.",
                example: "gaps",
                questions: [
                    Fact(
                        "Which gap would cost this company most, and why?",
                        "A stage with no content at all, or an economic or technical buyer with nothing at a decision stage: that is where deals are lost."
                    )
                ],
                missing: { state in
                    state.ran(["coverage"], ["gaps"]) ? nil : "the coverage is still to be looked at"
                })
        ]
        // The stage to fill: the first with no buyer-facing content, else the first decision-stage gap.
        guard let stage = model.stages.first(where: { !model.hasBuyerFacing(at: $0.id) }) else { return lessons }
        let name = model.placeName(stage)
        let candidate =
            model.activities.first {
                $0.isBuyerFacing && $0.stages.contains { $0.value.hasPrefix(stage.process + "/") }
            }
            ?? model.activities.first(where: \.isBuyerFacing)
        let stageID = stage.id
        lessons.append(
            Lesson(
                id: "marketing.close-gap", order: 30,
                idea:
                    "A gap closes when some content helps the buyer at that step. Often the content exists already and only "
                    + "needs to be planned for the stage; sales enablement does not count, as it prepares the seller, not the buyer.",
                task: "Give \(name) buyer-facing content: map an existing activity to it, or add one.",
                example: "activity map \(candidate?.id ?? "ACTIVITY") --stage \(stageID)",
                focus: name,
                questions: [
                    Fact(
                        "What would a buyer at \(name) need to hear to move on?",
                        "What the stage's exit criteria ask of them, in their words.")
                ],
                missing: { state in
                    let now = MarketingModel(state.workbook)
                    if now.hasBuyerFacing(at: stageID) { return nil }
                    if !now.supporters(at: stageID).isEmpty {
                        return
                            "\(name) has enablement now, which prepares the seller; the buyer still gets nothing there"
                    }
                    return "\(name) still has no buyer-facing activity"
                }))
        return lessons
    }
}
