import Foundation
import TestSupport
import Testing

/// What a CI engineer relies on beyond one report: several workbooks per run, `--output`,
/// GitHub annotations, a baseline keyed by fingerprints that survive edits, and a JSON format
/// that validates against its own published schema.
@Suite("lockstep check in CI")
struct CIConventionTests {
    /// A folder of its own holding a copy of the example and its CRM export.
    func copyOfExample() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lockstep-ci-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            atPath: exampleWorkbook, toPath: folder.appendingPathComponent("acme.yaml").path)
        try FileManager.default.copyItem(
            at: repositoryRoot.appendingPathComponent("examples/crm"), to: folder.appendingPathComponent("crm"))
        return folder
    }

    func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test(
        "several workbooks and a quoted pattern give one report covering all; a pattern matching nothing is a usage error"
    )
    func severalWorkbooks() throws {
        let result = try runLockstep(
            ["check", "examples/acme.yaml", "examples/saas/*.yaml", "--format", "json"], in: repositoryRoot.path)
        #expect(result.code == 1)
        let report = try json(result.output)
        #expect(report["workbooks"] as? [String] == ["examples/acme.yaml", "examples/saas/brightlane.yaml"])
        let files = Set((report["findings"] as? [[String: Any]] ?? []).compactMap { $0["file"] as? String })
        #expect(files == ["examples/acme.yaml", "examples/saas/brightlane.yaml"])
        // The counts are the sum of each workbook's own.
        let one = try json(
            try runLockstep(["check", "examples/acme.yaml", "--format", "json"], in: repositoryRoot.path).output)
        let other = try json(
            try runLockstep(["check", "examples/saas/brightlane.yaml", "--format", "json"], in: repositoryRoot.path)
                .output)
        let sum = { (key: String) in
            ((one["summary"] as? [String: Int])?[key] ?? 0) + ((other["summary"] as? [String: Int])?[key] ?? 0)
        }
        #expect((report["summary"] as? [String: Int])?["warning"] == sum("warning"))
        let everything = try runLockstep(["check", "examples/**/*.yaml", "--format", "json"], in: repositoryRoot.path)
        #expect((try json(everything.output)["workbooks"] as? [String])?.count == 6)
        let none = try runLockstep(["check", "examples/*.yml"], in: repositoryRoot.path)
        #expect(none.code == 2)
        #expect(
            none.errors
                == "error: 'examples/*.yml' matches no file\n  fix: check the pattern; '**' matches any number of folders\n"
        )
    }

    @Test("a workbook that does not load among others: the others are reported, the run exits 2")
    func oneBadAmongMany() throws {
        let bad = "Tests/EndToEndTests/BadWorkbooks/dangling-reference.yaml"
        let result = try runLockstep(["check", "examples/acme.yaml", bad, "--format", "json"], in: repositoryRoot.path)
        #expect(result.code == 2)
        let report = try json(result.output)
        #expect((report["errors"] as? [[String: Any]])?.first?["file"] as? String == bad)
        #expect((report["findings"] as? [Any])?.isEmpty == false)
    }

    @Test("--output writes the report to a file, atomically, and nothing to standard output; never over a workbook")
    func outputFile() throws {
        let folder = try copyOfExample()
        let target = folder.appendingPathComponent("lockstep.sarif").path
        let result = try runLockstep(["check", "acme.yaml", "--format", "sarif", "--output", target], in: folder.path)
        #expect(result.code == 1)
        #expect(result.output.isEmpty)
        let written = try String(contentsOfFile: target, encoding: .utf8)
        #expect(written == (try runLockstep(["check", "acme.yaml", "--format", "sarif"], in: folder.path)).output)
        let overWorkbook = try runLockstep(["check", "acme.yaml", "--output", "acme.yaml"], in: folder.path)
        #expect(overWorkbook.code == 2)
        #expect(overWorkbook.errors.contains("'acme.yaml' is a workbook being checked"))
        let nowhere = try runLockstep(
            ["check", "acme.yaml", "--output", "/no/such/folder/report.txt"], in: folder.path)
        #expect(nowhere.code == 2)
        #expect(
            nowhere.errors.hasPrefix(
                "error: cannot write the report /no/such/folder/report.txt: No such file or directory\n"))
    }

    @Test(
        "--format github: one workflow command per open finding, at the file's line, which no message can break out of")
    func githubAnnotations() throws {
        let result = try runLockstep(["check", "examples/acme.yaml", "--format", "github"], in: repositoryRoot.path)
        #expect(result.code == 1)
        let lines = result.output.split(separator: "\n").map(String.init)
        let command = /^::(error|warning|notice) file=([^,]+),line=(\d+),col=(\d+),title=([^:]+)::(.+)$/
        let annotations = lines.dropLast()
        #expect(annotations.count == 8, "the waived finding is not annotated")
        for line in annotations { #expect(line.wholeMatch(of: command) != nil, "\(line)") }
        #expect(
            annotations.contains(
                "::error file=examples/acme.yaml,line=112,col=9,title=Lockstep MK001 (error)::"
                    + "no buyer-facing activity supports stage 'expansion/onboarding'"))
        #expect(lines.last == "lockstep: 1 error, 6 warnings, 1 info (1 waived)")
        // A team rule's message with a line break and a workflow command in it stays one annotation.
        let folder = try copyOfExample()
        let path = folder.appendingPathComponent("acme.yaml").path
        var text = try String(contentsOfFile: path, encoding: .utf8)
        text = text.replacingOccurrences(
            of: "message: Every webinar needs a KPI", with: "message: \"KPI%\\n::error file=x.yaml::owned, 100%\"")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let hostile = try runLockstep(["check", "acme.yaml", "--format", "github"], in: folder.path)
        #expect(!hostile.output.contains("\n::error file=x.yaml"))
        #expect(
            hostile.output.contains("::KPI%25%0A::error file=x.yaml::owned, 100%25 (activity 'close-webinar')\n"),
            "\(hostile.output)")
    }

    @Test(
        "--write-baseline records the open findings; with --baseline only new findings fail, and SARIF says which are new"
    )
    func baseline() throws {
        let folder = try copyOfExample()
        let written = try runLockstep(["check", "acme.yaml", "--write-baseline", "baseline.txt"], in: folder.path)
        #expect(written.code == 1, "the run still reports as usual")
        #expect(written.errors.contains("wrote 8 findings to the baseline baseline.txt"))
        let lines = try String(contentsOfFile: folder.appendingPathComponent("baseline.txt").path, encoding: .utf8)
            .split(separator: "\n")
        #expect(lines.first == "# lockstep baseline 1")
        #expect(lines.filter { !$0.hasPrefix("#") }.count == 8)
        #expect(lines.contains("8b533da1a270cd5b\tacme.yaml\tMK001\texpansion/onboarding"))
        let accepted = try runLockstep(
            ["check", "acme.yaml", "--baseline", "baseline.txt", "--fail-on", "info"], in: folder.path)
        #expect(accepted.code == 0)
        #expect(accepted.output.hasSuffix("0 errors, 0 warnings, 0 info (1 waived, 8 in the baseline)\n"))
        // A new gap: a stage with no content fails, and only it.
        let edit = try runLockstep(
            ["-c", "stage add new-business/pilot --name Pilot --phase decision --owner sales; save", "acme.yaml"],
            in: folder.path)
        #expect(edit.code == 0, "\(edit.errors)")
        let after = try runLockstep(
            ["check", "acme.yaml", "--baseline", "baseline.txt", "--format", "json"], in: folder.path)
        #expect(after.code == 1)
        let failing = (try json(after.output)["findings"] as? [[String: Any]] ?? []).filter {
            $0["fails"] as? Bool == true
        }
        #expect(failing.map { $0["target"] as? String } == ["new-business/pilot"])
        let sarif = try runLockstep(
            ["check", "acme.yaml", "--baseline", "baseline.txt", "--format", "sarif"], in: folder.path)
        let results =
            ((try json(sarif.output)["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]]) ?? []
        let states = Dictionary(grouping: results, by: { $0["baselineState"] as? String ?? "none" }).mapValues(\.count)
        #expect(states["new"] ?? 0 >= 1 && states["unchanged"] == 8, "\(states)")
        // A baseline that is not one is an input error with its place.
        try "# not a baseline\n".write(
            to: folder.appendingPathComponent("other.txt"), atomically: true, encoding: .utf8)
        let wrong = try runLockstep(["check", "acme.yaml", "--baseline", "other.txt"], in: folder.path)
        #expect(wrong.code == 2)
        #expect(wrong.errors.hasPrefix("other.txt:1: error: this is not a Lockstep baseline"))
    }

    @Test("fingerprints survive shifted lines, reordered items and an unrelated rename; a new target changes its own")
    func fingerprints() throws {
        func prints(_ folder: URL) throws -> [String: String] {
            let report = try json(try runLockstep(["check", "acme.yaml", "--format", "json"], in: folder.path).output)
            let findings = report["findings"] as? [[String: Any]] ?? []
            return Dictionary(findings.map { ("\($0["rule"]!) \($0["target"]!)", $0["fingerprint"] as? String ?? "") })
            { a, _ in a }
        }
        let folder = try copyOfExample()
        let before = try prints(folder)
        let path = folder.appendingPathComponent("acme.yaml").path
        var text = try String(contentsOfFile: path, encoding: .utf8)
        // Lines shift, and two activities swap places.
        let first = try #require(text.range(of: "  - id: close-benchmark\n")),
            second = try #require(text.range(of: "  - id: roi-calculator\n"))
        let third = try #require(text.range(of: "  - id: security-whitepaper\n"))
        text =
            "# reviewed in the workshop\n# by the whole team\n\n" + text[..<first.lowerBound]
            + text[second.lowerBound..<third.lowerBound]
            + text[first.lowerBound..<second.lowerBound] + text[third.lowerBound...]
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let edits = "activity edit close-webinar --name \"A webinar\"; save"
        #expect(try runLockstep(["-c", edits, "acme.yaml"], in: folder.path).code == 0)
        let after = try prints(folder)
        #expect(after == before)
        #expect(
            try runLockstep(["-c", "stage rename expansion/onboarding kickoff; save", "acme.yaml"], in: folder.path)
                .code == 0)
        let renamed = try prints(folder)
        #expect(
            renamed["MK001 expansion/kickoff"] != nil
                && renamed["MK001 expansion/kickoff"] != before["MK001 expansion/onboarding"])
        #expect(renamed["MK003 close-webinar"] == before["MK003 close-webinar"])
    }

    @Test("--docs-url links each SARIF rule to its section of the published rule reference")
    func docsURL() throws {
        let result = try runLockstep(
            ["check", "examples/acme.yaml", "--format", "sarif", "--docs-url", "https://docs.example.org/lockstep/"],
            in: repositoryRoot.path)
        let run = try #require((try json(result.output)["runs"] as? [[String: Any]])?.first)
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["informationUri"] as? String == "https://docs.example.org/lockstep")
        let rules = driver["rules"] as? [[String: Any]] ?? []
        let mk001 = try #require(rules.first { $0["id"] as? String == "MK001" })
        #expect(mk001["helpUri"] as? String == "https://docs.example.org/lockstep/rules.md#mk001")
        // Each rule's anchor is a heading of docs/rules.md.
        let reference = try String(contentsOf: repositoryRoot.appendingPathComponent("docs/rules.md"), encoding: .utf8)
        #expect(reference.contains("\n## MK001\n"), "docs/rules.md has a section per rule")
    }

    @Test(
        "the JSON report validates against docs/check-report.schema.json: one workbook, several, and one that does not load"
    )
    func jsonSchema() throws {
        let schema = repositoryRoot.appendingPathComponent("docs/check-report.schema.json").path
        for arguments in [
            ["examples/acme.yaml"], ["examples/**/*.yaml"],
            ["Tests/EndToEndTests/BadWorkbooks/dangling-reference.yaml"],
        ] {
            let result = try runLockstep(["check"] + arguments + ["--format", "json"], in: repositoryRoot.path)
            let report = FileManager.default.temporaryDirectory.appendingPathComponent(
                "lockstep-\(UUID().uuidString).json")
            try result.output.write(to: report, atomically: true, encoding: .utf8)
            let validation = try runProgram(
                "python3",
                [
                    repositoryRoot.appendingPathComponent("Tests/Support/validate_report.py").path,
                    "json", report.path, schema,
                ])
            #expect(validation.code == 0, "\(arguments): \(validation.errors)")
        }
    }
}
