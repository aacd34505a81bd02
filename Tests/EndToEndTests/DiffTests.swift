import Foundation
import TestSupport
import Testing

/// `lockstep diff` on the shipped examples with known changes: what a reviewer of a pull
/// request to the workbook reads.
@Suite("lockstep diff")
struct DiffTests {
    /// A folder of its own with a copy of `example` (and the CRM exports beside it), changed by `commands`.
    func changedCopy(of example: String, _ commands: String) throws -> (folder: URL, old: String, new: String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lockstep-diff-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: repositoryRoot.appendingPathComponent("examples/crm"), to: folder.appendingPathComponent("crm"))
        let source = repositoryRoot.appendingPathComponent(example).path
        for name in ["old.yaml", "new.yaml"] {
            try FileManager.default.copyItem(atPath: source, toPath: folder.appendingPathComponent(name).path)
        }
        let edit = try runLockstep(["-c", commands + "; save", "new.yaml"], in: folder.path)
        #expect(edit.code == 0, "\(edit.errors)")
        return (folder, "old.yaml", "new.yaml")
    }

    @Test(
        "removing an activity: one item removed, its three findings fixed, the programs it alone gave now missing, the cell it alone filled now empty"
    )
    func removedActivity() throws {
        let (folder, old, new) = try changedCopy(of: "examples/acme.yaml", "activity remove close-webinar")
        let result = try runLockstep(["diff", old, new], in: folder.path)
        #expect(result.code == 0)
        #expect(
            result.output == """
                lockstep diff old.yaml new.yaml
                items: 0 added, 1 removed, 0 changed
                  - activity close-webinar 'Webinar: a three-day close'
                findings: 2 introduced, 3 fixed
                  + info [MK014] marketing-owned lead stage 'mql' has no lead-generation program (no activity names it in lead_stages)
                  + warning [MK013] recycle track 'nurture' has no nurture program: rejected leads sent there get no content
                  - warning [ACME001] Every webinar needs a KPI (activity 'close-webinar')
                  - warning [MK003] activity 'close-webinar' asks buyers to 'Register' but no enablement prepares sales to answer
                  - info [MK009] activity 'close-webinar' has no measure of success
                coverage: 1 cell became empty, 0 filled
                  - new-business/discovery × fp-analyst: 1 → 0

                """)
    }

    @Test(
        "closing a gap: an activity added for a stage with no content fixes MK001 and fills its cells; a changed stage is named"
    )
    func closedGap() throws {
        let commands =
            "activity add onboarding-guide --name \"Onboarding guide\" --kind content --stage expansion/onboarding "
            + "--persona controller --kpi \"Time to first close\"; stage edit new-business/proposal --probability 45"
        let (folder, old, new) = try changedCopy(of: "examples/acme.yaml", commands)
        let result = try runLockstep(["diff", old, new, "--format", "json"], in: folder.path)
        #expect(result.code == 0, "\(result.errors)")
        let diff = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        #expect(diff["format"] as? String == "lockstep-diff" && diff["version"] as? Int == 1)
        let items = (diff["items"] as? [[String: Any]] ?? []).map {
            "\($0["change"]!) \($0["kind"]!) \($0["id"]!) \($0["fields"]!)"
        }
        #expect(items.contains("added activity onboarding-guide []"))
        #expect(
            items.contains { $0.hasPrefix("changed stage new-business/proposal") && $0.contains("probability") },
            "\(items)")
        let fixed = ((diff["findings"] as? [String: Any])?["fixed"] as? [[String: Any]] ?? []).map {
            "\($0["rule"]!) \($0["target"]!)"
        }
        #expect(fixed == ["MK001 expansion/onboarding"])
        let filled = ((diff["coverage"] as? [String: Any])?["filled"] as? [[String: Any]] ?? []).map {
            "\($0["row"]!) \($0["column"]!)"
        }
        #expect(filled == ["expansion/onboarding controller"])
    }

    @Test("the same workbook twice: no change; Markdown for a pull-request comment says so")
    func noChange() throws {
        let result = try runLockstep(
            ["diff", "examples/acme.yaml", "examples/acme.yaml", "--format", "markdown"], in: repositoryRoot.path)
        #expect(result.code == 0)
        #expect(
            result.output
                == "## Lockstep diff: `examples/acme.yaml` → `examples/acme.yaml`\n\nNo change in the alignment.\n")
    }

    @Test("git:REV:PATH reads the file as a commit holds it, and gives what the two files give")
    func gitRevision() throws {
        let (folder, old, new) = try changedCopy(of: "examples/acme.yaml", "activity remove close-webinar")
        let git = { (arguments: [String]) throws -> ProcessResult in
            try runProgram(
                "git", ["-c", "user.name=Test", "-c", "user.email=test@example.invalid"] + arguments, in: folder.path)
        }
        // The repository holds the old version as work.yaml; the work tree then gets the new one.
        try FileManager.default.copyItem(
            at: folder.appendingPathComponent(old), to: folder.appendingPathComponent("work.yaml"))
        #expect(try git(["init", "-q"]).code == 0)
        #expect(try git(["add", "work.yaml", "crm"]).code == 0)
        #expect(try git(["commit", "-qm", "workbook"]).code == 0)
        try FileManager.default.removeItem(at: folder.appendingPathComponent("work.yaml"))
        try FileManager.default.copyItem(
            at: folder.appendingPathComponent(new), to: folder.appendingPathComponent("work.yaml"))
        let fromGit = try runLockstep(["diff", "git:HEAD:work.yaml", "work.yaml"], in: folder.path)
        let fromFiles = try runLockstep(["diff", old, "work.yaml"], in: folder.path)
        #expect(fromGit.code == 0, "\(fromGit.errors)")
        #expect(
            fromGit.output.split(separator: "\n").dropFirst() == fromFiles.output.split(separator: "\n").dropFirst())
        let unknown = try runLockstep(["diff", "git:no-such-branch:work.yaml", "work.yaml"], in: folder.path)
        #expect(unknown.code == 2)
        #expect(
            unknown.errors.hasPrefix("error: git:no-such-branch:work.yaml: invalid object name 'no-such-branch'"),
            "\(unknown.errors)")
        let option = try runLockstep(["diff", "git:--output=x:work.yaml", "work.yaml"], in: folder.path)
        #expect(option.code == 2, "a revision cannot smuggle an option into git")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("x").path))
    }

    @Test("a version that does not load is an input error naming it, exit 2")
    func badVersion() throws {
        let bad = "Tests/EndToEndTests/BadWorkbooks/dangling-reference.yaml"
        let result = try runLockstep(["diff", "examples/acme.yaml", bad], in: repositoryRoot.path)
        #expect(result.code == 2)
        #expect(result.errors.contains("\(bad):"))
        #expect(result.output.isEmpty)
    }
}
