import LockstepCore

extension Builtins {
    static let check = ShellCommand(CommandSpec(
        "check", summary: "Run the loaded plugins' checks and list what they find, one finding per line",
        examples: ["check"]
    )) { session, _ in
        let checks = session.workbook.runnableChecks(plugins: session.plugins)
        let file = session.path ?? session.displayName
        // A finding on an item added in the session has no place in the file yet, and says so;
        // one about the workbook as a whole (no strategy at all) is placed at its top.
        let unsaved = Set(session.workbook.items.filter { $0.location == nil }.map(\.id))
        let findings = CheckRunner(checks: checks).run(session.workbook, context: session.checkContext()).map { finding in
            var placed = finding
            let new = unsaved.contains(finding.target) || unsaved.contains { finding.target.hasPrefix($0 + "/") }
            if placed.location == nil, !new { placed.location = SourceLocation(file: file, line: 1, column: 1) }
            return placed
        }
        let report = CheckReport(file: file, findings: findings, rules: checks, toolVersion: Lockstep.version, placingUnsaved: false)
        session.emit(.text(ReportFormat.text.render(report)))
        let active = findings.filter(\.isOpen)
        let errors = active.filter { $0.severity == .error }.count
        if errors > 0 {
            throw CommandError.failed("check found \(errors) error\(errors == 1 ? "" : "s")", fix: "'explain CODE' says why a rule matters and how to fix it")
        }
    }
}
