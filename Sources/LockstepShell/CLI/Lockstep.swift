#if canImport(Glibc)
import Glibc
#endif
import ArgumentParser
import LockstepCore

/// The one entry point the `lockstep` executable calls.
public enum Lockstep {
    public static let version = "0.1.0"

    /// Parses `arguments` (without the program name), runs, and returns the exit code.
    public static func main(arguments: [String], plugins: [any Plugin]) -> Int32 {
        // `lockstep explain CODE` and `lockstep rules` are the shell's commands run once.
        if let word = arguments.first, word == "explain" || word == "rules" {
            let line = arguments.map { $0.contains(" ") ? "\"\($0)\"" : $0 }.joined(separator: " ")
            return run(try! LockstepCommand.parse(["-c", line]), registry: PluginRegistry(plugins))
        }
        // `lockstep docs [FOLDER]`: the command and rule reference, regenerated.
        if arguments.first == "docs" {
            let folder = arguments.count > 1 ? arguments[1] : "docs"
            do {
                try ReferenceDocs.write(to: folder, registry: PluginRegistry(plugins))
                StandardOutput().writeError("wrote \(folder)/commands.md and \(folder)/rules.md\n")
                return 0
            } catch {
                StandardOutput().writeError("error: cannot write \(error.path): \(error.reason)\n  fix: give a folder that exists: lockstep docs FOLDER\n")
                return 2
            }
        }
        // `lockstep tour [WORKBOOK]`: the shell on a teaching example, the tour already started.
        if arguments.first == "tour" {
            do {
                var options = try LockstepCommand.parse(Array(arguments.dropFirst()))
                if options.workbook == nil, FileSystem.exists(defaultTourWorkbook) { options.workbook = defaultTourWorkbook }
                return run(options, registry: PluginRegistry(plugins), startingTour: true)
            } catch {
                StandardOutput().writeError(LockstepCommand.fullMessage(for: error) + "\n")
                return 2
            }
        }
        // `check` is dispatched by hand: the root's optional WORKBOOK argument would take the
        // word `check` before ArgumentParser looked for a subcommand.
        let command: any ParsableCommand
        let type: any ParsableCommand.Type = arguments.first == "check" ? CheckCommand.self : LockstepCommand.self
        do {
            command = try type.parseAsRoot(arguments.first == "check" ? Array(arguments.dropFirst()) : arguments)
        } catch {
            let message = type.fullMessage(for: error)
            if type.exitCode(for: error) == .success {
                StandardOutput().write(message + "\n")
                return 0
            }
            StandardOutput().writeError(message + "\n")
            return 2
        }
        let registry = PluginRegistry(plugins)
        if let check = command as? CheckCommand { return runCheck(check, registry: registry) }
        if let options = command as? LockstepCommand { return run(options, registry: registry) }
        // ArgumentParser's own commands (the help screen) report through a clean exit.
        do {
            var builtIn = command
            try builtIn.run()
            return 0
        } catch {
            let failed = type.exitCode(for: error) != .success
            let message = type.fullMessage(for: error) + "\n"
            if failed { StandardOutput().writeError(message) } else { StandardOutput().write(message) }
            return failed ? 2 : 0
        }
    }

    /// The example `lockstep tour` opens when given none, from the project's folder.
    static let defaultTourWorkbook = "examples/saas/brightlane.yaml"

    static func run(_ options: LockstepCommand, registry: PluginRegistry, startingTour: Bool = false) -> Int32 {
        let output = StandardOutput()
        guard let clock = clock(today: options.today, output: output) else { return 2 }
        let session = Session(registry: registry, output: output,
                              renderOptions: RenderOptions(width: terminalWidth(), color: colorAllowed()))
        session.clock = clock
        session.journal = Journal.standard()
        session.allowsDataOutsideWorkbook = options.allowDataOutside
        guard let reader = makeReader(options, output: output) else { return 2 }
        if let editor = reader as? EditLineReader {
            editor.completer = { Completer(session: session).complete($0) }
        }
        let shell = Shell(session: session, reader: reader, keepGoing: options.keepGoing,
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
        if startingTour, case .failed(let code) = shell.runLine("tour", number: 0) { return code }
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

    private static func makeReader(_ options: LockstepCommand, output: OutputSink) -> LineReader? {
        if let commands = options.commands {
            return ScriptedLineReader(CommandLineSyntax.statements(commands), sourceName: "-c")
        }
        if let script = options.script {
            do {
                return try PlainLineReader(path: script)
            } catch {
                output.writeError("error: cannot read script '\(Sanitized.visible(script))': \(error.reason)\n  fix: give --script a file of commands, one per line\n")
                return nil
            }
        }
        if isatty(STDIN_FILENO) == 1,
           let editor = EditLineReader(programName: "lockstep", history: HistoryFile.standard()?.load() ?? []) {
            return editor
        }
        return PlainLineReader()
    }
}
