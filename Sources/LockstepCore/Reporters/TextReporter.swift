/// `FILE:LINE:COL: SEVERITY: [CODE] message`, one finding per line, then the counts.
enum TextReporter {
    static func render(_ report: CheckReport) -> String {
        var text = ""
        for finding in report.findings {
            let waived = finding.waivedBecause.map { " (waived: \($0))" } ?? ""
            text += "\(report.location(of: finding)): \(finding.severity.rawValue): [\(finding.rule)] \(finding.message)\(waived)\n"
        }
        return text + report.summary + "\n"
    }
}
