import Foundation
import Testing
import TestSupport

/// Every example is checked, and must show exactly the misalignments its README documents.
@Suite("The shipped examples")
struct ExampleTests {
    /// `| MK002 | \`new-business/negotiation\` × \`it-security\` | …` → "MK002 new-business/negotiation/it-security".
    static func documented(in readme: String) -> Set<String> {
        var expected: Set<String> = []
        for line in readme.split(separator: "\n") where line.range(of: #"^\| [A-Z]{2}\d{3} \|"#, options: .regularExpression) != nil {
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            let targets = cells[1].split(separator: "`", omittingEmptySubsequences: false).enumerated().filter { $0.offset % 2 == 1 }.map { String($0.element) }
            expected.insert("\(cells[0]) \(targets.joined(separator: "/"))")
        }
        return expected
    }

    func found(_ workbook: String, options: [String] = []) throws -> Set<String> {
        let result = try runLockstep(["check", workbook, "--format", "json"] + options)
        #expect(result.code == 0 || result.code == 1, "\(result.errors)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        let findings = try #require(report["findings"] as? [[String: Any]])
        return Set(findings.map { "\($0["rule"]!) \($0["target"]!)" })
    }

    @Test("each teaching example shows exactly its documented misalignments", arguments: ["saas/brightlane.yaml", "manufacturing/kessler.yaml"])
    func teachingExample(_ path: String) throws {
        let workbook = repositoryRoot.appendingPathComponent("examples/\(path)")
        let readme = try String(contentsOf: workbook.deletingLastPathComponent().appendingPathComponent("README.md"), encoding: .utf8)
        let expected = Self.documented(in: readme)
        #expect(expected.count >= 4)
        let actual = try found(workbook.path)
        #expect(actual == expected, "found \(actual.sorted()), documented \(expected.sorted())")
    }

    @Test("the example on Olist's real export shows its documented findings, measured on the data",
          .requiresShared("data/olist-funnel/olist_marketing_qualified_leads_dataset.csv",
                          "data/olist-funnel/olist_closed_deals_dataset.csv"))
    func olistExample() throws {
        let workbook = repositoryRoot.appendingPathComponent("examples/olist/olist.yaml")
        let readme = try String(contentsOf: workbook.deletingLastPathComponent().appendingPathComponent("README.md"), encoding: .utf8)
        // The export lies in the project's shared folder, outside the example's: allowed by name.
        let actual = try found(workbook.path, options: ["--allow-data-outside"]), expected = Self.documented(in: readme)
        #expect(actual == expected, "found \(actual.sorted()), documented \(expected.sorted())")
        let questions = try runLockstep(["--allow-data-outside", "-c", "ignored", workbook.path])
        #expect(questions.output.contains("8000") && questions.output.contains("7158"))
    }
}
