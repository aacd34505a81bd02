import LockstepCore

extension Builtins {
    static let rules = ShellCommand(CommandSpec(
        "rules", summary: "List the rules of the loaded plugins with their severity in this workbook",
        examples: ["rules", "set format markdown; rules"]
    )) { session, _ in
        let runner = CheckRunner(checks: [])
        let owners = Dictionary(session.plugins.flatMap { plugin in plugin.checks.map { ($0.code, plugin.name) } }) { first, _ in first }
        let rows: [[Table.Cell]] = session.workbook.runnableChecks(plugins: session.plugins).map { check in
            let severity = runner.severity(of: check, settings: session.workbook.checks)?.rawValue ?? "off"
            let owner = owners[check.code] ?? (check is TeamRuleCheck ? "team" : "core")
            return [.text(check.code), .text(check.slug), .text(owner), .text(severity), .text(check.summary)]
        }
        session.emit(.table(Table(["code", "slug", "plugin", "severity", "summary"], rows: rows)))
    }

    static let explain = ShellCommand(CommandSpec(
        "explain", summary: "Explain a rule in business language: what it checks, why it matters, an example, the fix",
        arguments: [ArgumentSpec("CODE", completion: .ruleCodes)],
        examples: ["explain MK001", "explain stage-without-content"]
    )) { session, invocation in
        let wanted = invocation.arguments[0]
        let checks = CoreChecks.all.map { ("core", $0) }
            + session.registry.available.flatMap { plugin in plugin.checks.map { (plugin.name, $0) } }
            + session.workbook.runnableChecks(plugins: session.plugins).filter { $0 is TeamRuleCheck }.map { ("team", $0) }
        guard let (plugin, check) = checks.first(where: { $0.1.code == wanted.uppercased() || $0.1.slug == wanted }) else {
            let names = checks.map(\.1.code) + checks.map(\.1.slug)
            throw CommandError.usage("explain: unknown rule '\(wanted)'\(Suggestion.phrase(for: wanted, in: names))", fix: "'rules' lists them")
        }
        session.emit(.text(explanation(of: check, plugin: plugin)))
    }

    /// The rule's explanation in fixed sections, with its triggering example.
    static func explanation(of check: any Check, plugin: String) -> String {
        func indented(_ text: String) -> String {
            text.split(separator: "\n", omittingEmptySubsequences: false).map { "    \($0)" }.joined(separator: "\n")
        }
        var text = "\(check.code) \(check.slug) (\(check.defaultSeverity.rawValue) by default, plugin \(plugin))\n\(check.summary).\n"
        text += "\nWhat it checks\n  \(check.explanation.what)\n"
        text += "\nWhy it matters\n  \(check.explanation.why)\n"
        if let example = check.examples.first(where: { !$0.targets.isEmpty }) {
            text += "\nAn example that triggers it (on \(example.targets.joined(separator: ", ")))\n\(indented(example.workbook.trimmed))\n"
        }
        text += "\nThe fix\n  \(check.explanation.fix)\n"
        return text
    }
}
