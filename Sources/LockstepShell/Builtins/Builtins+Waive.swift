import LockstepCore

extension Builtins {
    static let waive = ShellCommand(CommandSpec(
        "waive", summary: "Waive a rule for one target, with the reason a reviewer will read (and an optional expiry)",
        arguments: [ArgumentSpec("RULE"), ArgumentSpec("TARGET", completion: .anyID)],
        options: [OptionSpec("--reason", value: "TEXT", summary: "why the finding is accepted (required)"),
                  OptionSpec("--until", value: "DATE", summary: "when the waiver expires, YYYY-MM-DD")],
        examples: ["waive MK001 expansion/renewal --reason \"Renewals follow the customer-success playbook\" --until 2027-03-31"],
        changesWorkbook: true
    )) { session, invocation in
        let rule = invocation.arguments[0].uppercased(), target = invocation.arguments[1]
        let codes = session.workbook.runnableChecks(plugins: session.plugins).map(\.code)
        guard codes.contains(rule) else {
            throw CommandError.usage("waive: unknown rule '\(rule)'\(Suggestion.phrase(for: rule, in: codes))", fix: "'rules' lists them")
        }
        guard let reason = invocation.option("--reason"), !reason.trimmed.isEmpty else {
            throw CommandError.usage("waive: a waiver needs a reason", fix: "add --reason \"why this finding is accepted\"")
        }
        var until: Day?
        if let text = invocation.option("--until") {
            guard let day = Day(iso: text) else {
                throw CommandError.usage("waive: --until takes a date written YYYY-MM-DD, not '\(text)'", fix: "e.g. --until 2027-03-31")
            }
            until = day
        }
        let waiver = CheckSettings.Waiver(rule: Located(rule, at: nil), target: Located(target, at: nil), reason: reason, until: until, location: nil)
        try session.edit("waive \(rule) \(target)") { $0.checks.waivers.append(waiver) }
        session.emit(.note("waived \(rule) on \(target)" + (until.map { " until \($0)" } ?? "")))
    }
}
