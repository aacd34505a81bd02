/// `FILE:LINE:COL: SEVERITY: [CODE] message`, one finding per line, then the counts.
enum TextReporter {
    static func render(_ report: CheckReport) -> String {
        guard report.errors.isEmpty else { return report.errors.map(\.rendered).joined(separator: "\n") + "\n" }
        var text = ""
        for finding in report.findings {
            if finding.isNotice {
                text += "\(Sanitized.visible("\(report.location(of: finding))")): note: [\(finding.rule)] \(Sanitized.visible(finding.message))\n"
                continue
            }
            let waived = finding.waivedBecause.map { " (waived: \(Sanitized.visible($0)))" } ?? ""
            let place = Sanitized.visible("\(report.location(of: finding))")
            text += "\(place): \(finding.severity.rawValue): [\(finding.rule)] \(Sanitized.visible(finding.message))\(waived)\n"
        }
        return text + report.summary + "\n"
    }
}
