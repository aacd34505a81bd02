import LockstepCore

/// A guided walk through the open workbook for a class of new hires: each step says what a
/// sales-and-marketing idea is, names the command that shows it here, and checks that the
/// learner typed it. Whatever the learner types still runs; the tour only watches.
final class Tour {
    struct Step {
        let lesson: String
        /// The command to type, as shown to the learner.
        let command: String
        /// The command's words the learner's line must start with.
        let expects: [String]
        /// True when the command also needs an argument (`show STAGE`).
        var needsArgument = false
    }

    let steps: [Step]
    private(set) var position = 0

    init(steps: [Step]) { self.steps = steps }

    var current: Step? { position < steps.count ? steps[position] : nil }
    var isFinished: Bool { position >= steps.count }

    /// The text that introduces the current step.
    var lesson: String {
        guard let step = current else { return Self.ending }
        return "[tour \(position + 1)/\(steps.count)] \(step.lesson)\n  type: \(step.command)"
    }

    /// Whether `words` (a line the learner typed) is what the step asks for; moves on if so.
    func observe(_ words: [String]) -> Bool {
        guard let step = current, words.starts(with: step.expects),
              !step.needsArgument || words.count > step.expects.count else { return false }
        position += 1
        return true
    }

    func skip() { position = min(position + 1, steps.count) }

    static let ending = """
        [tour] That is the tour. A gap is a step where the buyer gets nothing from marketing and the \
        rep improvises; close one now: map an activity to a stage with `activity map ID --stage STAGE`, \
        then run `check` again and watch the finding go. 'undo' takes any change back.
        """

    /// The steps for `workbook`, with its own ids in the examples; steps whose commands the
    /// loaded plugins do not offer are left out.
    static func steps(for workbook: Workbook, commands: Set<String>) -> [Step] {
        let stage = workbook.items.first { $0.kind.name == "stage" }?.id ?? "STAGE"
        let rule = "MK001"
        var steps = [
            Step(lesson: "A sales process is the steps a deal goes through, from first conversation to signature. Each stage has an owner, exit criteria and a chance of winning. See this company's:",
                 command: "stages", expects: ["stages"]),
            Step(lesson: "Every stage needs marketing content that helps the buyer take that step: a case study at the proposal, a security pack at the evaluation. Look at one stage, what supports it and which buying roles it reaches:",
                 command: "show \(stage)", expects: ["show"], needsArgument: true),
            Step(lesson: "Coverage counts, for every stage, the activities that reach each buying role. A 0 is a gap: at that step that person gets nothing from marketing.",
                 command: "coverage", expects: ["coverage"]),
            Step(lesson: "Not every gap costs the same. A gap at a decision stage, or for the economic buyer who signs, loses deals; gaps lists them most important first.",
                 command: "gaps", expects: ["gaps"]),
            Step(lesson: "Lead stages decide when marketing hands a lead to sales. trace follows a lead from inquiry to the first sales stage, with who owns it and how fast sales must act.",
                 command: "trace", expects: ["trace"]),
            Step(lesson: "check runs the rules of sales-and-marketing alignment: every finding names the item, the rule and the line. Errors are misalignments that cost deals now.",
                 command: "check", expects: ["check"]),
            Step(lesson: "Every rule says why it matters and how to fix it, in business language.",
                 command: "explain \(rule)", expects: ["explain"], needsArgument: true),
        ]
        steps.removeAll { !commands.contains($0.expects[0]) }
        return steps
    }
}
