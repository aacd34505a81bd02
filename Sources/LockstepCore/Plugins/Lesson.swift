/// What the learner has done, for a tour step to judge: the workbook as it is now and the
/// command that just ran. The step looks at the result, so any correct way passes.
public struct LessonState {
    public let workbook: Workbook
    /// The words of the command that just ran.
    public let command: [String]
    public let context: CheckContext

    public init(workbook: Workbook, command: [String], context: CheckContext) {
        self.workbook = workbook
        self.command = command
        self.context = context
    }

    /// True when the command that ran is one of `commands` (each given as its leading words).
    public func ran(_ commands: [String]...) -> Bool { commands.contains { command.starts(with: $0) } }
}

/// One step of the guided tour, from the plugin that knows the idea: what it is, a task the
/// learner performs, and a check of the result that names what is still missing.
public struct Lesson: Sendable {
    /// Stable across runs, so a tour left half-way resumes at the same step.
    public var id: String
    /// Where the step goes: the sales process (10) before content (20–30), leads (40–50).
    public var order: Int
    /// The idea, in two or three sentences.
    public var idea: String
    /// What to do, in words.
    public var task: String
    /// One command that does it, shown when the learner asks (`tour hint`) or gets it wrong.
    public var example: String
    /// The name of what the live page should point at, when serving.
    public var focus: String?
    /// Questions for the room and the answers a facilitator expects (`tour --class`).
    public var questions: [Fact]
    /// nil when the task is done; else what is still missing, said to the learner.
    public var missing: @Sendable (LessonState) -> String?

    public init(
        id: String, order: Int, idea: String, task: String, example: String, focus: String? = nil,
        questions: [Fact] = [], missing: @escaping @Sendable (LessonState) -> String?
    ) {
        self.id = id
        self.order = order
        self.idea = idea
        self.task = task
        self.example = example
        self.focus = focus
        self.questions = questions
        self.missing = missing
    }
}
