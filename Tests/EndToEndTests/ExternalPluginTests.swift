import Foundation
import TestSupport
import Testing

/// Plugins in any language (docs/plugins.md): the MEDDICC example in Python, and a plugin that
/// fails in every way a program can, which never takes the run down.
@Suite("External plugins")
struct ExternalPluginTests {
    static let meddicc = repositoryRoot.appendingPathComponent("examples/plugins/meddicc-brightlane.yaml").path

    /// A state folder of the test's own, so no signature is cached across tests.
    func stateFolder() throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "lockstep-plugins-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder.path
    }

    @Test(
        "the MEDDICC plugin's rule is checked, placed at its stage's line, listed, explained and in SARIF; its command answers"
    )
    func meddicc() throws {
        let state = try stateFolder()
        let check = try runLockstep(["check", Self.meddicc], environment: ["XDG_STATE_HOME": state])
        #expect(check.code == 1)
        #expect(
            check.output.contains(
                "meddicc-brightlane.yaml:114:9: warning: [MED001] decision stage 'new-business/proposal' covers no "
                    + "Decision criteria, Decision process"), "\(check.output)\(check.errors)")
        let sarif = try runLockstep(
            ["check", Self.meddicc, "--format", "sarif"], environment: ["XDG_STATE_HOME": state])
        #expect(sarif.output.contains("\"id\": \"MED001\"") && sarif.output.contains("\"ruleId\": \"MED001\""))
        let session = try runLockstep(
            ["-c", "plugins; meddicc; explain MED001; rules", Self.meddicc], environment: ["XDG_STATE_HOME": state])
        #expect(session.code == 0, "\(session.errors)")
        #expect(session.output.contains("./meddicc.py  yes") && session.output.contains("(external: meddicc 1.1)"))
        #expect(
            session.output.contains(
                "new-business/proposal     exit     exit            -                  -                 question"))
        #expect(session.output.contains("MED001 meddicc-gap (warning by default, plugin ./meddicc.py)"))
        // The signature is cached: the next run reads it, and starts the plugin only for its check.
        let cache = try FileManager.default.contentsOfDirectory(atPath: state + "/lockstep/plugins")
        #expect(cache.count == 1 && cache[0].hasSuffix(".json"))
    }


    @Test(
        "a plugin that fails at the handshake is an error at its entry, with what it wrote; exit 2",
        arguments: ["crash-at-handshake", "wrong-version"])
    func handshake(mode: String) throws {
        let result = try runLockstep(["check", try faulty(mode)], environment: ["XDG_STATE_HOME": try stateFolder()])
        #expect(result.code == 2)
        #expect(
            result.errors.contains("workbook.yaml:2:19: error: [WB003] plugin './\(mode).py' cannot be used: "),
            "\(result.errors)")
        if mode == "wrong-version" {
            #expect(result.errors.contains("it speaks protocol version 2; this Lockstep speaks 1"))
        } else {
            #expect(
                result.errors.contains("it exited with status 3")
                    && result.errors.contains("Traceback: something went wrong in initialize"))
        }
    }

    @Test(
        "a plugin that crashes, hangs, writes garbage or megabytes, or closes its output during a check: the run goes on, says why, exits 2",
        arguments: ["crash-at-check", "hang-at-check", "garbage", "megabytes", "closed-stdout"])
    func duringCheck(mode: String) throws {
        let started = Date()
        let result = try runLockstep(
            ["check", try faulty(mode)],
            environment: ["XDG_STATE_HOME": try stateFolder(), "LOCKSTEP_PLUGIN_TIMEOUT": "2"])
        #expect(result.code == 2, "\(result.output)\(result.errors)")
        #expect(Date().timeIntervalSince(started) < 30)
        // The built-in rules still ran: SP001 flags the stage without exit criteria.
        #expect(result.output.contains("[SP001]"), "\(result.output)")
        let expected = [
            "crash-at-check": "it closed its output (it exited with status 3)",
            "hang-at-check": "it did not finish answering within 2 s (the plugin's timeout)",
            "garbage": "it answered with something that is not a protocol message (this is not json)",
            "megabytes": "without ending a message", "closed-stdout": "it closed its output",
        ][mode]!
        #expect(result.output.contains("plugin faulty (./\(mode).py) failed at check: "), "\(result.output)")
        #expect(result.output.contains(expected), "\(mode): \(result.output)")
        #expect(
            result.output.contains("faulty plugin (\(mode)) got check"), "its standard error's tail: \(result.output)")
    }

    @Test("in the shell, a crashed plugin is started again on the next use; the session survives")
    func restart() throws {
        let result = try runLockstep(
            ["-k", "-c", "check; plugins; check; stages", try faulty("crash-at-check")],
            environment: ["XDG_STATE_HOME": try stateFolder()])
        #expect(result.output.components(separatedBy: "failed at check").count == 3, "\(result.output)")
        #expect(
            result.output.contains(
                "yes (stopped after a failure (it closed its output (it exited with status 3)); starts again on next use)"
            ),
            "plugins says what became of it: \(result.output)")
        #expect(result.output.contains("discovery"))
    }

    @Test(
        "lockstep plugin test: the example passes every test; a plugin that hangs or speaks another version fails, saying why"
    )
    func conformance() throws {
        let example = try runLockstep([
            "plugin", "test", repositoryRoot.appendingPathComponent("examples/plugins/meddicc.py").path,
        ])
        #expect(example.code == 0, "\(example.output)\(example.errors)")
        #expect(example.output.contains("ok    check answers on the sample workbook (2 findings)"))
        #expect(example.output.contains("ok    its sections can be held by Lockstep (1 section)"))
        #expect(example.output.contains("ok    validate answers on the sample workbook"))
        #expect(example.output.contains("ok    lesson answers on the sample workbook"))
        #expect(example.output.hasSuffix("all 12 tests passed\n"))
        let folder = URL(fileURLWithPath: try faulty("hang-at-check")).deletingLastPathComponent()
        let hang = try runLockstep([
            "plugin", "test", folder.appendingPathComponent("hang-at-check.py").path, "--timeout", "1",
        ])
        #expect(hang.code == 1)
        #expect(
            hang.output.contains("FAIL  check answers on the sample workbook: it did not finish answering within 1 s"),
            "\(hang.output)")
        let other = URL(fileURLWithPath: try faulty("wrong-version")).deletingLastPathComponent()
        let version = try runLockstep(["plugin", "test", other.appendingPathComponent("wrong-version.py").path])
        #expect(
            version.code == 1 && version.output.contains("FAIL  speaks protocol version 1: it says 2"),
            "\(version.output)")
    }

    @Test("the CMS plugin reads the export beside the workbook: three stale pages, one activity with none")
    func cmsFreshness() throws {
        let workbook = repositoryRoot.appendingPathComponent("examples/plugins/cms-brightlane.yaml").path
        let result = try runLockstep(
            ["check", workbook, "--select", "CMS"], environment: ["XDG_STATE_HOME": try stateFolder()])
        let lines = result.output.split(separator: "\n").filter { $0.contains("[CMS") }.map {
            String($0.split(separator: " ", maxSplits: 1)[1])
        }
        #expect(
            lines == [
                "warning: [CMS001] activity 'security-pack': 1 of its pages not updated since 2025-03-18",
                "warning: [CMS001] activity 'integration-guide': 1 of its pages not updated since 2025-01-27",
                "warning: [CMS001] activity 'customer-story-helio': 1 of its pages not updated since 2024-11-12",
                "info: [CMS002] activity 'benchmark-dashboard' has no page in cms-export.csv",
            ], "\(result.output)\(result.errors)")
        let pages = try runLockstep(["-c", "cms", workbook], environment: ["XDG_STATE_HOME": try stateFolder()])
        let security =
            pages.output.split(separator: "\n").first { $0.hasPrefix("security-pack") }.map(String.init) ?? ""
        #expect(security.contains("2025-03-18") && security.hasSuffix(" 14"), "\(pages.output)")
    }

    @Test("plugin add names the program relative to the workbook, plugin remove takes it out, undo and save keep it")
    func addAndRemove() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lockstep-add-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for name in ["meddicc.py", "lockstep_plugin.py"] {
            try FileManager.default.copyItem(
                atPath: repositoryRoot.appendingPathComponent("examples/plugins/\(name)").path,
                toPath: folder.appendingPathComponent(name).path)
        }
        let workbook = folder.appendingPathComponent("own.yaml").path
        try FileManager.default.copyItem(
            atPath: repositoryRoot.appendingPathComponent("examples/saas/brightlane.yaml").path, toPath: workbook)
        let result = try runLockstep(
            ["-k", "-c", "plugin add \(folder.path)/meddicc.py; plugin remove ./meddicc.py; undo; save", workbook],
            environment: ["XDG_STATE_HOME": try stateFolder()])
        #expect(result.code == 0, "\(result.errors)")
        #expect(result.errors.contains("added ./meddicc.py: MEDDICC qualification"), "\(result.errors)")
        #expect(
            try String(contentsOfFile: workbook, encoding: .utf8).contains(
                "plugins: [leads, stages, marketing, ./meddicc.py]"))
        let unknown = try runLockstep(
            ["-c", "plugin add ./nothing-here.py", workbook], environment: ["XDG_STATE_HOME": try stateFolder()])
        #expect(
            unknown.code == 1 && unknown.errors.contains("plugin './nothing-here.py' cannot be used: "),
            "\(unknown.errors)")
    }

    @Test("a bare name is found in the plugin folders (LOCKSTEP_PLUGIN_PATH); one found nowhere is an unknown plugin")
    func byName() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "lockstep-installed-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for name in ["meddicc.py", "lockstep_plugin.py"] {
            try FileManager.default.copyItem(
                atPath: repositoryRoot.appendingPathComponent("examples/plugins/\(name)").path,
                toPath: folder.appendingPathComponent(name).path)
        }
        let text = try String(
            contentsOfFile: repositoryRoot.appendingPathComponent("examples/saas/brightlane.yaml").path, encoding: .utf8
        )
        .replacingOccurrences(
            of: "plugins: [leads, stages, marketing]", with: "plugins: [leads, stages, marketing, meddicc]")
        let workbook = folder.appendingPathComponent("named.yaml")
        try text.write(to: workbook, atomically: true, encoding: .utf8)
        let found = try runLockstep(
            ["check", workbook.path, "--select", "MED"],
            environment: ["XDG_STATE_HOME": try stateFolder(), "LOCKSTEP_PLUGIN_PATH": folder.path])
        #expect(found.code == 0 && found.output.contains("0 errors, 2 warnings"), "\(found.output)\(found.errors)")
        let flagged = try runLockstep(
            ["check", workbook.path, "--select", "MED", "--plugin-path", folder.path],
            environment: ["XDG_STATE_HOME": try stateFolder()])
        #expect(
            flagged.code == 0 && flagged.output.contains("0 errors, 2 warnings"),
            "--plugin-path: \(flagged.output)\(flagged.errors)")
        let missing = try runLockstep(
            ["check", workbook.path], environment: ["XDG_STATE_HOME": try stateFolder(), "XDG_DATA_HOME": folder.path])
        #expect(missing.code == 2 && missing.errors.contains("[WB003] unknown plugin 'meddicc'"), "\(missing.errors)")
    }
}
