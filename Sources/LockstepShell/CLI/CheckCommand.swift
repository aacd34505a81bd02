import ArgumentParser
import LockstepCore

extension ReportFormat: ExpressibleByArgument {}
extension Severity: ExpressibleByArgument {}

/// `lockstep check WORKBOOK…`: the checks for CI, in the format the team's tools read.
struct CheckCommand: RunnableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check workbooks and report the findings (for CI).",
        discussion: """
            Several workbooks, or a quoted pattern such as 'teams/**/*.yaml', give one report covering all.

            Exit codes: 0 nothing at or above --fail-on, 1 findings at or above it, 2 a usage or input error.

            Examples:
              lockstep check examples/acme.yaml
              lockstep check 'examples/**/*.yaml' --format sarif --output lockstep.sarif
              lockstep check examples/acme.yaml --fail-on warning --select MK
              lockstep check examples/acme.yaml --write-baseline lockstep-baseline.txt
              lockstep check examples/acme.yaml --baseline lockstep-baseline.txt --format github
            """
    )

    @Argument(help: "The workbook files to check, or quoted patterns ('**' matches any folders).",
              completion: .file(extensions: ["yaml", "yml"]))
    var workbooks: [String]

    @Option(help: "Output format: text, json, sarif, junit, markdown or github (workflow annotations).")
    var format: ReportFormat = .text

    @Option(name: .customLong("fail-on"), help: "Fail (exit 1) on findings of this severity or worse: error, warning or info.")
    var failOn: Severity = .error

    @Option(name: .customLong("rule"), help: "Run only this rule (repeatable), e.g. --rule MK001.",
            completion: CompletionWords.rules)
    var rules: [String] = []

    @Option(name: .customLong("select"), help: "Run only rules whose code starts with this (repeatable), e.g. --select MK.",
            completion: CompletionWords.families)
    var selections: [String] = []

    @Option(help: "Write the report to this file (atomically) instead of standard output.", completion: .file())
    var output: String?

    @Option(help: "Fail only on findings not in this baseline file.", completion: .file())
    var baseline: String?

    @Option(name: .customLong("write-baseline"), help: "Write the open findings to this file as the baseline, then report as usual.",
            completion: .file())
    var writeBaseline: String?

    @Option(name: .customLong("docs-url"), help: "Where the rule reference is published; SARIF links each rule there.")
    var docsURL: String?

    @OptionGroup var clock: ClockOptions

    @OptionGroup var pluginPath: PluginPathOptions

    @Flag(help: "Let the workbook name CRM exports outside its own folder (leads.data.file, join.file).")
    var allowDataOutside = false

    @Flag(name: .customLong("workbooks-only"),
          help: "Skip files that are not Lockstep workbooks (no 'lockstep:' line), as a pre-commit hook given every YAML file.")
    var workbooksOnly = false

    func validate() throws {
        if workbooks.isEmpty { throw ValidationError("give at least one workbook") }
        let named = workbooks.filter { !Glob.isPattern($0) }
        for file in [output, writeBaseline].compactMap({ $0 }) where named.contains(file) {
            throw ValidationError("'\(file)' is a workbook being checked: write the report or the baseline somewhere else")
        }
    }

    func run(registry: PluginRegistry) -> Int32 {
        pluginPath.apply()
        return Lockstep.runCheck(self, registry: registry)
    }
}

/// A quick look at a file's first lines: does it declare itself a Lockstep workbook?
enum WorkbookSniff {
    /// True when a line of the file's first 64 KB starts with `lockstep:`, as every workbook's
    /// format line does; a file that cannot be read is left for the check to report.
    static func looksLikeWorkbook(_ path: String) -> Bool {
        guard let bytes = try? FileSystem.readPrefix(path, count: 65_536) else { return true }
        return String(decoding: bytes, as: UTF8.self).split(separator: "\n").contains { $0.hasPrefix("lockstep:") }
    }
}
