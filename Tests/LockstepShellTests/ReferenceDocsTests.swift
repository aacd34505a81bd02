import Foundation
import Testing
import TestSupport
@testable import LockstepShell

/// The reference in docs/ is generated from the commands and rules; it must not drift from them.
@Suite("The generated reference")
struct ReferenceDocsTests {
    @Test("docs/commands.md and docs/rules.md are exactly what `lockstep docs` writes", arguments: ["commands", "rules"])
    func current(_ name: String) throws {
        let generated = name == "commands" ? ReferenceDocs.commands(registry: builtInPlugins) : ReferenceDocs.rules(registry: builtInPlugins)
        let committed = try String(contentsOf: repositoryRoot.appendingPathComponent("docs/\(name).md"), encoding: .utf8)
        #expect(committed == generated, "docs/\(name).md is out of date: run 'make docs' and commit it")
    }

    @Test("every command and every built-in rule has its section")
    func complete() {
        let commands = ReferenceDocs.commands(registry: builtInPlugins)
        for name in ["open", "export report", "tour", "funnel", "coverage", "stage add", "lead criteria", "data load"] {
            #expect(commands.contains("### `\(name)"), "\(name)")
        }
        let rules = ReferenceDocs.rules(registry: builtInPlugins)
        for check in builtInPlugins.available.flatMap(\.checks) {
            #expect(rules.contains("\n## \(check.code)\n"), "\(check.code)")
        }
    }
}
