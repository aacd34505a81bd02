/// A summary and a table per severity, fit to paste into a pull request or a client email.
enum MarkdownReporter {
    static func render(_ report: CheckReport) -> String {
        var text = "## Lockstep check: \(MarkdownText.inline(report.title))\n\n"
        if !report.errors.isEmpty {
            let which = report.files.count == 1 ? "The workbook could not be read, so nothing was checked."
                : "A workbook could not be read, so it was not checked."
            text += "**\(which)**\n\n| where | error | fix |\n| --- | --- | --- |\n"
            for error in report.errors {
                let location = error.location
                text += "| \(MarkdownText.inline("\(location.file):\(location.line):\(location.column)")) | "
                    + "\(MarkdownText.inline((error.code.map { "[\($0)] " } ?? "") + error.message)) | \(MarkdownText.inline(error.fix)) |\n"
            }
            if report.files.count == 1 { return text }
            text += "\n"
        }
        text += "**\(report.summary)**\n"
        for severity in Severity.allCases.reversed() {
            let findings = report.findings.filter { $0.severity == severity && $0.isOpen }
            guard !findings.isEmpty else { continue }
            let title = severity == .error ? "Errors" : severity == .warning ? "Warnings" : "For information"
            text += "\n### \(title)\n\n| rule | where | finding |\n| --- | --- | --- |\n"
            for finding in findings {
                let location = report.location(of: finding)
                text += "| \(finding.rule) | \(MarkdownRenderer.escape("\(location.file):\(location.line)")) | \(MarkdownRenderer.escape(finding.message)) |\n"
            }
        }
        if !report.notices.isEmpty {
            text += "\n### Not checked\n\n"
            for notice in report.notices { text += "- \(notice.rule): \(MarkdownText.inline(notice.message))\n" }
        }
        let baseline = report.results.filter(\.inBaseline)
        if !baseline.isEmpty {
            text += "\n### In the baseline\n\n\(baseline.count) finding\(baseline.count == 1 ? " is" : "s are") accepted by the baseline: "
                + "reported, not failing.\n"
        }
        let waived = report.results.filter { $0.waivedBecause != nil }
        if !waived.isEmpty {
            text += "\n### Waived\n\n| rule | target | reason |\n| --- | --- | --- |\n"
            for finding in waived {
                text += "| \(finding.rule) | \(MarkdownRenderer.escape(finding.target)) | \(MarkdownRenderer.escape(finding.waivedBecause ?? "")) |\n"
            }
        }
        return text
    }
}
