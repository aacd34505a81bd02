import LockstepCore

extension Builtins {
    static let tour = ShellCommand(CommandSpec(
        "tour", summary: "A guided tour of the open workbook for new hires: each step explains an idea and checks the command typed",
        arguments: [ArgumentSpec("next|stop", completion: .words(["next", "stop"]), optional: true)],
        examples: ["open examples/saas/brightlane.yaml", "tour", "tour next", "tour stop"]
    )) { session, invocation in
        switch invocation.argument(0) {
        case nil:
            guard !session.workbook.items.isEmpty else {
                throw CommandError.failed("the tour walks through the open workbook, and this one is empty",
                                          fix: "open an example first, e.g. open examples/saas/brightlane.yaml")
            }
            let tour = Tour(steps: Tour.steps(for: session.workbook, commands: Set(session.commands.map { $0.spec.words[0] })))
            session.tour = tour
            session.emit(.text("Welcome to the tour of \(session.workbook.name ?? session.displayName). Type the commands shown; 'tour next' skips a step, 'tour stop' ends the tour.\n\n\(tour.lesson)"))
        case "next":
            guard let tour = session.tour else { throw CommandError.failed("no tour is running", fix: "start one with 'tour'") }
            tour.skip()
            session.emit(.text(tour.lesson))
            if tour.isFinished { session.tour = nil }
        case "stop":
            guard session.tour != nil else { throw CommandError.failed("no tour is running", fix: "start one with 'tour'") }
            session.tour = nil
            session.emit(.text("[tour] stopped; 'tour' starts again from the beginning"))
        case let other?:
            throw CommandError.unknown("tour action", other, among: ["next", "stop"])
        }
    }
}
