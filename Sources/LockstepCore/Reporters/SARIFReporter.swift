/// SARIF 2.1.0, as code-scanning services read it: every rule in the driver's rule table,
/// physical locations in the workbook, waived findings as suppressions with their reason.
enum SARIFReporter {
    static func render(_ report: CheckReport) -> String {
        let folder = FileSystem.realPath(".") ?? ""
        let rules = report.rules.sorted { $0.code < $1.code }
        let ruleIndex = Dictionary(uniqueKeysWithValues: rules.enumerated().map { ($1.code, $0) })
        let ruleEntries = rules.map { rule in
            """
                      {"id": \(q(rule.code)), "name": \(q(rule.slug)), \
            "shortDescription": {"text": \(q(rule.summary))}, "fullDescription": {"text": \(q(rule.explanation.what))}, \
            "help": {"text": \(q(rule.explanation.why + " Fix: " + rule.explanation.fix)), \
            "markdown": \(q("**Why it matters.** " + rule.explanation.why + "\n\n**How to fix it.** " + rule.explanation.fix))}, \
            "defaultConfiguration": {"level": \(q(level(rule.defaultSeverity)))\(report.disabled.contains(rule.code) ? ", \"enabled\": false" : "")}}
            """
        }
        let results = report.results.map { finding -> String in
            let location = report.location(of: finding)
            let line = max(1, location.line), column = max(1, location.column)
            // Every result says whether it is suppressed (the format wants all or none), and
            // carries a fingerprint of rule and target, so an alert survives lines moving.
            let suppressions = finding.waivedBecause.map { "[{\"kind\": \"external\", \"justification\": \(q($0))}]" } ?? "[]"
            return """
                      {"ruleId": \(q(finding.rule)), \(ruleIndex[finding.rule].map { "\"ruleIndex\": \($0), " } ?? "")\
            "level": \(q(level(finding.severity))), "message": {"text": \(q(finding.message))}, \
            "locations": [{"physicalLocation": {"artifactLocation": \(artifact(location.file, in: folder)), \
            "region": {"startLine": \(line), "startColumn": \(column), "endLine": \(line), "endColumn": \(column + 1)}}, \
            "logicalLocations": [{"fullyQualifiedName": \(q(finding.target))}]}], \
            "partialFingerprints": {"lockstepFinding/v1": \(q(fingerprint(finding)))}, "suppressions": \(suppressions)}
            """
        }
        // A workbook that did not load: the run did not succeed, and each load error is a
        // notification with its place, its WB code where the rule catalogue names one.
        let notices = report.notices.map { notice in
            let location = report.location(of: notice)
            return """
                          {"level": "warning", "message": {"text": \(q(notice.message))}, "descriptor": {"id": \(q(notice.rule))}, \
                "locations": [{"physicalLocation": {"artifactLocation": \(artifact(location.file, in: folder)), \
                "region": {"startLine": \(max(1, location.line)), "startColumn": \(max(1, location.column))}}}]}
                """
        }
        let notifications = notices + report.errors.map { error in
            let location = error.location
            return """
                          {"level": "error", "message": {"text": \(q(error.message + " Fix: " + error.fix))}, \
                \(error.code.map { "\"descriptor\": {\"id\": \(q($0))}, " } ?? "")\
                "locations": [{"physicalLocation": {"artifactLocation": \(artifact(location.file, in: folder)), \
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

    /// Rule and target, hashed: what a finding is, wherever in the file it moves.
    static func fingerprint(_ finding: Finding) -> String {
        let hex = String(FNV1a.hash((finding.rule + "\u{0}" + finding.target).utf8), radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: return "error"
        case .warning: return "warning"
        case .info: return "note"
        }
    }

    /// Where a file is, as code scanning tracks it: relative to the folder the check ran in
    /// (`%SRCROOT%`, the repository in CI) when it lies there, else an absolute `file:` URI.
    static func artifact(_ path: String, in folder: String) -> String {
        if let real = FileSystem.realPath(path), !folder.isEmpty, real.hasPrefix(folder + "/") {
            return "{\"uri\": \(q(uri(String(real.dropFirst(folder.count + 1))))), \"uriBaseId\": \"%SRCROOT%\"}"
        }
        let absolute = FileSystem.realPath(path) ?? path
        return "{\"uri\": \(q("file://" + uri(absolute.hasPrefix("/") ? absolute : "/" + absolute)))}"
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
