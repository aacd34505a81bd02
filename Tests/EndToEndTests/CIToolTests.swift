import Foundation
import TestSupport
import Testing

/// The tools a team's CI puts Lockstep beside, run for real: sarif-tools on the SARIF,
/// pre-commit on the hook manifest, bash on the completion script.
@Suite("Lockstep beside the CI tools")
struct CIToolTests {
    func temporaryFolder(_ name: String) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "lockstep-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    func sarif(_ arguments: [String], in folder: URL) throws -> URL {
        let file = folder.appendingPathComponent("\(UUID().uuidString).sarif")
        let result = try runLockstep(
            ["check"] + arguments + ["--format", "sarif", "--output", file.path], in: folder.path)
        #expect(result.code != 2, "\(result.errors)")
        return file
    }

    @Test(
        "sarif-tools, with the shipped filter, counts what lockstep counts; sarif diff sees the findings a change fixed"
    )
    func sarifTools() throws {
        let folder = try temporaryFolder("sarif")
        try FileManager.default.copyItem(
            atPath: exampleWorkbook, toPath: folder.appendingPathComponent("acme.yaml").path)
        try FileManager.default.copyItem(
            at: repositoryRoot.appendingPathComponent("examples/crm"), to: folder.appendingPathComponent("crm"))
        let filter = repositoryRoot.appendingPathComponent("examples/ci/sarif-open-findings.yml").path
        let before = try sarif(["acme.yaml"], in: folder)
        let summary = try runProgram("sarif", ["summary", "--filter", filter, before.path])
        #expect(summary.code == 0, "\(summary.errors)")
        // lockstep: 1 error, 6 warnings, 1 info (1 waived).
        #expect(
            summary.output.contains("\nerror: 1\n") && summary.output.contains("\nwarning: 6\n")
                && summary.output.contains("\nnote: 1\n"),
            "\(summary.output)")
        #expect(try runProgram("sarif", ["--check", "error", "summary", "--filter", filter, before.path]).code == 1)
        #expect(try runLockstep(["-c", "activity remove close-webinar; save", "acme.yaml"], in: folder.path).code == 0)
        let after = try sarif(["acme.yaml"], in: folder)
        let diff = try runProgram("sarif", ["diff", before.path, after.path])
        // Without the webinar the nurture track has no program left: a new finding, beside the three fixed.
        #expect(diff.output.contains("warning level: +1 -2"), "\(diff.output)")
        #expect(
            diff.output.contains("New issue \"MK013 recycle track 'nurture' has no nurture program"), "\(diff.output)")
        #expect(
            diff.output.contains("Eliminated issue \"MK009 activity 'close-webinar' has no measure of success\""),
            "\(diff.output)")
        // With a baseline of everything, nothing is left open for sarif-tools either.
        #expect(try runLockstep(["check", "acme.yaml", "--write-baseline", "baseline.txt"], in: folder.path).code == 1)
        let accepted = try sarif(["acme.yaml", "--baseline", "baseline.txt"], in: folder)
        #expect(try runProgram("sarif", ["--check", "note", "summary", "--filter", filter, accepted.path]).code == 0)
    }

    @Test("pre-commit accepts the hook manifest, and runs the hook on a commit's workbook: a new gap blocks the commit")
    func preCommit() throws {
        let manifest = try runProgram(
            "pre-commit", ["validate-manifest", repositoryRoot.appendingPathComponent(".pre-commit-hooks.yaml").path])
        #expect(manifest.code == 0, "\(manifest.output)\(manifest.errors)")
        let folder = try temporaryFolder("precommit")
        let git = { (arguments: [String]) throws -> ProcessResult in
            try runProgram(
                "git", ["-c", "user.name=Test", "-c", "user.email=test@example.invalid"] + arguments, in: folder.path)
        }
        #expect(try git(["init", "-q"]).code == 0)
        try FileManager.default.copyItem(
            atPath: repositoryRoot.appendingPathComponent("Tests/EndToEndTests/Workbooks/clean.yaml").path,
            toPath: folder.appendingPathComponent("clean.yaml").path)
        // The manifest's hook, declared locally with the binary under test in place of the one on the PATH.
        let manifestText = try String(
            contentsOf: repositoryRoot.appendingPathComponent(".pre-commit-hooks.yaml"), encoding: .utf8)
        let entry = try #require(manifestText.split(separator: "\n").first { $0.hasPrefix("  entry: lockstep ") })
            .replacingOccurrences(of: "  entry: lockstep ", with: "")
        let config = """
            repos:
              - repo: local
                hooks:
                  - id: lockstep-check
                    name: lockstep check
                    entry: \(lockstepBinary) \(entry)
                    language: system
                    files: \\.ya?ml$
            """
        try config.write(
            to: folder.appendingPathComponent(".pre-commit-config.yaml"), atomically: true, encoding: .utf8)
        let environment = ["PRE_COMMIT_HOME": folder.appendingPathComponent(".cache").path]
        #expect(try git(["add", "."]).code == 0)
        let clean = try runProgram("pre-commit", ["run", "--all-files"], in: folder.path, environment: environment)
        #expect(clean.code == 0, "\(clean.output)")
        let edit = try runLockstep(
            ["-c", "stage add \(try stageProcess(folder))/pilot --name Pilot; save", "clean.yaml"], in: folder.path)
        #expect(edit.code == 0, "\(edit.errors)")
        #expect(try git(["add", "."]).code == 0)
        let blocked = try runProgram("pre-commit", ["run", "--all-files"], in: folder.path, environment: environment)
        #expect(blocked.code == 1)
        #expect(blocked.output.contains("[MK001]"), "\(blocked.output)")
    }

    /// The first process of the clean test workbook.
    func stageProcess(_ folder: URL) throws -> String {
        let listed = try runLockstep(["-c", "set format csv; list processes", "clean.yaml"], in: folder.path)
        return String(listed.output.split(separator: "\r\n").dropFirst().first?.split(separator: ",").first ?? "")
    }

    @Test("the bash completion script parses, and completes subcommands, formats and rule codes")
    func bashCompletion() throws {
        let script = try runLockstep(["--generate-completion-script", "bash"])
        #expect(script.code == 0)
        let folder = try temporaryFolder("completion")
        let file = folder.appendingPathComponent("lockstep.bash")
        try script.output.write(to: file, atomically: true, encoding: .utf8)
        #expect(try runProgram("bash", ["-n", file.path]).code == 0)
        func complete(_ words: [String]) throws -> [String] {
            // What bash does at Tab: the words so far, the cursor at the end of the last one.
            let line = ([lockstepBinary] + words).map { "'\($0)'" }.joined(separator: " ")
            let probe = """
                source '\(file.path)'
                COMP_WORDS=(\(line)); COMP_CWORD=\(words.count)
                COMP_LINE="${COMP_WORDS[*]}"; COMP_POINT=${#COMP_LINE}
                _lockstep "${COMP_WORDS[0]}" "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
                printf '%s\\n' "${COMPREPLY[@]}"
                """
            let result = try runProgram(
                "bash", ["-c", probe], environment: ["SOURCE_DATE_EPOCH": TestSupport.sourceDateEpoch])
            return result.output.split(separator: "\n").map(String.init)
        }
        #expect(try complete(["ch"]) == ["check"])
        #expect(Set(try complete([""])).isSuperset(of: ["shell", "check", "diff", "explain", "rules", "tour", "docs"]))
        #expect(try complete(["check", "--format", ""]) == ["text", "json", "sarif", "junit", "markdown", "github"])
        #expect(try complete(["explain", "MK00"]).contains("MK001"))
        #expect(try complete(["check", "x.yaml", "--select", ""]).contains("LD"))
    }
}

@Suite("The example GitHub workflow")
struct WorkflowTests {
    let workflow = repositoryRoot.appendingPathComponent("examples/ci/github-actions.yml").path

    @Test("actionlint finds nothing to fix in it")
    func lint() throws {
        let result = try runProgram("actionlint", [workflow])
        #expect(result.code == 0, "\(result.output)\(result.errors)")
    }

    @Test("its steps run on a pull request that removes content: annotations, a SARIF file, the diff in the summary")
    func steps() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent(
            "lockstep-workflow-\(UUID().uuidString)")
        let playbooks = base.appendingPathComponent("team/playbooks")
        try FileManager.default.createDirectory(at: playbooks, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            atPath: exampleWorkbook, toPath: playbooks.appendingPathComponent("acme.yaml").path)
        try FileManager.default.copyItem(
            at: repositoryRoot.appendingPathComponent("examples/crm"), to: playbooks.appendingPathComponent("crm"))
        let git = { (folder: URL, arguments: [String]) throws -> ProcessResult in
            try runProgram(
                "git",
                ["-c", "user.name=Test", "-c", "user.email=test@example.invalid", "-c", "init.defaultBranch=main"]
                    + arguments,
                in: folder.path)
        }
        let team = base.appendingPathComponent("team"), checkout = base.appendingPathComponent("checkout")
        #expect(try git(team, ["init", "-q"]).code == 0)
        #expect(try git(team, ["add", "."]).code == 0)
        #expect(try git(team, ["commit", "-qm", "playbooks"]).code == 0)
        #expect(try git(base, ["clone", "-q", team.path, checkout.path]).code == 0)
        #expect(try git(checkout, ["checkout", "-qb", "change"]).code == 0)
        let edit = try runLockstep(
            ["-c", "activity remove close-webinar; save", "playbooks/acme.yaml"], in: checkout.path)
        #expect(edit.code == 0, "\(edit.errors)")
        #expect(try git(checkout, ["commit", "-qam", "drop the webinar"]).code == 0)

        let binFolder = URL(fileURLWithPath: lockstepBinary).deletingLastPathComponent().path
        let run = try runProgram(
            "python3",
            [
                repositoryRoot.appendingPathComponent("Tests/Support/run_workflow_steps.py").path, workflow,
                checkout.path, "main",
            ],
            environment: ["PATH": binFolder + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "")])
        #expect(run.code == 0, "\(run.errors)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any])
        let steps = Dictionary(
            uniqueKeysWithValues: (report["steps"] as? [[String: Any]] ?? []).map { ($0["name"] as? String ?? "", $0) })
        let check = try #require(steps["Check the workbooks"])
        #expect(check["code"] as? Int == 1, "the example's error fails the job")
        #expect((check["output"] as? String)?.contains("::error file=playbooks/acme.yaml,line=") == true)
        let sarif = try #require(steps["Write the SARIF report"])
        #expect(sarif["code"] as? Int == 0, "\(sarif["errors"] ?? "")")
        #expect(FileManager.default.fileExists(atPath: checkout.appendingPathComponent("lockstep.sarif").path))
        let diff = try #require(steps["What the change did to the alignment"])
        #expect(diff["code"] as? Int == 0, "\(diff["errors"] ?? "")")
        let summary = report["summary"] as? String ?? ""
        #expect(
            summary.hasPrefix("## Lockstep diff: `git:origin/main:playbooks/acme.yaml` → `playbooks/acme.yaml`"),
            "\(summary)")
        #expect(summary.contains("| became empty | `new-business/discovery` | `fp-analyst` | 1 → 0 |"))
    }
}
