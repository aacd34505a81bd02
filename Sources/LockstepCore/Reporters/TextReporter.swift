/// `FILE:LINE:COL: SEVERITY: [CODE] message`, one finding per line, then the counts.
enum TextReporter {
    static func render(_ report: CheckReport) -> String {
        var text = report.errors.map { $0.rendered + "\n" }.joined()
        if !report.errors.isEmpty, report.files.count == 1 { return text }
        for finding in report.findings {
            if finding.isNotice {
                text += "\(Sanitized.visible("\(report.location(of: finding))")): note: [\(finding.rule)] \(Sanitized.visible(finding.message))\n"
                continue
            }
            let waived = finding.waivedBecause.map { " (waived: \(Sanitized.visible($0)))" } ?? (finding.inBaseline ? " (in the baseline)" : "")
            let place = finding.location.map { Sanitized.visible("\($0)") } ?? Sanitized.visible(report.files.first ?? "") + " (not saved yet)"
            text += "\(place): \(finding.severity.rawValue): [\(finding.rule)] \(Sanitized.visible(finding.message))\(waived)\n"
        }
        return text + report.summary + "\n"
    }
}
