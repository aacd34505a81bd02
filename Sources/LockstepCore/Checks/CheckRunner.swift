/// Runs the loaded plugins' checks and applies the workbook's severity overrides and waivers.
public struct CheckRunner: Sendable {
    public let checks: [any Check]

    public init(checks: [any Check]) { self.checks = checks }

    public func run(_ workbook: Workbook, context: CheckContext) -> [Finding] {
        var fresh = context
        fresh.shared = SharedWork()  // a fresh memo: this run's workbook may differ from the last
        let context = fresh
        // WB004 judges the waivers of the other rules this run selected, against their findings.
        let others = checks.filter { $0.code != "WB004" }
        let waivers: [any Check] = checks.contains { $0.code == "WB004" } ? [WaiverCheck(others: others)] : []
        let selected = (others + waivers).compactMap { check in severity(of: check, settings: workbook.checks).map { (check, $0) } }
        // A waiver may name its target by a bare id (`onboarding`): matched in the full form findings use.
        let waived = Self.waivers(of: workbook, context: context)
        // The checks run at once, each on the next free core: they only read the workbook, and
        // share work through the context's memo.
        let found = ParallelParts.each(selected.count) { index in
            let (check, severity) = selected[index]
            return check.findings(in: workbook, context: context).map { finding in
                var finding = finding
                finding.severity = severity
                if let waiver = waived.first(where: { $0.rule.value == finding.rule && $0.target.value == finding.target }),
                   waiver.until.map({ $0 >= context.today }) ?? true {
                    finding.waivedBecause = waiver.reason
                }
                return finding
            }
        }
        return found.joined().sorted { a, b in
            let left = a.location ?? SourceLocation(file: "", line: 0, column: 0)
            let right = b.location ?? SourceLocation(file: "", line: 0, column: 0)
            return (left.line, left.column, a.rule, a.target) < (right.line, right.column, b.rule, b.target)
        }
    }

    /// The workbook's waivers with their targets in full form, worked out once per run (the
    /// runner and WB004 both need them, and resolving builds the workbook's item index).
    static func waivers(of workbook: Workbook, context: CheckContext) -> [CheckSettings.Waiver] {
        guard !workbook.checks.waivers.isEmpty else { return [] }
        return context.shared.value("waivers-in-full-form") { waivers(of: workbook) }
    }

    static func waivers(of workbook: Workbook) -> [CheckSettings.Waiver] {
        let index = ItemIndex(workbook)
        return workbook.checks.waivers.map { waiver in
            var full = waiver
            full.target.value = index.fullTarget(waiver.target.value)
            return full
        }
    }

    /// The severity the settings give a rule: the longest matching code or prefix wins; nil is off.
    public func severity(of check: any Check, settings: CheckSettings) -> Severity? {
        let matching = settings.overrides.filter { check.code.hasPrefix($0.selector.value) }
        guard let chosen = matching.max(by: { $0.selector.value.count < $1.selector.value.count }) else {
            return check.defaultSeverity
        }
        return Severity(rawValue: chosen.level)
    }
}
