import LockstepCore

/// Runs statements from a `LineReader` against a session, interactively or as a script.
public final class Shell {
    public let session: Session
    let reader: LineReader
    /// Run the rest of a script after a failing command (like `make -k`).
    let keepGoing: Bool
    let history: HistoryFile?
    let color: Bool
    /// See `endsMeaningGone`.
    var endsInARow = 0
    var inputIsGone = false

    public init(session: Session, reader: LineReader, keepGoing: Bool = false, history: HistoryFile? = nil, color: Bool = false) {
        self.session = session
        self.reader = reader
        self.keepGoing = keepGoing
        self.history = history
        self.color = color
        session.runStatement = { [unowned self] statement in self.runLine(statement, number: 0) == .succeeded }
        if reader.isInteractive {
            session.asker = { [unowned reader] question in
                guard case .line(let answer) = reader.readAnswer(prompt: question) else { return false }
                return answer.trimmed.lowercased().hasPrefix("y")
            }
        }
    }

    /// The prompt: the workbook's name, `*` while it has unsaved changes.
    public var prompt: String {
        let marker = session.isDirty ? "*" : ""
        guard color else { return "\(session.displayName)\(marker)> " }
        // \u{1} brackets escape sequences so libedit does not count them as columns;
        // two brackets in a row would read as a literal \u{1}, so each sequence is bracketed once.
        let bold = "\u{1}\u{1B}[1m\u{1}", yellow = "\u{1}\u{1B}[0;33m\u{1}", plain = "\u{1}\u{1B}[0m\u{1}"
        return bold + session.displayName + (marker.isEmpty ? "" : yellow + marker) + plain + "> "
    }

    /// Reads and runs until the input ends or `quit`; returns the exit code. A run that ends
    /// (rather than being killed) removes its journal: its changes were saved or given up.
    public func run() -> Int32 {
        let code = readAndRun()
        if !inputIsGone { session.journal?.discard() }
        return code
    }

    /// Ends of input in a row with no line between: a person pressing Ctrl-D at the leaving
    /// question stays, but a terminal that is gone answers nothing but ends, for ever.
    static let endsMeaningGone = 5

    private func readAndRun() -> Int32 {
        var lineNumber = 0
        var worst: Int32 = 0
        while true {
            Interrupt.clear()
            switch reader.readLine(prompt: reader.isInteractive ? prompt : "") {
            case .interrupted:
                continue
            case .failed(let reason):
                session.output.writeError("error: \(reason)\n  fix: give lockstep a file of commands, one per line\n")
                return 2
            case .end:
                endsInARow += 1
                if reader.isInteractive, !confirmLeaving() {
                    guard endsInARow >= Self.endsMeaningGone else { continue }
                    inputIsGone = true
                    session.output.writeError("the input has ended: leaving \(session.displayName) with its unsaved changes in the journal; the next start on it offers them back\n")
                    return worst
                }
                noteUnsavedChanges()
                return worst
            case .line(let text):
                endsInARow = 0
                lineNumber += 1
                if reader.isInteractive, !text.trimmed.isEmpty {
                    // Completion leaves a trailing space; history keeps the line without it.
                    let line = text.trailingSpacesTrimmed
                    reader.remember(line)
                    history?.append(line)
                }
                let outcome = runLine(text, number: lineNumber)
                if session.needsRecoveryCheck { offerRecovery() }
                switch outcome {
                case .succeeded: break
                case .failed(let code):
                    // At a terminal an error only ends the command; in a script it decides the exit code.
                    guard !reader.isInteractive else { break }
                    worst = max(worst, code)
                    if !keepGoing { return code }
                case .quit(let discard):
                    if reader.isInteractive, !discard, !confirmLeaving() { continue }
                    noteUnsavedChanges()
                    return worst
                }
            }
        }
    }

    enum LineOutcome: Equatable {
        case succeeded
        case failed(Int32)
        case quit(discard: Bool)
    }

    /// Runs each `;`-separated statement of a line, stopping at the first failure.
    func runLine(_ text: String, number: Int) -> LineOutcome {
        for statement in CommandLineSyntax.statements(text) {
            defer {
                followTour(statement)
                session.live?.refresh(session)
            }
            do {
                try execute(statement)
            } catch let error as CommandError {
                report(error, line: number)
                return .failed(error.exitCode)
            } catch let quit as QuitRequest {
                return .quit(discard: quit.discardChanges)
            } catch {
                report(.failed("\(error)", fix: nil), line: number)
                return .failed(1)
            }
        }
        return .succeeded
    }

    /// After each command the learner types during a tour: the result judged, and the next
    /// lesson once the task is done, else what is still missing.
    private func followTour(_ statement: String) {
        guard let tour = session.tour, let words = try? CommandLineSyntax.words(statement).map(\.text),
              let first = words.first, first != "tour", tour.current != nil else { return }
        let judged = tour.judge(LessonState(workbook: session.workbook, command: words, context: session.checkContext()))
        if judged.done {
            // The tour's copy keeps each finished step, so leaving the shell loses nothing.
            if tour.place != nil, session.isDirty { _ = try? session.save(to: nil, force: false) }
            session.emit(.text(""))
            Builtins.showLesson(session, tour)
        } else if let missing = judged.missing {
            session.emit(.text("[tour] not yet: \(missing). ('tour hint' shows one way, 'tour next' skips)"))
        }
    }

    func execute(_ statement: String) throws {
        let words = try CommandLineSyntax.words(statement)
        guard !words.isEmpty else { return }
        let texts = words.map(\.text)
        guard let command = session.command(matching: texts) else {
            throw unknownCommand(texts)
        }
        let invocation = try Invocation(spec: command.spec, words: words, line: statement)
        session.statementNumber += 1
        session.currentStatement = statement.trimmed
        defer { session.currentStatement = nil }
        try command.run(session, invocation)
    }

    private func unknownCommand(_ words: [String]) -> CommandError {
        let commands = session.commands
        // `stage shwo`: the first word is a command group, the second is the typo.
        let group = commands.filter { $0.spec.words.count > 1 && $0.spec.words[0] == words[0] }
        if !group.isEmpty, words.count == 1 {
            let subcommands = group.map { $0.spec.words[1] }
            return .usage("'\(words[0])' needs one of: \(subcommands.joined(separator: ", "))",
                          fix: "e.g. '\(group[0].spec.name)'; 'help \(group[0].spec.name)' shows its usage")
        }
        if !group.isEmpty, words.count > 1 {
            let subcommands = group.map { $0.spec.words[1] }
            return .usage("unknown command '\(words[0]) \(words[1])'\(Suggestion.phrase(for: words[1], in: subcommands).replacingFirstQuote(with: "'\(words[0]) "))",
                          fix: "'help' lists the commands")
        }
        let names = Set(commands.map { $0.spec.words[0] })
        return .usage("unknown command '\(words[0])'\(Suggestion.phrase(for: words[0], in: names))", fix: "'help' lists the commands")
    }

    /// `error: …` at a terminal; `script.lks:3: error: …` in a script, so the line can be found.
    func report(_ error: CommandError, line: Int) {
        if case .workbook(let failure) = error {
            session.output.writeError(failure.description + "\n")
            if reader.isInteractive { session.output.writeError("(the workbook was not opened; \(session.displayName) is still open)\n") }
            return
        }
        let place = reader.isInteractive ? "" : "\(reader.sourceName):\(line): "
        var text = "\(place)error: \(Sanitized.visible(error.message, keepingLayout: true))\n"
        if let fix = error.fix { text += "  fix: \(Sanitized.visible(fix, keepingLayout: true))\n" }
        session.output.writeError(text)
    }

    /// At a terminal with unsaved changes: save, leave anyway, or stay. Only `y` and `n` leave:
    /// Ctrl-C, Ctrl-D or anything else stays in the shell, changes kept.
    private func confirmLeaving() -> Bool {
        guard session.isDirty else { return true }
        let question = "\(session.displayName) has unsaved changes. Save before leaving? [y]es, [n]o, [c]ancel: "
        let reply = reader.readLine(prompt: question)
        guard case .line(let answer) = reply else {
            if reply == .end { endsInARow += 1 }
            session.output.write("\n")
            return false
        }
        endsInARow = 0
        switch answer.trimmed.lowercased().first {
        case "y":
            do {
                let path = try session.save(to: nil, force: false)
                session.emit(.note("saved \(path)"))
                return true
            } catch {
                report(error, line: 0)
                return false
            }
        case "n": return true
        default: return false
        }
    }

    private func noteUnsavedChanges() {
        guard !reader.isInteractive, session.isDirty, session.path != nil || !session.workbook.items.isEmpty else { return }
        session.output.writeError("note: changes to \(session.displayName) were not saved (end the script with 'save')\n")
    }
}

extension String {
    /// Turns ` (did you mean 'show'?)` into ` (did you mean 'stage show'?)`.
    func replacingFirstQuote(with replacement: String) -> String {
        guard let quote = firstIndex(of: "'") else { return self }
        return self[..<quote] + replacement + self[index(after: quote)...]
    }
}
