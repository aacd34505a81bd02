/// SARIF 2.1.0, as code-scanning services read it: every rule in the driver's rule table,
/// physical locations in the workbook, waived findings as suppressions with their reason.
enum SARIFReporter {
    static func render(_ report: CheckReport) -> String {
        let rules = report.rules.sorted { $0.code < $1.code }
        let ruleIndex = Dictionary(uniqueKeysWithValues: rules.enumerated().map { ($1.code, $0) })
        let ruleEntries = rules.map { rule in
            """
                      {"id": \(q(rule.code)), "name": \(q(rule.slug)), \
            "shortDescription": {"text": \(q(rule.summary))}, "fullDescription": {"text": \(q(rule.explanation.what))}, \
            "help": {"text": \(q(rule.explanation.why + " Fix: " + rule.explanation.fix))}, \
            "defaultConfiguration": {"level": \(q(level(rule.defaultSeverity)))\(report.disabled.contains(rule.code) ? ", \"enabled\": false" : "")}}
            """
        }
        let results = report.findings.map { finding -> String in
            let location = report.location(of: finding)
            var result = """
                      {"ruleId": \(q(finding.rule)), \(ruleIndex[finding.rule].map { "\"ruleIndex\": \($0), " } ?? "")\
            "level": \(q(level(finding.severity))), "message": {"text": \(q(finding.message))}, \
            "locations": [{"physicalLocation": {"artifactLocation": {"uri": \(q(uri(location.file)))}, \
            "region": {"startLine": \(max(1, location.line)), "startColumn": \(max(1, location.column))}}, \
            "logicalLocations": [{"fullyQualifiedName": \(q(finding.target))}]}]
            """
            if let reason = finding.waivedBecause {
                result += ", \"suppressions\": [{\"kind\": \"external\", \"justification\": \(q(reason))}]"
            }
            return result + "}"
        }
        // A workbook that did not load: the run did not succeed, and each load error is a
        // notification with its place, its WB code where the rule catalogue names one.
        let notifications = report.errors.map { error in
            let location = error.location
            return """
                          {"level": "error", "message": {"text": \(q(error.message + " Fix: " + error.fix))}, \
                \(error.code.map { "\"descriptor\": {\"id\": \(q($0))}, " } ?? "")\
                "locations": [{"physicalLocation": {"artifactLocation": {"uri": \(q(uri(location.file)))}, \
                "region": {"startLine": \(max(1, location.line)), "startColumn": \(max(1, location.column))}}}]}
                """
        }
        let invocation = """
                  "invocations": [{"executionSuccessful": \(report.errors.isEmpty), "toolExecutionNotifications": [\(notifications.isEmpty ? "" : "\n")\
            \(notifications.joined(separator: ",\n"))\(notifications.isEmpty ? "" : "\n      ")]}],
            """
        return """
            {
              "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
              "version": "2.1.0",
              "runs": [
                {
                  "tool": {"driver": {"name": "Lockstep", "version": \(q(report.toolVersion)), "rules": [
            \(ruleEntries.joined(separator: ",\n"))
                  ]}},
            \(invocation)
                  "results": [
            \(results.joined(separator: ",\n"))
                  ]
                }
              ]
            }

            """
    }

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: return "error"
        case .warning: return "warning"
        case .info: return "note"
        }
    }

    /// A relative path as a URI reference: each segment percent-encoded where it must be.
    static func uri(_ path: String) -> String {
        var out = ""
        for byte in path.utf8 {
            let character = Character(Unicode.Scalar(byte))
            if byte < 0x80, character.isLetter || character.isNumber || "-._~/".contains(character) {
                out.append(character)
            } else {
                let hex = String(byte, radix: 16, uppercase: true)
                out += "%" + (hex.count == 1 ? "0" : "") + hex
            }
        }
        return out
    }

    private static func q(_ text: String) -> String { JSONRenderer.quoted(text) }
}
