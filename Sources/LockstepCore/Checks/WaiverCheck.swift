/// The checks the core itself contributes, whatever plugins are loaded.
public enum CoreChecks {
    public static let all: [any Check] = [WaiverCheck()]
}

/// WB004: a waiver past its expiry date (so the finding is back), or one that waives nothing.
public struct WaiverCheck: Check {
    public let code = "WB004"
    public let slug = "expired-waiver"
    public let defaultSeverity = Severity.warning
    public let summary = "A waiver has expired, or waives nothing"
    public let advice = ClientAdvice(
        problem: "A past decision to accept {where} has lapsed or no longer applies.",
        action: "Review the accepted exception for {where}: renew it with a reason, fix the problem, or drop it.",
        stake: "Old exceptions hide new problems and nobody remembers why they were made.")
    public let explanation = RuleExplanation(
        what: "Every waiver in `checks.waivers` is still in date (`until`) and still matches a finding of its rule on its target.",
        why: "A waiver is a decision with a reason, taken at one time; when it expires, or the misalignment it excused is gone, it should be looked at again rather than linger and hide the next problem.",
        fix: "Renew the waiver with a new `until` date and reason, fix the finding it excused, or delete the waiver.")
    public let examples: [CheckExample] = [
        .triggering("""
            checks:
              waivers:
                - { rule: MK001, target: nb/discovery, reason: Old decision, until: 2001-01-01 }
            """, targets: ["MK001 nb/discovery"]),
        .passing("checks:\n  severity: { MK008: off }\n"),
    ]

    /// The other checks of the run, whose findings a waiver must match.
    let others: [any Check]

    public init(others: [any Check] = []) { self.others = others }

    public func findings(in workbook: Workbook, context: CheckContext) -> [Finding] {
        var found: [Finding]?
        let judged = Set(others.map(\.code))
        return CheckRunner.waivers(of: workbook, context: context).compactMap { waiver in
            let target = "\(waiver.rule.value) \(waiver.target.value)"
            if let until = waiver.until, until < context.today {
                return finding("the waiver of \(waiver.rule.value) on '\(waiver.target.value)' expired on \(until): the finding is back",
                               target: target, at: waiver.location)
            }
            // A waiver of a rule this run did not select cannot be judged.
            guard judged.contains(waiver.rule.value) else { return nil }
            let findings = found ?? others.flatMap { $0.findings(in: workbook, context: context) }
            found = findings
            guard !findings.contains(where: { $0.rule == waiver.rule.value && $0.target == waiver.target.value }) else { return nil }
            return finding("the waiver of \(waiver.rule.value) on '\(waiver.target.value)' matches no finding: delete it",
                           target: target, at: waiver.location)
        }
    }
}
