import Foundation
import LockstepCore
import Testing
import TestSupport

/// Every built-in rule's own examples, run as tests: one generic test for all of them.
@Suite("Built-in rules")
struct RuleExampleTests {
    static let checks: [any Check] = CoreChecks.all + builtInPlugins.available.flatMap(\.checks)
    static let codes = checks.map(\.code)

    @Test("each rule reports exactly the targets its examples name", arguments: codes)
    func examples(code: String) throws {
        let check = try #require(Self.checks.first { $0.code == code })
        for (number, example) in check.examples.enumerated() {
            let text = example.workbook.hasPrefix("lockstep:") ? example.workbook : "lockstep: 1\n" + example.workbook
            let workbook: Workbook
            do {
                workbook = try WorkbookLoader(registry: builtInPlugins).decode(Array(text.utf8), file: "\(code)-example-\(number + 1).yaml")
            } catch {
                Issue.record("\(code) example \(number + 1) does not load:\n\(error)")
                continue
            }
            // Files an example needs (a CRM export) are written beside the workbook.
            var workbookPath: String?
            if !example.files.isEmpty {
                let folder = try temporaryFolder()
                for (name, contents) in example.files {
                    try contents.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
                }
                workbookPath = folder.appendingPathComponent("example.yaml").path
            }
            let context = CheckContext(today: TestSupport.today, workbookPath: workbookPath)
            let findings = check.findings(in: workbook, context: context)
            #expect(findings.map(\.target).sorted() == example.targets.sorted(), "\(code) example \(number + 1)")
            expectClientWords(findings, of: check, in: workbook, example: number + 1)
        }
    }

    /// What a client reads of the findings: business words, every placeholder filled, no id
    /// written as a field name, no command, no rule code, no citation.
    func expectClientWords(_ findings: [Finding], of check: any Check, in workbook: Workbook, example: Int) {
        let report = ClientReport(title: "Example", source: "example.yaml", today: TestSupport.today, toolVersion: "test",
                                  sections: [], findings: findings, rules: [check], workbook: workbook)
        #expect(report.recommendations.isEmpty == !findings.contains(where: \.isOpen), "\(check.code) example \(example)")
        for item in report.recommendations {
            for text in [item.problem, item.action, item.stake] + item.figures {
                let place = "\(check.code) example \(example): \(text)"
                #expect(!text.contains("{") && !text.contains("`") && !text.contains("--"), "\(place)")
                #expect(!text.contains(check.code) && !text.contains("seed") && !text.contains("“"), "\(place)")
                #expect(!text.split(separator: " ").contains { $0.contains("_") }, "a field name in \(place)")
            }
            if check.advice.problem.contains("{who}") || check.advice.action.contains("{who}") {
                #expect(item.findings.allSatisfy { $0.terms.who != nil }, "\(check.code) says {who} but names nobody")
            }
        }
    }

    @Test("each rule has a triggering and a passing example, an explanation, and a unique code and slug", arguments: codes)
    func completeness(code: String) throws {
        let check = try #require(Self.checks.first { $0.code == code })
        #expect(check.examples.contains { !$0.targets.isEmpty }, "\(code) has no triggering example")
        #expect(check.examples.contains { $0.targets.isEmpty }, "\(code) has no passing example")
        for text in [check.summary, check.explanation.what, check.explanation.why, check.explanation.fix] {
            #expect(text.count > 10, "\(code) lacks an explanation section")
        }
        // A plugin's rule traces back to the articles it comes from, cited by title as a client reads them;
        // a core rule (WB…) knows nothing of sales and cites none.
        let titles = ["“The Twin Pillars of Profit", "“Sales and Marketing: Different or Two Sides", "“Togetherness”",
                      "“Ending the War between Sales and Marketing”", "“Sales and Marketing – Align, Define and Make Money”"]
        #expect(code.hasPrefix("WB") || titles.contains { check.explanation.why.contains($0) }, "\(code) cites no source article")
        #expect(!check.explanation.why.contains("seed 0"), "\(code) cites an article by its file name")
        #expect(Self.codes.filter { $0 == code }.count == 1)
        #expect(Self.checks.filter { $0.slug == check.slug }.count == 1)
    }

    @Test("the catalogue's rules are all there")
    func catalogue() {
        let expected = (1...6).map { "SP00\($0)" } + (1...9).map { "MK00\($0)" } + ["MK010", "WB004"] + (1...9).filter { $0 != 2 }.map { "LD00\($0)" }  // LD002 is reported as the workbook loads
        #expect(Set(expected).isSubset(of: Set(Self.codes)))
    }
}

@Suite("The check runner")
struct CheckRunnerTests {
    @Test("a context reused for another workbook does not carry the first one's model over")
    func freshPerRun() throws {
        let loader = WorkbookLoader(registry: builtInPlugins)
        let supported = try loader.decode(Array("lockstep: 1\nprocesses:\n  - id: nb\n    stages: [{ id: a }]\nactivities:\n  - { id: x, kind: content, stages: [a] }\n".utf8), file: "a.yaml")
        let bare = try loader.decode(Array("lockstep: 1\nprocesses:\n  - id: nb\n    stages: [{ id: a }]\nactivities: []\n".utf8), file: "b.yaml")
        let runner = CheckRunner(checks: builtInPlugins.available.flatMap(\.checks))
        let context = CheckContext(today: TestSupport.today)
        #expect(!runner.run(supported, context: context).contains { $0.rule == "MK001" })
        #expect(runner.run(bare, context: context).contains { $0.rule == "MK001" && $0.target == "nb/a" })
    }
}
