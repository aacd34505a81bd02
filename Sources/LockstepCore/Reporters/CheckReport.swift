/// The outcome of one check run, over one workbook or several, as every reporter sees it.
public struct CheckReport: Sendable {
    /// The workbooks checked, in the order given.
    public let files: [String]
    /// Every finding, each with its place (one without a place is at the top of its workbook).
    public let findings: [Finding]
    /// The rules that ran, for SARIF's rule table and JUnit's passing cases.
    public let rules: [any Check]
    public let toolVersion: String
    /// Why a workbook could not be checked at all (it did not load): every format still writes
    /// a whole document saying so, for the tools that read it.
    public let errors: [WorkbookError]
    /// The least severity that fails the run (`--fail-on`): findings below it are reported, not failures.
    public let failOn: Severity
    /// Rules every workbook switched `off`: listed as disabled, never as passing.
    public let disabled: Set<String>
    /// True when the run compared its findings with a baseline (`--baseline`).
    public let hasBaseline: Bool
    /// Where the rule reference is published (`--docs-url`): SARIF links each rule there.
    public var docsURL: String?

    /// `placingUnsaved`: a finding on an item not yet in the file (added in the shell and not
    /// saved) is placed at the top of the file, as CI formats need a line; the shell leaves it
    /// unplaced, and the text report says "(not saved yet)".
    public init(file: String, findings: [Finding], rules: [any Check], toolVersion: String, errors: [WorkbookError] = [],
                failOn: Severity = .error, disabled: Set<String> = [], placingUnsaved: Bool = true) {
        self.init(files: [file], findings: !placingUnsaved ? findings : findings.map { finding in
            var placed = finding
            placed.location = finding.location ?? SourceLocation(file: file, line: 1, column: 1)
            return placed
        }, rules: rules, toolVersion: toolVersion, errors: errors, failOn: failOn, disabled: disabled, hasBaseline: false)
    }

    init(files: [String], findings: [Finding], rules: [any Check], toolVersion: String, errors: [WorkbookError],
         failOn: Severity, disabled: Set<String>, hasBaseline: Bool) {
        self.files = files
        self.findings = findings
        self.rules = rules
        self.toolVersion = toolVersion
        self.errors = errors
        self.failOn = failOn
        self.disabled = disabled
        self.hasBaseline = hasBaseline
    }

    /// One report for several workbooks checked in one run: each rule listed once, disabled
    /// only where every workbook switched it off.
    public static func combining(_ reports: [CheckReport], toolVersion: String, failOn: Severity) -> CheckReport {
        var seen = Set<String>()
        let rules = reports.flatMap(\.rules).filter { seen.insert($0.code).inserted }
        let loaded = reports.filter { $0.errors.isEmpty }
        let disabled = loaded.dropFirst().reduce(loaded.first?.disabled ?? []) { $0.intersection($1.disabled) }
        return CheckReport(files: reports.flatMap(\.files), findings: reports.flatMap(\.findings), rules: rules,
                           toolVersion: toolVersion, errors: reports.flatMap(\.errors), failOn: failOn, disabled: disabled,
                           hasBaseline: reports.contains(where: \.hasBaseline))
    }

    /// The same report with each finding the baseline accepts marked, so it no longer fails.
    public func marking(_ baseline: Baseline) -> CheckReport {
        var remaining = baseline.counts
        let marked = findings.map { finding -> Finding in
            guard !finding.isNotice, finding.waivedBecause == nil else { return finding }
            let key = Baseline.Key(finding, file: location(of: finding).file)
            guard let left = remaining[key], left > 0 else { return finding }
            remaining[key] = left - 1
            var accepted = finding
            accepted.inBaseline = true
            return accepted
        }
        var report = CheckReport(files: files, findings: marked, rules: rules, toolVersion: toolVersion, errors: errors,
                                 failOn: failOn, disabled: disabled, hasBaseline: true)
        report.docsURL = docsURL
        return report
    }

    /// What a report is about in a title: the workbook, or how many.
    public var title: String { files.count == 1 ? files[0] : "\(files.count) workbooks" }

    /// True for a finding that fails the run: not waived, at or above `failOn`.
    public func fails(_ finding: Finding) -> Bool { finding.isOpen && finding.severity >= failOn }

    /// Open findings (neither waived nor notices), by severity.
    public func count(_ severity: Severity) -> Int {
        findings.filter { $0.severity == severity && $0.isOpen }.count
    }

    public var waivedCount: Int { findings.filter { $0.waivedBecause != nil && !$0.isNotice }.count }

    /// Findings the baseline accepted.
    public var baselineCount: Int { findings.filter(\.inBaseline).count }

    /// Rules that could not be applied, and why: notices of the run, not findings.
    public var notices: [Finding] { findings.filter(\.isNotice) }

    /// Findings proper: everything but the notices.
    public var results: [Finding] { findings.filter { !$0.isNotice } }

    /// Where a finding is, falling back to the top of the first workbook.
    public func location(of finding: Finding) -> SourceLocation {
        finding.location ?? SourceLocation(file: files.first ?? "", line: 1, column: 1)
    }

    /// `1 error, 3 warnings, 1 info (1 waived)`.
    public var summary: String {
        let parts = Severity.allCases.reversed().map { severity -> String in
            let count = count(severity)
            return "\(count) \(severity == .info || count == 1 ? severity.rawValue : severity.rawValue + "s")"
        }
        var aside = [String]()
        if waivedCount > 0 { aside.append("\(waivedCount) waived") }
        if baselineCount > 0 { aside.append("\(baselineCount) in the baseline") }
        return parts.joined(separator: ", ") + (aside.isEmpty ? "" : " (" + aside.joined(separator: ", ") + ")")
    }
}

/// The formats `lockstep check --format` writes.
public enum ReportFormat: String, Sendable, CaseIterable {
    case text, json, sarif, junit, markdown, github

    public func render(_ report: CheckReport) -> String {
        switch self {
        case .text: return TextReporter.render(report)
        case .json: return JSONReporter.render(report)
        case .sarif: return SARIFReporter.render(report)
        case .junit: return JUnitReporter.render(report)
        case .markdown: return MarkdownReporter.render(report)
        case .github: return GitHubReporter.render(report)
        }
    }
}
