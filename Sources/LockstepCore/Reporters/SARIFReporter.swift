/// SARIF 2.1.0, as code-scanning services read it: every rule in the driver's rule table,
/// physical locations relative to the repository, a fingerprint per finding, waived findings
/// as suppressions with their reason, and a baseline's verdict as `baselineState`.
enum SARIFReporter {
    static func render(_ report: CheckReport, paths: ReportPath = ReportPath()) -> String {
        let rules = report.rules.sorted { $0.code < $1.code }
        let ruleIndex = Dictionary(uniqueKeysWithValues: rules.enumerated().map { ($1.code, $0) })
        let docs = report.docsURL.map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 }
        let descriptors = rules.map { rule in
            Rule(id: rule.code, name: rule.slug, shortDescription: Text(rule.summary), fullDescription: Text(rule.explanation.what),
                 help: Help(text: rule.explanation.why + " Fix: " + rule.explanation.fix,
                            markdown: "**Why it matters.** " + rule.explanation.why + "\n\n**How to fix it.** " + rule.explanation.fix),
                 helpUri: docs.map { "\($0)/rules.md#\(rule.code.lowercased())" },
                 defaultConfiguration: Configuration(level: level(rule.defaultSeverity),
                                                     enabled: report.disabled.contains(rule.code) ? false : nil))
        }
        let results = report.results.map { finding in
            let location = report.location(of: finding)
            let line = max(1, location.line), column = max(1, location.column)
            // Every result says whether it is suppressed (the format wants all or none), and
            // carries a fingerprint of rule and target, so an alert survives lines moving.
            return Result(
                ruleId: finding.rule, ruleIndex: ruleIndex[finding.rule], level: level(finding.severity), message: Text(finding.message),
                locations: [Location(physicalLocation: Physical(artifactLocation: artifact(location.file, paths: paths),
                                                                region: Region(startLine: line, startColumn: column,
                                                                               endLine: line, endColumn: column + 1)),
                                     logicalLocations: [Logical(fullyQualifiedName: finding.target)])],
                partialFingerprints: ["lockstepFinding/v1": finding.fingerprint],
                suppressions: finding.waivedBecause.map { [Suppression(kind: "external", justification: $0)] } ?? [],
                baselineState: report.hasBaseline ? (finding.inBaseline ? "unchanged" : "new") : nil)
        }
        // Rules that could not be applied, and a workbook that did not load: notifications of
        // the run with their place, the WB code where the rule catalogue names one.
        let notices = report.notices.map { notice in
            let location = report.location(of: notice)
            return Notification(level: "warning", message: Text(notice.message), descriptor: Descriptor(id: notice.rule),
                                locations: [place(location, paths: paths)])
        }
        let failures = report.errors.map { error in
            Notification(level: "error", message: Text(error.message + " Fix: " + error.fix), descriptor: error.code.map(Descriptor.init),
                         locations: [place(error.location, paths: paths)])
        }
        let run = Run(
            tool: Tool(driver: Driver(version: report.toolVersion, informationUri: docs, rules: descriptors)),
            originalUriBaseIds: paths.folder.isEmpty ? nil : ["%SRCROOT%": Artifact(uri: "file://" + uri(paths.folder) + "/", uriBaseId: nil)],
            invocations: [Invocation(executionSuccessful: report.errors.isEmpty, toolExecutionNotifications: notices + failures)],
            results: results)
        return OrderedJSON.encode(Log(runs: [run]))
    }

    struct Log: Encodable {
        let schema = "https://json.schemastore.org/sarif-2.1.0.json"
        let version = "2.1.0"
        let runs: [Run]

        enum CodingKeys: String, CodingKey { case schema = "$schema", version, runs }
    }

    struct Run: Encodable {
        let tool: Tool
        let originalUriBaseIds: [String: Artifact]?
        let invocations: [Invocation]
        let results: [Result]
    }

    struct Tool: Encodable { let driver: Driver }

    struct Driver: Encodable {
        let name = "Lockstep"
        let version: String
        let informationUri: String?
        let rules: [Rule]
    }

    struct Rule: Encodable {
        let id, name: String
        let shortDescription, fullDescription: Text
        let help: Help
        let helpUri: String?
        let defaultConfiguration: Configuration
    }

    struct Text: Encodable {
        let text: String
        init(_ text: String) { self.text = text }
    }

    struct Help: Encodable { let text, markdown: String }

    struct Configuration: Encodable {
        let level: String
        let enabled: Bool?
    }

    struct Invocation: Encodable {
        let executionSuccessful: Bool
        let toolExecutionNotifications: [Notification]
    }

    struct Notification: Encodable {
        let level: String
        let message: Text
        let descriptor: Descriptor?
        let locations: [Location]
    }

    struct Descriptor: Encodable { let id: String }

    struct Result: Encodable {
        let ruleId: String
        let ruleIndex: Int?
        let level: String
        let message: Text
        let locations: [Location]
        let partialFingerprints: [String: String]
        let suppressions: [Suppression]
        let baselineState: String?
    }

    struct Suppression: Encodable { let kind, justification: String }

    struct Location: Encodable {
        let physicalLocation: Physical
        var logicalLocations: [Logical]? = nil
    }

    struct Physical: Encodable {
        let artifactLocation: Artifact
        let region: Region
    }

    struct Artifact: Encodable {
        let uri: String
        let uriBaseId: String?
    }

    struct Region: Encodable {
        let startLine, startColumn: Int
        var endLine: Int? = nil
        var endColumn: Int? = nil
    }

    struct Logical: Encodable { let fullyQualifiedName: String }

    static func place(_ location: SourceLocation, paths: ReportPath) -> Location {
        Location(physicalLocation: Physical(artifactLocation: artifact(location.file, paths: paths),
                                            region: Region(startLine: max(1, location.line), startColumn: max(1, location.column))))
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
    static func artifact(_ path: String, paths: ReportPath) -> Artifact {
        if let relative = paths.relative(path) { return Artifact(uri: uri(relative), uriBaseId: "%SRCROOT%") }
        let absolute = FileSystem.realPath(path) ?? path
        return Artifact(uri: "file://" + uri(absolute.hasPrefix("/") ? absolute : "/" + absolute), uriBaseId: nil)
    }

    /// A path as a URI reference: each segment percent-encoded where it must be.
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
}
