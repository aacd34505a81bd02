import LockstepCore

extension Builtins {
    static let check = ShellCommand(CommandSpec(
        "check", summary: "Run the loaded plugins' checks and list what they find, one finding per line",
        examples: ["check"]
    )) { session, _ in
        let findings = CheckRunner(checks: session.plugins.flatMap(\.checks)).run(session.workbook, context: CheckContext(today: .today))
        let file = session.path ?? session.displayName
        var text = ""
        for finding in findings {
            let location = finding.location ?? SourceLocation(file: file, line: 1, column: 1)
            let waived = finding.waivedBecause.map { " (waived: \($0))" } ?? ""
            text += "\(location): \(finding.severity.rawValue): [\(finding.rule)] \(finding.message)\(waived)\n"
        }
        let active = findings.filter { $0.waivedBecause == nil }
        let counts = Severity.allCases.reversed().map { severity -> String in
            let count = active.filter { $0.severity == severity }.count
            return "\(count) \(severity == .info || count == 1 ? severity.rawValue : severity.rawValue + "s")"
        }
        let waived = findings.count - active.count
        text += counts.joined(separator: ", ") + (waived > 0 ? " (\(waived) waived)" : "") + "\n"
        session.emit(.text(text))
        let errors = active.filter { $0.severity == .error }.count
        if errors > 0 {
            throw CommandError.failed("check found \(errors) error\(errors == 1 ? "" : "s")", fix: "'explain CODE' says why a rule matters and how to fix it")
        }
    }
}
