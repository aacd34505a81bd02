import Foundation
import Testing
import TestSupport

/// The README's walkthrough is a real session: this test replays it and compares every line.
/// `LOCKSTEP_RECORD=1` writes the session into the README anew.
@Suite("The README walkthrough")
struct WalkthroughTests {
    static let commands = ["coverage --process new-business", "gaps --process new-business", "check",
                           "activity map security-pack --stage new-business/negotiation", "check"]

    /// The session as a person sees it: each prompt and command, then what it printed.
    static func transcript() -> String {
        let root = repositoryRoot.path + "/"
        let workbook = root + "examples/saas/brightlane.yaml"
        var text = "$ lockstep examples/saas/brightlane.yaml\n"
        var lines: [String] = []
        for command in commands {
            lines.append(command)
            // Each session leaves as a person would: quit, and no to saving.
            let before = runSession(Array(lines.dropLast()) + ["quit", "n"], workbook: workbook, interactive: true)
            let after = runSession(lines + ["quit", "n"], workbook: workbook, interactive: true)
            let dirty = before.session.isDirty ? "*" : ""
            text += "brightlane.yaml\(dirty)> \(command)\n" + String(after.output.dropFirst(before.output.count))
        }
        return text.replacingOccurrences(of: root, with: "")
    }

    @Test("the README shows exactly what the session prints")
    func readme() throws {
        let url = repositoryRoot.appendingPathComponent("README.md")
        let readme = try String(contentsOf: url, encoding: .utf8)
        let start = try #require(readme.range(of: "<!-- walkthrough -->\n```text\n"))
        let end = try #require(readme.range(of: "```\n<!-- /walkthrough -->"))
        let block = String(readme[start.upperBound..<end.lowerBound])
        let fresh = Self.transcript()
        if ProcessInfo.processInfo.environment["LOCKSTEP_RECORD"] == "1" {
            try (String(readme[..<start.upperBound]) + fresh + String(readme[end.lowerBound...])).write(to: url, atomically: true, encoding: .utf8)
            return
        }
        #expect(block == fresh, "the README's walkthrough is out of date: run LOCKSTEP_RECORD=1 swift test --filter WalkthroughTests")
    }
}
