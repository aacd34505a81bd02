import LockstepCore

extension Builtins {
    static let check = ShellCommand(CommandSpec(
        "check", summary: "Run the loaded plugins' checks and list what they find, one finding per line",
        examples: ["check"]
    )) { session, _ in
        let checks = session.workbook.runnableChecks(plugins: session.plugins)
        let findings = CheckRunner(checks: checks).run(session.workbook, context: session.checkContext())
        let report = CheckReport(file: session.path ?? session.displayName, findings: findings, rules: checks, toolVersion: Lockstep.version,
                                 placingUnsaved: false)
        session.emit(.text(ReportFormat.text.render(report)))
        let active = findings.filter(\.isOpen)
        let errors = active.filter { $0.severity == .error }.count
        if errors > 0 {
            throw CommandError.failed("check found \(errors) error\(errors == 1 ? "" : "s")", fix: "'explain CODE' says why a rule matters and how to fix it")
        }
    }
}
