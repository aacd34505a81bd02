import ArgumentParser
import LockstepCore

extension ReportFormat: ExpressibleByArgument {}
extension Severity: ExpressibleByArgument {}

/// `lockstep check WORKBOOK`: the checks for CI, in the format the team's tools read.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lockstep check",
        abstract: "Check a workbook and report the findings (for CI).",
        discussion: """
            Exit codes: 0 nothing at or above --fail-on, 1 findings at or above it, 2 a usage or input error.

            Examples:
              lockstep check examples/acme.yaml
              lockstep check examples/acme.yaml --format sarif > lockstep.sarif
              lockstep check examples/acme.yaml --fail-on warning --select MK
            """
    )

    @Argument(help: "The workbook file to check.", completion: .file(extensions: ["yaml", "yml"]))
    var workbook: String

    @Option(help: "Output format: text, json, sarif, junit or markdown.")
    var format: ReportFormat = .text

    @Option(name: .customLong("fail-on"), help: "Fail (exit 1) on findings of this severity or worse: error, warning or info.")
    var failOn: Severity = .error

    @Option(name: .customLong("rule"), help: "Run only this rule (repeatable), e.g. --rule MK001.")
    var rules: [String] = []

    @Option(help: ArgumentHelp("Take this date as today for rules and waivers; SOURCE_DATE_EPOCH does the same.",
                             valueName: "YYYY-MM-DD"))
    var today: String?

    @Flag(help: "Let the workbook name CRM exports outside its own folder (leads.data.file, join.file).")
    var allowDataOutside = false

    @Option(name: .customLong("select"), help: "Run only rules whose code starts with this (repeatable), e.g. --select MK.")
    var selections: [String] = []
}

extension Lockstep {
    static func runCheck(_ options: CheckCommand, registry: PluginRegistry) -> Int32 {
        let output = StandardOutput()
        guard let clock = clock(today: options.today, output: output) else { return 2 }
        let workbook: Workbook
        do {
            workbook = try WorkbookLoader(registry: registry).load(path: options.workbook)
            leaveForExit(workbook)
        } catch {
            output.writeError(error.description + "\n")
            // A tool reading the report (a code-scanning upload, a test reporter) still gets a
            // whole document, saying the workbook could not be read.
            if options.format != .text {
                output.write(options.format.render(CheckReport(file: options.workbook, findings: [], rules: [],
                                                               toolVersion: version, errors: error.errors)))
            }
            return 2
        }
        let available = workbook.runnableChecks(plugins: workbook.plugins.compactMap(registry.plugin(named:)))
        let codes = available.map(\.code)
        for code in options.rules where !codes.contains(code) {
            output.writeError("error: --rule: unknown rule '\(code)'\(Suggestion.phrase(for: code, in: codes))\n  fix: 'lockstep rules' lists the rules of the loaded plugins\n")
            return 2
        }
        for prefix in options.selections where !codes.contains(where: { $0.hasPrefix(prefix) }) {
            let families = Set(codes.map { String($0.prefix(2)) }).sorted().joined(separator: ", ")
            output.writeError("error: --select: no rule of the loaded plugins starts with '\(Sanitized.excerpt(prefix))', so nothing would be checked\n"
                              + "  fix: choose among \(families), or 'lockstep rules' lists them\n")
            return 2
        }
        let chosen = available.filter { check in
            (options.rules.isEmpty || options.rules.contains(check.code))
                && (options.selections.isEmpty || options.selections.contains { check.code.hasPrefix($0) })
        }
        let findings = CheckRunner(checks: chosen).run(workbook, context: CheckContext(today: clock.today, workbookPath: options.workbook, allowsDataOutsideWorkbook: options.allowDataOutside))
        let runner = CheckRunner(checks: chosen)
        let report = CheckReport(file: options.workbook, findings: findings, rules: chosen, toolVersion: version,
                                 failOn: options.failOn, disabled: Set(chosen.filter { runner.severity(of: $0, settings: workbook.checks) == nil }.map(\.code)))
        output.write(options.format.render(report))
        if let failure = output.failure {
            output.writeError("error: cannot write the report: \(failure)\n  fix: write it where there is room: --format … > FILE\n")
            return 2
        }
        let failing = findings.contains(where: report.fails)
        return failing ? 1 : 0
    }
}
