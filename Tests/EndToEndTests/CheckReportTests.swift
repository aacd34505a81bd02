import Foundation
import Testing
import TestSupport

/// `lockstep check` for CI: exit codes, every output format pinned by a golden file, and the
/// SARIF and JUnit reports validated against their published schemas by the peer tools.
@Suite("lockstep check")
struct CheckReportTests {
    static let schemas = repositoryRoot.appendingPathComponent("Tests/Support/schemas")
    static let formats = ["text", "json", "sarif", "junit", "markdown"]

    func check(_ arguments: [String]) throws -> ProcessResult {
        try runLockstep(["check"] + arguments, in: repositoryRoot.path)
    }

    @Test("each format of the example's report matches its golden file", arguments: formats)
    func golden(format: String) throws {
        let result = try check(["examples/acme.yaml", "--format", format])
        #expect(result.code == 1)
        // SARIF names the folder the check ran in (%SRCROOT%): wherever the clone lies, the golden says $ROOT.
        let root = repositoryRoot.resolvingSymlinksInPath().path
        let output = result.output.replacingOccurrences(of: "\"file://\(root)/\"", with: "\"file://$ROOT/\"")
        #expect(try Golden.matches(output, repositoryRoot.appendingPathComponent("Tests/EndToEndTests/Golden/acme.\(format)")))
    }

    @Test("SARIF validates against the SARIF 2.1.0 schema (jsonschema), JUnit against the JUnit XSD (xmlschema)",
          arguments: [("sarif", "sarif-2.1.0.json"), ("junit", "junit-10.xsd")])
    func schemaValid(format: String, schema: String) throws {
        for workbook in ["examples/acme.yaml", "Tests/EndToEndTests/Workbooks/clean.yaml", "Tests/EndToEndTests/Workbooks/awkward.yaml",
                         "Tests/EndToEndTests/BadWorkbooks/dangling-reference.yaml"] {
            let result = try check([workbook, "--format", format])
            let report = FileManager.default.temporaryDirectory.appendingPathComponent("lockstep-\(UUID().uuidString).\(format)")
            try result.output.write(to: report, atomically: true, encoding: .utf8)
            let validation = try runProgram("python3", [repositoryRoot.appendingPathComponent("Tests/Support/validate_report.py").path,
                                                         format, report.path, Self.schemas.appendingPathComponent(schema).path])
            #expect(validation.code == 0, "\(workbook) as \(format): \(validation.errors)")
        }
    }

    @Test("a clean workbook passes; --fail-on moves the threshold; --rule and --select choose rules")
    func exitCodes() throws {
        #expect(try check(["Tests/EndToEndTests/Workbooks/clean.yaml"]).code == 0)
        #expect(try check(["examples/acme.yaml", "--select", "SP"]).code == 0)
        #expect(try check(["examples/acme.yaml", "--rule", "MK003"]).code == 0)
        #expect(try check(["examples/acme.yaml", "--rule", "MK003", "--fail-on", "warning"]).code == 1)
        #expect(try check(["examples/acme.yaml", "--rule", "MK009", "--fail-on", "warning"]).code == 0)
        #expect(try check(["examples/acme.yaml", "--rule", "MK009", "--fail-on", "info"]).code == 1)
        let unknown = try check(["examples/acme.yaml", "--rule", "MK01"])
        #expect(unknown.code == 2)
        #expect(unknown.errors.contains("unknown rule 'MK01' (did you mean 'MK001'?)"))
        let bad = try check(["Tests/EndToEndTests/BadWorkbooks/dangling-reference.yaml"])
        #expect(bad.code == 2)
        #expect(bad.errors.contains("error: [WB001] unknown stage 'new-business/discvery'"))
        #expect(try check(["examples/acme.yaml", "--format", "xml"]).code == 2)
    }

    @Test("JSON findings carry rule, severity, message, target, file, line, column and waived")
    func jsonFields() throws {
        let result = try check(["examples/acme.yaml", "--format", "json"])
        let object = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as! [String: Any]
        let findings = object["findings"] as! [[String: Any]]
        let waived = try #require(findings.first { $0["waived"] as? Bool == true })
        #expect(waived["rule"] as? String == "MK001")
        #expect(waived["target"] as? String == "expansion/renewal")
        #expect(waived["line"] as? Int == 117)
        #expect((object["summary"] as? [String: Int])?["error"] == 1)
    }

    @Test("explain and rules work from the command line")
    func explainAndRules() throws {
        let explain = try runLockstep(["explain", "MK002"])
        #expect(explain.code == 0)
        #expect(explain.output.contains("Why it matters\n  A common and costly misalignment is a marketing message that never reaches the real decision maker (“Sales and Marketing – Align, Define and Make Money”, misalignment #3)."))
        let rules = try runLockstep(["rules"])
        #expect(rules.output.contains("MK010  no-sales-feedback-loop"))
    }

    @Test("a workbook that does not load still gets a whole document in every format, with its errors, and exit code 2")
    func loadErrorDocuments() throws {
        let bad = "Tests/EndToEndTests/BadWorkbooks/dangling-reference.yaml"
        let json = try check([bad, "--format", "json"])
        #expect(json.code == 2)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
        let errors = try #require(object["errors"] as? [[String: Any]])
        #expect(errors.count == 1 && errors[0]["code"] as? String == "WB001" && errors[0]["line"] as? Int == 11)
        let sarif = try check([bad, "--format", "sarif"])
        let run = try #require(((try JSONSerialization.jsonObject(with: Data(sarif.output.utf8)) as? [String: Any])?["runs"] as? [[String: Any]])?.first)
        let invocation = try #require((run["invocations"] as? [[String: Any]])?.first)
        #expect(invocation["executionSuccessful"] as? Bool == false)
        let notice = try #require((invocation["toolExecutionNotifications"] as? [[String: Any]])?.first)
        #expect((notice["descriptor"] as? [String: Any])?["id"] as? String == "WB001")
        let junit = try check([bad, "--format", "junit"])
        #expect(junit.code == 2 && junit.output.contains("errors=\"1\"") && junit.output.contains("<error type=\"WB001\""))
        let markdown = try check([bad, "--format", "markdown"])
        #expect(markdown.code == 2 && markdown.output.contains("**The workbook could not be read, so nothing was checked.**"))
        let text = try check([bad])
        #expect(text.code == 2 && text.output.isEmpty && text.errors.contains("[WB001]"))
    }

    @Test("one verdict: JUnit fails only what --fail-on fails, a rule switched off is not a passing case, a selection of nothing and a write failure are exit 2")
    func oneVerdict() throws {
        let lenient = try check(["examples/acme.yaml", "--format", "junit"])
        #expect(lenient.output.contains("failures=\"1\"") && lenient.code == 1)
        let strict = try check(["examples/acme.yaml", "--format", "junit", "--fail-on", "warning"])
        #expect(strict.output.contains("failures=\"7\""))
        #expect(!lenient.output.contains("MK008"), "MK008 is off in the example")
        #expect(try check(["examples/acme.yaml", "--format", "sarif"]).output.contains("\"level\": \"note\", \"enabled\": false"))
        let nothing = try check(["examples/acme.yaml", "--select", "XX"])
        #expect(nothing.code == 2 && nothing.errors.contains("no rule of the loaded plugins starts with 'XX'"))
        let full = try runProgram("bash", ["-c", "\(lockstepBinary) check \(exampleWorkbook) --format sarif > /dev/full"])
        #expect(full.code == 2 && full.errors.contains("cannot write the report: No space left on device"))
    }

    /// Each SARIF result's target and fingerprint.
    func fingerprints(_ path: String) throws -> [String: String] {
        let sarif = try runLockstep(["check", path, "--format", "sarif"])
        let object = try JSONSerialization.jsonObject(with: Data(sarif.output.utf8)) as? [String: Any]
        let results = ((object?["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]]) ?? []
        var found: [String: String] = [:]
        for result in results {
            let location = (result["locations"] as? [[String: Any]])?.first
            let target = ((location?["logicalLocations"] as? [[String: Any]])?.first?["fullyQualifiedName"] as? String) ?? ""
            found["\(result["ruleId"]!) \(target)"] = (result["partialFingerprints"] as? [String: String])?["lockstepFinding/v1"]
        }
        return found
    }

    @Test("SARIF fingerprints stay when lines shift, items move and an unrelated item is renamed; they follow the target")
    func stableFingerprints() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lockstep-fp-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("examples/crm"), to: folder.appendingPathComponent("crm"))
        let original = try String(contentsOf: URL(fileURLWithPath: exampleWorkbook), encoding: .utf8)
        let path = folder.appendingPathComponent("acme.yaml").path
        try original.write(toFile: path, atomically: true, encoding: .utf8)
        let before = try fingerprints(path)
        #expect(before.count >= 8 && Set(before.values).count == before.count)
        // Shifted down, the needs in another order, an unrelated activity renamed.
        var moved = "# a comment\n\n" + original
        moved = moved.replacingOccurrences(of: "name: Security and architecture whitepaper", with: "name: Security whitepaper, 2nd edition")
        let needs = ["  - id: slow-close\n    name: Month-end close takes too long\n",
                     "  - id: audit-readiness\n    name: Auditors ask for evidence nobody can find quickly\n"]
        moved = moved.replacingOccurrences(of: needs[0], with: "").replacingOccurrences(of: needs[1], with: needs[1] + needs[0])
        #expect(moved.contains(needs[1] + needs[0]) && moved.contains("2nd edition"))
        try moved.write(toFile: path, atomically: true, encoding: .utf8)
        #expect(try fingerprints(path) == before)
        // Another target is another finding.
        let renamed = moved.replacingOccurrences(of: "id: close-webinar", with: "id: close-webinars")
            .replacingOccurrences(of: "close-webinar]", with: "close-webinars]")
        try renamed.write(toFile: path, atomically: true, encoding: .utf8)
        let after = try fingerprints(path)
        #expect(after["MK003 close-webinars"] != nil && after["MK003 close-webinars"] != before["MK003 close-webinar"])
    }

    @Test("a CRM export that cannot be read is a notice of the run, not a finding: it neither counts nor fails")
    func missingDataIsANotice() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lockstep-nodata-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("acme.yaml").path
        try FileManager.default.copyItem(atPath: exampleWorkbook, toPath: path)
        let text = try check([path, "--select", "LD", "--fail-on", "info"])
        #expect(text.code == 0)
        #expect(text.output.contains("note: [LD007] the CRM data could not be loaded") && text.output.hasSuffix("0 errors, 0 warnings, 0 info\n"))
        let json = try check([path, "--select", "LD", "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
        #expect((object["notices"] as? [[String: Any]])?.count == 2 && (object["findings"] as? [Any])?.isEmpty == true)
        let sarif = try check([path, "--select", "LD", "--format", "sarif"])
        let log = try #require(try JSONSerialization.jsonObject(with: Data(sarif.output.utf8)) as? [String: Any])
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        let invocation = try #require((run["invocations"] as? [[String: Any]])?.first)
        #expect(invocation["executionSuccessful"] as? Bool == true)
        let notified = (invocation["toolExecutionNotifications"] as? [[String: Any]])?.compactMap { ($0["descriptor"] as? [String: Any])?["id"] as? String }
        #expect(notified == ["LD007", "LD008"])
        #expect((run["results"] as? [Any])?.isEmpty == true)
    }

    @Test("SARIF locations are relative to the folder the check ran in, as %SRCROOT%; a file outside it is an absolute file URI")
    func repositoryRelativeURIs() throws {
        let inside = try check(["examples/acme.yaml", "--format", "sarif"])
        #expect(inside.output.contains("{\"uri\": \"examples/acme.yaml\", \"uriBaseId\": \"%SRCROOT%\"}"))
        // A fresh folder of its own: never one the repository lies in.
        let elsewhere = FileManager.default.temporaryDirectory.appendingPathComponent("lockstep-elsewhere-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        let outside = try runLockstep(["check", exampleWorkbook, "--format", "sarif"], in: elsewhere.path)
        let real = try #require(URL(fileURLWithPath: exampleWorkbook).resolvingSymlinksInPath().path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed))
        #expect(outside.output.contains("{\"uri\": \"file://\(real)\"}"), "\(outside.output.prefix(600))")
    }
}
