import ArgumentParser
import LockstepCore
import LockstepPluginHost

#if canImport(Glibc)
import Glibc
#endif

/// The one entry point the `lockstep` executable calls.
public enum Lockstep {
    public static let version = "0.1.0"

    /// Parses `arguments` (without the program name), runs, and returns the exit code.
    public static func main(
        arguments: [String], plugins: [any Plugin], teaching: (name: String, text: String)? = nil
    ) -> Int32 {
        teachingWorkbook = teaching
        let registry = PluginRegistry(plugins)
        CompletionWords.ruleCodes = (CoreChecks.all + plugins.flatMap(\.checks)).map(\.code).sorted()
        let command: any ParsableCommand
        do {
            command = try LockstepCommand.parseAsRoot(arguments)
        } catch {
            return report(error)
        }
        if let runnable = command as? any RunnableCommand { return runnable.run(registry: registry) }
        // ArgumentParser's own commands (the help screen) report through a clean exit.
        do {
            var builtIn = command
            try builtIn.run()
            return 0
        } catch {
            return report(error)
        }
    }

    /// Prints what ArgumentParser says about `error`: help and completions on standard output
    /// with exit 0, usage errors on standard error with exit 2.
    private static func report(_ error: any Error) -> Int32 {
        let message = LockstepCommand.fullMessage(for: error)
        if LockstepCommand.exitCode(for: error) == .success {
            StandardOutput().write(message.isEmpty ? "" : message + "\n")
            return 0
        }
        StandardOutput().writeError(message + "\n")
        return 2
    }

    /// A shell command (or a few) run once on `workbook`, or on an empty one: `lockstep explain`, `lockstep rules`.
    static func runOnce(_ commands: [String], workbook: String?, registry: PluginRegistry) -> Int32 {
        do {
            let options = try ShellOptions.parse(
                ["-c", commands.joined(separator: "; ")] + (workbook.map { [$0] } ?? []))
            return run(options, registry: registry)
        } catch {
            return report(error)
        }
    }

    /// The teaching example the executable ships, which `lockstep tour` copies when given no
    /// workbook. Set once by `main`, before anything else runs.
    nonisolated(unsafe) static var teachingWorkbook: (name: String, text: String)?

    static func run(_ options: ShellOptions, registry: PluginRegistry, startingTour: Bool = false) -> Int32 {
        options.pluginPath.apply()
        let output = StandardOutput()
        guard let clock = clock(today: options.clock.today, output: output) else { return 2 }
        let session = Session(
            registry: registry, output: output,
            renderOptions: RenderOptions(width: terminalWidth(), color: colorAllowed()))
        session.clock = clock
        session.journal = Journal.standard()
        session.tourPlace = TourPlace.standard
        session.pluginResolver = PluginResolver.standard(builtIn: registry)
        session.teachingWorkbook = teachingWorkbook
        session.allowsDataOutsideWorkbook = options.allowDataOutside
        guard let reader = makeReader(options, output: output) else { return 2 }
        if let editor = reader as? EditLineReader {
            editor.completer = { Completer(session: session).complete($0) }
        }
        let shell = Shell(
            session: session, reader: reader, keepGoing: options.keepGoing,
            history: reader.isInteractive ? HistoryFile.standard() : nil,
            color: reader.isInteractive && colorAllowed())
        if let path = options.workbook {
            if reader.isInteractive, !FileSystem.exists(path) {
                try? session.startNew(path: path, name: nil)
                session.emit(.note("\(path) does not exist yet: this is a new workbook, and 'save' creates the file"))
            } else {
                do {
                    try session.open(path)
                } catch {
                    shell.report(error, line: 0)
                    return 2
                }
            }
        }
        if reader.isInteractive {
            Interrupt.installHandler()
            output.write("Lockstep \(version): type 'help' for commands, Tab to complete, Ctrl-D to leave.\n")
        }
        leaveForExit(session)
        shell.offerRecovery()
        if startingTour,
            case .failed(let code) = shell.runLine(options.workbook == nil ? "tour" : "tour restart", number: 0)
        {
            return code
        }
        return shell.run()
    }

    /// The run's clock from `--today` or `SOURCE_DATE_EPOCH`; nil after printing why it cannot be read.
    static func clock(today: String?, output: OutputSink) -> DayClock? {
        do {
            return try DayClock.resolve(today: today)
        } catch {
            output.writeError("error: \(error.message)\n  fix: \(error.fix)\n")
            return nil
        }
    }

    private static func makeReader(_ options: ShellOptions, output: OutputSink) -> LineReader? {
        if let commands = options.commands {
            return ScriptedLineReader(CommandLineSyntax.statements(commands), sourceName: "-c")
        }
        if let script = options.script {
            do {
                return try PlainLineReader(path: script)
            } catch {
                output.writeError(
                    "error: cannot read script '\(Sanitized.visible(script))': \(error.reason)\n  fix: give --script a file of commands, one per line\n"
                )
                return nil
            }
        }
        if isatty(STDIN_FILENO) == 1,
            let editor = EditLineReader(programName: "lockstep", history: HistoryFile.standard()?.load() ?? [])
        {
            return editor
        }
        return PlainLineReader()
    }
}
