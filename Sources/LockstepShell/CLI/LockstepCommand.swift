import ArgumentParser

/// The `lockstep` command line: open a workbook in the shell, or run commands in batch.
struct LockstepCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lockstep",
        abstract: "Check that a company's marketing supports every step of its sales process.",
        discussion: """
            With no commands, opens an interactive shell (or reads commands from standard input
            when it is not a terminal). In batch use the first failing command stops the run.
            Exit codes: 0 success, 1 a command or check failed, 2 usage or input error.

            Subcommand: lockstep check WORKBOOK [--format …] [--fail-on …] checks a workbook
            for CI (see lockstep check --help).

            Examples:
              lockstep examples/acme.yaml
              lockstep -c "list stages; set format json; list activities" examples/acme.yaml
              lockstep --script audit.lks examples/acme.yaml
              lockstep check examples/acme.yaml --format sarif
            """,
        version: Lockstep.version
    )

    @Argument(help: "The workbook file to open.", completion: .file(extensions: ["yaml", "yml"]))
    var workbook: String?

    @Option(name: [.customShort("c"), .customLong("command")], help: "Run these commands, separated by ';', then exit.")
    var commands: String?

    @Option(name: [.customShort("s"), .long], help: "Run the commands in this file, one per line, then exit.")
    var script: String?

    @Option(help: ArgumentHelp("Take this date as today for rules, waivers and reports; SOURCE_DATE_EPOCH does the same.",
                             valueName: "YYYY-MM-DD"))
    var today: String?

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
