/// The Markdown audit a consultant hands the client at the end of a workshop: a summary, each
/// plugin's sections (process, coverage, gaps, lead funnel), then the findings grouped by
/// severity, each rule once with why it matters and how to fix it.
public struct ClientReport {
    public var title: String
    /// What the report is about (`Sales and marketing alignment`), from the plugins.
    public var subject: String
    public var source: String
    public var today: Day
    public var toolVersion: String
    public var itemSummary: String
    public var sections: [ReportSection]
    public var findings: [Finding]
    public var rules: [any Check]

    public init(title: String, subject: String = "Workbook report", source: String, today: Day, toolVersion: String,
                itemSummary: String, sections: [ReportSection], findings: [Finding], rules: [any Check]) {
        self.title = title
        self.subject = subject
        self.source = source
        self.today = today
        self.toolVersion = toolVersion
        self.itemSummary = itemSummary
        self.sections = sections
        self.findings = findings
        self.rules = rules
    }

    public var markdown: String {
        let active = findings.filter(\.isOpen)
        var out = "# \(MarkdownText.inline(subject)): \(MarkdownText.inline(title))\n\n"
        out += "Prepared on \(today) from \(MarkdownText.code(source)) with Lockstep \(toolVersion).\n\n## Summary\n\n"
        out += "- The workbook holds \(itemSummary).\n"
        let counts = Severity.allCases.reversed().map { severity in (severity, active.filter { $0.severity == severity }.count) }
        out += "- Findings: " + counts.map { "\($1) \(Self.noun($0, $1))" }.joined(separator: ", ")
        let waived = findings.filter { $0.waivedBecause != nil }.count
        out += waived > 0 ? " (and \(waived) accepted, listed at the end).\n" : ".\n"
        if let first = active.sorted(by: { $0.severity > $1.severity }).first {
            out += "- Most urgent: \(MarkdownText.inline(first.message)).\n"
        }
        for section in sections {
            out += "\n## \(section.title)\n\n" + section.markdown
            if !section.markdown.hasSuffix("\n") { out += "\n" }
        }
        out += "\n## Findings\n"
        if active.isEmpty { out += "\nNo open findings.\n" }
        for severity in Severity.allCases.reversed() {
            let ofSeverity = active.filter { $0.severity == severity }
            guard !ofSeverity.isEmpty else { continue }
            out += "\n### \(Self.heading(severity)) (\(ofSeverity.count))\n"
            for code in ofSeverity.map(\.rule).uniqued {
                let rule = rules.first { $0.code == code }
                let these = ofSeverity.filter { $0.rule == code }
                out += "\n#### \(code)\(rule.map { " — \($0.summary)" } ?? "")\n\n"
                for finding in these {
                    let place = finding.location.map { " (line \($0.line))" } ?? ""
                    out += "- \(MarkdownText.inline(finding.message))\(place)\n"
                }
                if let explanation = rule?.explanation {
                    out += "\n**Why it matters.** \(explanation.why)\n\n**How to fix it.** \(explanation.fix)\n"
                }
            }
        }
        let accepted = findings.filter { $0.waivedBecause != nil }
        if !accepted.isEmpty {
            out += "\n### Accepted (waived)\n\n"
            for finding in accepted {
                out += "- \\[\(finding.rule)\\] \(MarkdownText.inline(finding.message)): \(MarkdownText.inline(finding.waivedBecause!))\n"
            }
        }
        return out
    }

    private static func noun(_ severity: Severity, _ count: Int) -> String {
        switch severity {
        case .error: return count == 1 ? "error" : "errors"
        case .warning: return count == 1 ? "warning" : "warnings"
        case .info: return count == 1 ? "suggestion" : "suggestions"
        }
    }

    private static func heading(_ severity: Severity) -> String {
        switch severity {
        case .error: return "Errors: fix these first"
        case .warning: return "Warnings"
        case .info: return "Suggestions"
        }
    }
}
