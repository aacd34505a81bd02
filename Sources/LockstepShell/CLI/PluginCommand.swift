import ArgumentParser
import LockstepCore
import LockstepPluginHost

/// `lockstep plugin …`: tools for plugin authors.
struct PluginCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plugin",
        abstract: "Tools for writing a plugin of your own (docs/plugins.md).",
        subcommands: [PluginTestCommand.self]
    )
}

/// `lockstep plugin test PATH`: the conformance suite a plugin author runs.
struct PluginTestCommand: RunnableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract:
            "Check that a plugin speaks the protocol: handshake, signature, each rule and command on a sample workbook.",
        discussion: """
            The sample is the shipped B2B software example unless --workbook names another. Exit 0 when every \
            test passes, 1 otherwise.

            Example:
              lockstep plugin test examples/plugins/meddicc.py
            """
    )

    @Argument(help: "The plugin's executable.", completion: .file())
    var path: String

    @Option(
        help: "A workbook to call the plugin's rules and commands on.", completion: .file(extensions: ["yaml", "yml"]))
    var workbook: String?

    @Option(help: "Seconds the plugin has for each answer.")
    var timeout: Double = 10

    @OptionGroup var clock: ClockOptions

    func run(registry: PluginRegistry) -> Int32 {
        let output = StandardOutput()
        guard let clock = Lockstep.clock(today: clock.today, output: output) else { return 2 }
        guard FileSystem.exists(path) else {
            output.writeError(
                "error: \(Sanitized.visible(path)) does not exist\n  fix: give the plugin's executable file\n")
            return 2
        }
        let sample: Workbook
        do {
            if let workbook {
                // A sample that names plugins of its own (this one, perhaps) loads with them.
                sample = try WorkbookLoader.withExternalPlugins(
                    registry, resolver: PluginResolver.standard(builtIn: registry)
                ).load(
                    path: workbook)
            } else if let teaching = Lockstep.teachingWorkbook {
                sample = try WorkbookLoader(registry: registry).decode(Array(teaching.text.utf8), file: teaching.name)
            } else {
                sample = Workbook(plugins: registry.names)
            }
        } catch {
            output.writeError(error.errors.map(\.description).joined(separator: "\n") + "\n")
            return 2
        }
        let absolute = path.hasPrefix("/") ? path : (FileSystem.realPath(".") ?? ".") + "/" + path
        let outcomes = PluginConformance.run(
            executable: absolute, sample: sample, today: clock.today, builtIn: registry,
            builtInCodes: Set((CoreChecks.all + registry.available.flatMap(\.checks)).map(\.code)),
            builtInCommands: Set(
                Builtins.all.map { $0.spec.words[0] } + registry.available.flatMap(\.commands).map { $0.spec.words[0] }),
            timeout: timeout)
        for outcome in outcomes {
            output.write(outcome.problem.map { "FAIL  \(outcome.test): \($0)\n" } ?? "ok    \(outcome.test)\n")
        }
        let failed = outcomes.filter { $0.problem != nil }.count
        output.write(
            failed == 0 ? "all \(outcomes.count) tests passed\n" : "\(failed) of \(outcomes.count) tests failed\n")
        return failed == 0 ? 0 : 1
    }
}
