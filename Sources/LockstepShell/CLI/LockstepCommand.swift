#if canImport(Glibc)
import Glibc
#endif
import ArgumentParser
import LockstepCore

/// The `lockstep` command line: the shell by default, and a subcommand for each run-once job.
///
/// ArgumentParser owns the whole grammar, so `--help`, the completion scripts and the man page
/// list every subcommand; `Lockstep.main` then runs the parsed command with the plugins.
struct LockstepCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lockstep",
        abstract: "Check that a company's marketing supports every step of its sales process.",
        discussion: """
            Without a subcommand, opens the workbook in the interactive shell, or runs commands in \
            batch (-c, --script, or standard input that is not a terminal).

            Exit codes: 0 success, 1 a command or check failed, 2 usage or input error.

            Examples:
              lockstep examples/acme.yaml
              lockstep -c "set format json; list activities" examples/acme.yaml
              lockstep check examples/*.yaml --format sarif --output lockstep.sarif
              lockstep diff git:HEAD~1:examples/acme.yaml examples/acme.yaml
            """,
        version: Lockstep.version,
        subcommands: [ShellSubcommand.self, CheckCommand.self, DiffCommand.self, ExplainCommand.self, RulesCommand.self,
                      TourCommand.self, ServeCommand.self, PluginCommand.self, DocsCommand.self],
        defaultSubcommand: ShellSubcommand.self
    )
}

/// A parsed subcommand, run with the plugins the executable was built with.
protocol RunnableCommand: ParsableCommand {
    func run(registry: PluginRegistry) -> Int32
}

/// `--today`, shared by every subcommand that checks or reports.
struct ClockOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Take this date as today for rules, waivers and reports; SOURCE_DATE_EPOCH does the same.",
                               valueName: "YYYY-MM-DD"))
    var today: String?
}

/// `--plugin-path`, for every subcommand that loads workbooks: more folders where plugins named
/// by a bare name are looked for (before `LOCKSTEP_PLUGIN_PATH`'s).
struct PluginPathOptions: ParsableArguments {
    @Option(name: .customLong("plugin-path"), help: ArgumentHelp("Also look for plugins named by a bare name in this folder (repeatable).",
                                                               valueName: "DIR"),
            completion: .directory)
    var folders: [String] = []

    /// Puts the folders first in `LOCKSTEP_PLUGIN_PATH`, which the plugin host reads.
    func apply() {
        guard !folders.isEmpty else { return }
        let existing = FileSystem.environment("LOCKSTEP_PLUGIN_PATH").map { [$0] } ?? []
        setenv("LOCKSTEP_PLUGIN_PATH", (folders + existing).joined(separator: ":"), 1)
    }
}

/// What the shell and the tour share: the workbook, where commands come from, and the run's settings.
struct ShellOptions: ParsableArguments {
    @Argument(help: "The workbook file to open.", completion: .file(extensions: ["yaml", "yml"]))
    var workbook: String?

    @Option(name: [.customShort("c"), .customLong("command")], help: "Run these commands, separated by ';', then exit.")
    var commands: String?

    @Option(name: [.customShort("s"), .long], help: "Run the commands in this file, one per line, then exit.",
            completion: .file())
    var script: String?

    @OptionGroup var clock: ClockOptions

    @OptionGroup var pluginPath: PluginPathOptions

    @Flag(help: "Let the workbook name CRM exports outside its own folder (leads.data.file, join.file).")
    var allowDataOutside = false

    @Flag(name: [.customShort("k"), .long], help: "Keep running a script past a failing command; exit with the worst code.")
    var keepGoing = false

    func validate() throws {
        if commands != nil && script != nil {
            throw ValidationError("give either -c or --script, not both")
        }
    }
}

/// `lockstep [shell] [WORKBOOK]`: the interactive shell, or the same commands in batch.
struct ShellSubcommand: RunnableCommand {
    static let configuration = CommandConfiguration(
        commandName: "shell",
        abstract: "Open a workbook in the shell, or run commands in batch (the default subcommand).",
        discussion: """
            In batch use the first failing command stops the run, unless --keep-going.

            Examples:
              lockstep examples/acme.yaml
              lockstep --script audit.lks examples/acme.yaml
            """
    )

    @OptionGroup var options: ShellOptions

    func run(registry: PluginRegistry) -> Int32 { Lockstep.run(options, registry: registry) }
}

/// `lockstep tour [WORKBOOK]`: the shell on a teaching example, the tour already started.
struct TourCommand: RunnableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tour",
        abstract: "Start the guided tour: the shell on a copy of a teaching example, one task at a time.",
        discussion: """
            Without a workbook, resumes a tour left half-way, else starts on a copy of the shipped B2B software \
            example; with one, starts on a copy of it. The copy lives in the state folder \
            ($XDG_STATE_HOME/lockstep/tour): the tour never changes your own files.
            """
    )

    @OptionGroup var options: ShellOptions

    func run(registry: PluginRegistry) -> Int32 { Lockstep.run(options, registry: registry, startingTour: true) }
}
