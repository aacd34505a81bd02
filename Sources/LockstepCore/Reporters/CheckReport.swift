/// The outcome of checking one workbook, as every reporter sees it.
public struct CheckReport: Sendable {
    public let file: String
    public let findings: [Finding]
    /// The rules that ran, for SARIF's rule table and JUnit's passing cases.
    public let rules: [any Check]
    public let toolVersion: String
    /// Why the workbook could not be checked at all (it did not load): every format still writes
    /// a whole document saying so, for the tools that read it.
    public let errors: [WorkbookError]
    /// The least severity that fails the run (`--fail-on`): findings below it are reported, not failures.
    public let failOn: Severity
    /// Rules the workbook switched `off`: listed as disabled, never as passing.
    public let disabled: Set<String>

    public init(file: String, findings: [Finding], rules: [any Check], toolVersion: String, errors: [WorkbookError] = [],
                failOn: Severity = .error, disabled: Set<String> = []) {
        self.file = file
        self.findings = findings
        self.rules = rules
        self.toolVersion = toolVersion
        self.errors = errors
        self.failOn = failOn
        self.disabled = disabled
    }

    /// True for a finding that fails the run: not waived, at or above `failOn`.
    public func fails(_ finding: Finding) -> Bool { finding.isOpen && finding.severity >= failOn }

    /// Open findings (neither waived nor notices), by severity.
    public func count(_ severity: Severity) -> Int {
        findings.filter { $0.severity == severity && $0.isOpen }.count
    }

    public var waivedCount: Int { findings.filter { $0.waivedBecause != nil && !$0.isNotice }.count }

    /// Rules that could not be applied, and why: notices of the run, not findings.
    public var notices: [Finding] { findings.filter(\.isNotice) }

    /// Findings proper: everything but the notices.
    public var results: [Finding] { findings.filter { !$0.isNotice } }

    /// Where a finding is, falling back to the top of the workbook.
    public func location(of finding: Finding) -> SourceLocation {
        finding.location ?? SourceLocation(file: file, line: 1, column: 1)
    }

    /// `1 error, 3 warnings, 1 info (1 waived)`.
    public var summary: String {
        let parts = Severity.allCases.reversed().map { severity -> String in
            let count = count(severity)
            return "\(count) \(severity == .info || count == 1 ? severity.rawValue : severity.rawValue + "s")"
        }
        return parts.joined(separator: ", ") + (waivedCount > 0 ? " (\(waivedCount) waived)" : "")
    }
}

/// The formats `lockstep check --format` writes.
public enum ReportFormat: String, Sendable, CaseIterable {
    case text, json, sarif, junit, markdown

    public func render(_ report: CheckReport) -> String {
        switch self {
        case .text: return TextReporter.render(report)
        case .json: return JSONReporter.render(report)
        case .sarif: return SARIFReporter.render(report)
        case .junit: return JUnitReporter.render(report)
        case .markdown: return MarkdownReporter.render(report)
        }
    }
}
