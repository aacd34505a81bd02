import ArgumentParser
import LockstepCore

extension OutputFormat: ExpressibleByArgument {}

/// Completion candidates that depend on the plugins the executable was built with.
enum CompletionWords {
    /// Set once by `Lockstep.main` before parsing, so a completion request (the same binary,
    /// run by the shell's completion script) offers the codes of the built-in rules.
    nonisolated(unsafe) static var ruleCodes: [String] = []

    static let rules = CompletionKind.custom { _, _, prefix in ruleCodes.filter { $0.hasPrefix(prefix.uppercased()) } }

    /// The rules' families, `LD`, `MK`…: what `--select` takes.
    static let families = CompletionKind.custom { _, _, prefix in
        Set(ruleCodes.map { String($0.prefix(2)) }).sorted().filter { $0.hasPrefix(prefix.uppercased()) }
    }
}

/// `lockstep explain CODE [WORKBOOK]`: the shell's `explain`, run once.
struct ExplainCommand: RunnableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Explain a rule in business language: what it checks, why it matters, an example, the fix.",
        discussion: "Examples:\n  lockstep explain MK001\n  lockstep explain stage-without-content"
    )

    @Argument(help: "The rule's code or slug.", completion: CompletionWords.rules)
    var code: String

    @Argument(help: "A workbook whose team rules to explain too.", completion: .file(extensions: ["yaml", "yml"]))
    var workbook: String?

    func run(registry: PluginRegistry) -> Int32 {
        Lockstep.runOnce(["explain " + CommandLineSyntax.quoted(code)], workbook: workbook, registry: registry)
    }
}

/// `lockstep rules [WORKBOOK]`: the rules and their severity, in a format for a document or a script.
struct RulesCommand: RunnableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List the rules of the loaded plugins with their severity (in the workbook, when one is given).",
        discussion: "Examples:\n  lockstep rules\n  lockstep rules examples/acme.yaml --format markdown"
    )

    @Argument(
        help: "A workbook whose severities and team rules to show.", completion: .file(extensions: ["yaml", "yml"]))
    var workbook: String?

    @Option(help: "Output format: table, csv, json or markdown.")
    var format: OutputFormat = .table

    func run(registry: PluginRegistry) -> Int32 {
        Lockstep.runOnce(["set format \(format.rawValue)", "rules"], workbook: workbook, registry: registry)
    }
}

/// `lockstep docs [FOLDER]`: the command and rule reference, regenerated.
struct DocsCommand: RunnableCommand {
    static let configuration = CommandConfiguration(
        commandName: "docs",
        abstract: "Write the command and rule reference (commands.md, rules.md) into a folder.",
        discussion: "Example:\n  lockstep docs docs"
    )

    @Argument(help: "The folder to write into.", completion: .directory)
    var folder = "docs"

    func run(registry: PluginRegistry) -> Int32 {
        do {
            try ReferenceDocs.write(to: folder, registry: registry)
            StandardOutput().writeError("wrote \(folder)/commands.md and \(folder)/rules.md\n")
            return 0
        } catch {
            StandardOutput().writeError(
                "error: cannot write \(error.path): \(error.reason)\n"
                    + "  fix: give a folder that exists: lockstep docs FOLDER\n")
            return 2
        }
    }
}
