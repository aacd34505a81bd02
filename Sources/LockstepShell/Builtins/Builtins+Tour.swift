import LockstepCore

extension Builtins {
    static let tourActions = ["where", "next", "back", "repeat", "hint", "stop", "restart"]

    static let tour = ShellCommand(
        CommandSpec(
            "tour",
            summary: "A guided tour for new hires: each step explains an idea, gives a task, and checks the result",
            arguments: [ArgumentSpec("ACTION", completion: .words(tourActions), optional: true)],
            options: [
                OptionSpec(
                    "--class",
                    summary:
                        "print the facilitator's script for a class: per step, the questions to ask and the answers to expect"
                )
            ],
            examples: ["tour", "tour hint", "tour back", "tour where", "tour --class"]
        )
    ) { session, invocation in
        if invocation.flag("--class") {
            session.emit(.text(Tour.script(Tour.lessons(for: try tourWorkbook(session), session: session))))
            return
        }
        let action = invocation.argument(0)
        if let action, !tourActions.contains(action) {
            throw CommandError.unknown("tour action", action, among: tourActions)
        }
        if action == nil || action == "restart", session.tour == nil || action == "restart" {
            try startTour(session, restart: action == "restart")
            return
        }
        guard let tour = session.tour else {
            throw CommandError.failed("no tour is running", fix: "start one with 'tour'")
        }
        switch action {
        case "next":
            tour.next()
            showLesson(session, tour)
        case "back":
            tour.back()
            showLesson(session, tour)
        case "repeat":
            showLesson(session, tour)
        case "hint":
            session.emit(.text("[tour] one way: \(tour.current?.example ?? "none, the tour is over")"))
        case "stop":
            session.tour = nil
            session.emit(.text("[tour] stopped; 'tour' resumes at this step"))
        default:
            session.emit(.text(tour.whereAbout))
        }
    }

    /// The step's lesson, and the live page pointed at what it talks about.
    static func showLesson(_ session: Session, _ tour: Tour) {
        session.emit(.text(tour.lesson))
        if let focus = tour.current?.focus { session.live?.focus(focus) }
        if tour.isFinished { session.tour = nil }
    }

    /// The workbook the tour would teach on: the open one, else the shipped teaching example.
    static func tourWorkbook(_ session: Session) throws -> Workbook {
        if !session.workbook.items.isEmpty { return session.workbook }
        guard let teaching = session.teachingWorkbook else {
            throw CommandError.failed(
                "the tour walks through a workbook, and this one is empty",
                fix: "open an example first, e.g. open examples/saas/brightlane.yaml, or run 'lockstep tour'")
        }
        return try WorkbookLoader(registry: session.registry).decode(Array(teaching.text.utf8), file: teaching.name)
    }

    /// Starts (or resumes) the tour on a copy in the state folder, never on the learner's own file.
    static func startTour(_ session: Session, restart: Bool) throws {
        guard let place = session.tourPlace else {
            // No state folder (an embedded session): the tour runs on the open workbook as it is.
            let tour = Tour(lessons: Tour.lessons(for: try tourWorkbook(session), session: session), place: nil)
            try begin(session, tour)
            return
        }
        if !restart, let resumable = place.resumable(), session.path == nil || session.path == resumable.copy {
            if session.path != resumable.copy { try session.open(resumable.copy) }
            let start = try WorkbookLoader(registry: session.registry).decode(
                Array(resumable.start.utf8), file: "start.yaml")
            let tour = Tour(
                lessons: Tour.lessons(for: start, session: session), startingAt: resumable.lesson, place: place)
            session.tourStart = findings(of: start, session: session)
            session.tour = tour
            session.emit(
                .text(
                    "Welcome back: the tour resumes at step \(tour.position + 1) of \(tour.lessons.count), on its copy \(resumable.copy).\n"
                ))
            showLesson(session, tour)
            return
        }
        if session.isDirty {
            throw CommandError.failed(
                "the tour works on a copy of the saved workbook, and this one has unsaved changes",
                fix: "save them first, or start the tour on a shipped example with 'lockstep tour'")
        }
        let text: String, name: String
        if let path = session.path, !session.workbook.items.isEmpty, let saved = TourPlace.text(path, limit: 64 << 20) {
            (text, name) = (anchoringPlugins(saved, of: session, from: path), path)
        } else if let teaching = session.teachingWorkbook {
            (text, name) = (teaching.text, teaching.name)
        } else {
            _ = try tourWorkbook(session)
            return
        }
        let copy = try place.begin(text: text, name: name)
        let original = session.path
        try session.open(copy)
        let tour = Tour(lessons: Tour.lessons(for: session.workbook, session: session), place: place)
        place.record(tour.current?.id)
        session.tourStart = findings(of: session.workbook, session: session)
        try begin(session, tour, note: original.map { "The tour works on a copy (\(copy)); \($0) is not changed." })
    }

    /// The workbook's text with each plugin it names by a relative path named by its full path,
    /// so the copy in the state folder still finds `./plugins/meddicc.py`; the rest kept as it is.
    static func anchoringPlugins(_ text: String, of session: Session, from path: String) -> String {
        let folder = FileSystem.realPath(FileSystem.folder(of: path).isEmpty ? "." : FileSystem.folder(of: path)) ?? "."
        var workbook = session.workbook
        func anchored(_ entry: String) -> String {
            guard WorkbookLoader.isExternal(entry), !entry.hasPrefix("/") else { return entry }
            return folder + "/" + (entry.hasPrefix("./") ? String(entry.dropFirst(2)) : entry)
        }
        guard workbook.plugins.contains(where: { anchored($0) != $0 }) else { return text }
        workbook.plugins = workbook.plugins.map(anchored)
        workbook.pluginSettings = Dictionary(
            uniqueKeysWithValues: workbook.pluginSettings.map { (anchored($0.key), $0.value) })
        let original = WorkbookText(bytes: Array(text.utf8), workbook: session.workbook)
        return String(
            decoding: WorkbookEncoder(registry: session.registry).encode(workbook, keeping: original).bytes,
            as: UTF8.self)
    }

    static func begin(_ session: Session, _ tour: Tour, note: String? = nil) throws {
        session.tour = tour
        let name = session.workbook.name ?? session.displayName
        var welcome =
            "Welcome to the tour of \(name): \(tour.lessons.count) steps. Do each task your own way; the tour checks the result. "
            + "'tour hint' shows one way, 'tour back' and 'tour repeat' go over a step, 'tour stop' pauses.\n"
        if let note { welcome += note + "\n" }
        session.emit(.text(welcome))
        showLesson(session, tour)
    }

    static func findings(of workbook: Workbook, session: Session) -> [Finding] {
        CheckRunner(checks: workbook.runnableChecks(plugins: session.plugins)).run(
            workbook, context: session.checkContext())
    }
}
