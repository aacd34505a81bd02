/// The JSON report, format version 1: documented in `docs/check-report.md` and validated by
/// `docs/check-report.schema.json`. A field is added in a minor change; a field removed or
/// changed in meaning raises `version`.
enum JSONReporter {
    static let version = 1

    struct Document: Encodable {
        let format = "lockstep-check"
        let version = JSONReporter.version
        let tool: Tool
        let workbooks: [String]
        let verdict: Verdict
        let summary: Summary
        let errors: [LoadError]
        let notices: [Notice]
        let findings: [Item]
    }

    struct Tool: Encodable {
        let name = "lockstep"
        let version: String
    }

    struct Verdict: Encodable {
        let failOn: String
        let failed: Bool
        let baseline: Bool

        enum CodingKeys: String, CodingKey { case failOn = "fail_on", failed, baseline }
    }

    struct Summary: Encodable {
        let error, warning, info, waived, inBaseline: Int

        enum CodingKeys: String, CodingKey { case error, warning, info, waived, inBaseline = "in_baseline" }
    }

    struct LoadError: Encodable {
        let code: String?
        let message, file: String
        let line, column: Int
        let fix: String

        enum CodingKeys: String, CodingKey { case code, message, file, line, column, fix }

        /// `code` is always there, null for an error no rule names.
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(code, forKey: .code)
            try container.encode(message, forKey: .message)
            try container.encode(file, forKey: .file)
            try container.encode(line, forKey: .line)
            try container.encode(column, forKey: .column)
            try container.encode(fix, forKey: .fix)
        }
    }

    struct Notice: Encodable {
        let rule, message, target, file: String
    }

    struct Item: Encodable {
        let rule, severity, message, target, file: String
        let line, column: Int
        let fingerprint: String
        let waived: Bool
        let waiverReason: String?
        let inBaseline: Bool
        let fails: Bool

        enum CodingKeys: String, CodingKey {
            case rule, severity, message, target, file, line, column, fingerprint, waived
            case waiverReason = "waiver_reason", inBaseline = "in_baseline", fails
        }
    }

    static func render(_ report: CheckReport) -> String {
        let findings = report.results.map { finding in
            let location = report.location(of: finding)
            return Item(rule: finding.rule, severity: finding.severity.rawValue, message: finding.message, target: finding.target,
                        file: location.file, line: location.line, column: location.column, fingerprint: finding.fingerprint,
                        waived: finding.waivedBecause != nil, waiverReason: finding.waivedBecause,
                        inBaseline: finding.inBaseline, fails: report.fails(finding))
        }
        let errors = report.errors.map { error in
            LoadError(code: error.code, message: error.message, file: error.location.file, line: error.location.line,
                      column: error.location.column, fix: error.fix)
        }
        // Rules that could not be applied (their data did not load): said apart from the findings.
        let notices = report.notices.map { notice in
            Notice(rule: notice.rule, message: notice.message, target: notice.target, file: report.location(of: notice).file)
        }
        let document = Document(
            tool: Tool(version: report.toolVersion), workbooks: report.files,
            verdict: Verdict(failOn: report.failOn.rawValue, failed: !report.errors.isEmpty || report.findings.contains(where: report.fails),
                             baseline: report.hasBaseline),
            summary: Summary(error: report.count(.error), warning: report.count(.warning), info: report.count(.info),
                             waived: report.waivedCount, inBaseline: report.baselineCount),
            errors: errors, notices: notices, findings: findings)
        return OrderedJSON.encode(document)
    }
}
