/// `{"file", "errors": [...], "findings": [...], "summary": {...}}`, keys in a fixed order; `errors`
/// lists why the workbook could not be checked (empty when it was).
enum JSONReporter {
    static func render(_ report: CheckReport) -> String {
        let findings = report.results.map { finding -> String in
            let location = report.location(of: finding)
            var fields = [
                "\"rule\": \(q(finding.rule))", "\"severity\": \(q(finding.severity.rawValue))", "\"message\": \(q(finding.message))",
                "\"target\": \(q(finding.target))", "\"file\": \(q(location.file))", "\"line\": \(location.line)",
                "\"column\": \(location.column)", "\"waived\": \(finding.waivedBecause != nil)",
            ]
            if let reason = finding.waivedBecause { fields.append("\"waiver_reason\": \(q(reason))") }
            return "    {" + fields.joined(separator: ", ") + "}"
        }
        let summary = "\"error\": \(report.count(.error)), \"warning\": \(report.count(.warning)), \"info\": \(report.count(.info)), \"waived\": \(report.waivedCount)"
        let list = findings.isEmpty ? "[]" : "[\n" + findings.joined(separator: ",\n") + "\n  ]"
        let errors = report.errors.map { error in
            "    {\"code\": \(error.code.map(q) ?? "null"), \"message\": \(q(error.message)), \"file\": \(q(error.location.file)), "
                + "\"line\": \(error.location.line), \"column\": \(error.location.column), \"fix\": \(q(error.fix))}"
        }
        let errorList = errors.isEmpty ? "[]" : "[\n" + errors.joined(separator: ",\n") + "\n  ]"
        // Rules that could not be applied (their data did not load): said apart from the findings.
        let notices = report.notices.map { notice in
            "    {\"rule\": \(q(notice.rule)), \"message\": \(q(notice.message)), \"target\": \(q(notice.target))}"
        }
        let noticeList = notices.isEmpty ? "[]" : "[\n" + notices.joined(separator: ",\n") + "\n  ]"
        return "{\n  \"file\": \(q(report.file)),\n  \"errors\": \(errorList),\n  \"notices\": \(noticeList),\n"
            + "  \"findings\": \(list),\n  \"summary\": {\(summary)}\n}\n"
    }

    private static func q(_ text: String) -> String { JSONRenderer.quoted(text) }
}
