import LockstepCore

/// The guided tour for a class of new hires: the plugins' lessons in order, each an idea, a task
/// the learner performs, and a check of the result. Whatever the learner types still runs; after
/// each command the tour looks at the workbook and moves on once the task is done.
final class Tour {
    let lessons: [Lesson]
    private(set) var position: Int
    /// Where the copy the tour works on and its progress are kept; nil when nothing is kept.
    let place: TourPlace?

    init(lessons: [Lesson], startingAt id: String? = nil, place: TourPlace?) {
        self.lessons = lessons
        self.place = place
        position = id.flatMap { id in lessons.firstIndex { $0.id == id } } ?? 0
    }

    var current: Lesson? { position < lessons.count ? lessons[position] : nil }
    var isFinished: Bool { position >= lessons.count }

    /// The current step as the learner reads it.
    var lesson: String {
        guard let lesson = current else { return Self.ending }
        return "[tour \(position + 1)/\(lessons.count)] \(lesson.idea)\n  your turn: \(lesson.task)"
    }

    /// Where the learner is, without starting over.
    var whereAbout: String {
        guard let lesson = current else { return "[tour] finished" }
        return
            "[tour \(position + 1)/\(lessons.count)] \(lesson.task)   ('tour repeat' shows the step again, 'tour hint' one way to do it)"
    }

    /// After a command: true when it completed the step (the tour has moved on), else what is still missing.
    func judge(_ state: LessonState) -> (done: Bool, missing: String?) {
        guard let lesson = current else { return (false, nil) }
        if let missing = lesson.missing(state) { return (false, missing) }
        move(to: position + 1)
        return (true, nil)
    }

    func next() { move(to: min(position + 1, lessons.count)) }
    func back() { move(to: max(position - 1, 0)) }

    private func move(to position: Int) {
        self.position = position
        place?.record(current?.id)
    }

    static let ending = """
        [tour] That is the tour: the process, its content and its gaps, the lead definitions and hand-offs, and the \
        rules that check them. 'export report tour.html' shows what you fixed; 'undo' takes any change back.
        """

    /// The plugins' lessons for `workbook`, in order, and the shell's own last one: read why the
    /// most important finding matters (the rule is whichever is most important when asked).
    static func lessons(for workbook: Workbook, session: Session) -> [Lesson] {
        let context = session.checkContext()
        var lessons = session.plugins.flatMap { $0.lessons(workbook, context: context) }
        let plugins = session.plugins
        lessons.append(
            Lesson(
                id: "rules.explain", order: 90,
                idea: "check runs every loaded plugin's rules on the whole workbook: each finding names the item "
                    + "and the rule, and each rule explains in business language why it matters and how to fix it.",
                task: "Read why the most important finding matters: explain its rule.",
                example:
                    "check, then 'explain CODE' with the code of the finding that matters most (the report's first recommendation)",
                missing: { state in
                    guard let code = Self.mostImportantRule(state.workbook, plugins: plugins, context: state.context)
                    else { return nil }
                    let slug = state.workbook.runnableChecks(plugins: plugins).first { $0.code == code }?.slug
                    if state.ran(["explain", code]) || slug.map({ state.ran(["explain", $0]) }) == true { return nil }
                    return "the most important finding now is \(code)'s: 'explain \(code)' reads why it matters"
                }))
        return lessons.sorted { $0.order < $1.order }
    }

    /// The rule of the first recommendation, as the report ranks them.
    static func mostImportantRule(_ workbook: Workbook, plugins: [any Plugin], context: CheckContext) -> String? {
        let checks = workbook.runnableChecks(plugins: plugins)
        let findings = CheckRunner(checks: checks).run(workbook, context: context)
        return Recommendation.ranked(findings, rules: checks, names: TargetNames(workbook)).first?.rule
    }

    /// The facilitator's script: per step, the idea, the task, one way to do it, the room's questions.
    static func script(_ lessons: [Lesson]) -> String {
        var out = "Facilitator's script: \(lessons.count) steps. Ask the questions before the learners type.\n"
        for (number, lesson) in lessons.enumerated() {
            out += "\n\(number + 1). \(lesson.task)\n   Idea: \(lesson.idea)\n   One way: \(lesson.example)\n"
            for question in lesson.questions { out += "   Ask: \(question.term)\n     Expect: \(question.detail)\n" }
        }
        return out
    }
}
