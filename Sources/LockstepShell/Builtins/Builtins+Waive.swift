import LockstepCore

extension Builtins {
    static let waive = ShellCommand(CommandSpec(
        "waive", summary: "Waive a rule for one target, with the reason a reviewer will read (and an optional expiry)",
        arguments: [ArgumentSpec("RULE", completion: .ruleCodes), ArgumentSpec("TARGET", completion: .anyID)],
        options: [OptionSpec("--reason", value: "TEXT", summary: "why the finding is accepted (required)"),
                  OptionSpec("--until", value: "DATE", summary: "when the waiver expires, YYYY-MM-DD")],
        examples: ["waive MK001 expansion/renewal --reason \"Renewals follow the customer-success playbook\" --until 2027-03-31"],
        changesWorkbook: true
    )) { session, invocation in
        let rule = invocation.arguments[0].uppercased()
        let checks = session.workbook.runnableChecks(plugins: session.plugins)
        let codes = checks.map(\.code)
        guard let check = checks.first(where: { $0.code == rule }) else {
            throw CommandError.usage("waive: unknown rule '\(rule)'\(Suggestion.phrase(for: rule, in: codes))", fix: "'rules' lists them")
        }
        // The target in the form findings use, so the waiver matches: `onboarding` is `expansion/onboarding`.
        let index = ItemIndex(session.workbook)
        let target = index.fullTarget(invocation.arguments[1])
        let findings = check.findings(in: session.workbook, context: session.checkContext()).filter { !$0.isNotice }
        let known = Set(findings.map(\.target)).union(session.workbook.items.map(\.id))
        guard known.contains(target) else {
            let targets = findings.map(\.target)
            throw CommandError.usage("waive: '\(Sanitized.excerpt(target))' is neither an item nor a target of \(rule)"
                                     + Suggestion.phrase(for: target, in: targets.isEmpty ? Array(known) : targets),
                                     fix: targets.isEmpty ? "\(rule) finds nothing to waive now" : "'check' shows \(rule)'s targets")
        }
        if session.workbook.checks.waivers.contains(where: { $0.rule.value == rule && index.fullTarget($0.target.value) == target }) {
            throw CommandError.failed("\(rule) is already waived on \(target)", fix: "to change it, 'undo' or edit the waiver in the workbook")
        }
        guard let reason = invocation.option("--reason"), !reason.trimmed.isEmpty else {
            throw CommandError.usage("waive: a waiver needs a reason", fix: "add --reason \"why this finding is accepted\"")
        }
        var until: Day?
        if let text = invocation.option("--until") {
            guard let day = Day(iso: text) else {
                throw CommandError.usage("waive: --until takes a date written YYYY-MM-DD, not '\(text)'", fix: "e.g. --until 2027-03-31")
            }
            guard day >= session.today else {
                throw CommandError.usage("waive: --until \(text) is in the past (today is \(session.today)): the waiver would have expired already",
                                         fix: "give a date from today on, or leave --until out")
            }
            until = day
        }
        let waiver = CheckSettings.Waiver(rule: Located(rule, at: nil), target: Located(target, at: nil), reason: reason, until: until,
                                          location: nil)
        if !findings.contains(where: { $0.target == target }) {
            session.emit(.note("\(rule) finds nothing on \(target) now: the waiver covers it if it comes back"))
        }
        try session.edit("waive \(rule) \(target)") { $0.checks.waivers.append(waiver) }
        session.emit(.note("waived \(rule) on \(target)" + (until.map { " until \($0)" } ?? "")))
    }
}
