import Foundation
import TestSupport
import Testing

/// What an external plugin adds beyond rules and commands (docs/plugins.md): a section of its
/// own that the shell lists, finds, edits and saves like a built-in one; edits asked for by its
/// commands; its validation, report sections and diagram notes; and the variables and timeout
/// the workbook allows it.
@Suite("External plugin sections and calls")
struct PluginSectionEndToEndTests {
    /// A copy of an example of `examples/plugins` with its plugin, in a folder of its own.
    func copy(_ workbook: String, with files: [String]) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "lockstep-sections-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for name in [workbook, "lockstep_plugin.py"] + files {
            try FileManager.default.copyItem(
                at: repositoryRoot.appendingPathComponent("examples/plugins/\(name)"),
                to: folder.appendingPathComponent(name))
        }
        return folder.appendingPathComponent(workbook).path
    }

    func state() throws -> [String: String] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "lockstep-state-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return ["XDG_STATE_HOME": folder.path]
    }

    @Test("the questions section is listed, found, shown and edited; a save changes those lines only, comments kept")
    func section() throws {
        let workbook = try copy("meddicc-brightlane.yaml", with: ["meddicc.py"])
        let before = try String(contentsOfFile: workbook, encoding: .utf8)
        let result = try runLockstep(
            [
                "-c",
                "list questions; find questions where element = \"champion\"; show pain-cost; "
                    + "add question budget \"Who signs, and when?\"; edit question budget element economic-buyer; "
                    + "edit question budget stages negotiation; rename question pain-cost ticket-cost-today; "
                    + "edit question champion-named asked_by \"sales engineer\"; save",
                workbook,
            ], environment: try state())
        #expect(result.code == 0, "\(result.errors)")
        #expect(
            result.output.contains(
                "champion-named  Who in support operations sells for us when we are not in the room?  champion"))
        #expect(result.output.contains("question pain-cost: What do support tickets cost the customer today?\n"))
        #expect(result.output.contains("  names: stage new-business/proposal\n  element: identify-pain\n"))
        #expect(result.errors.contains("renamed question pain-cost to ticket-cost-today"))
        let expected =
            before
            .replacingOccurrences(of: "  - id: pain-cost\n", with: "  - id: ticket-cost-today\n")
            .replacingOccurrences(
                of: "    stages: [proposal, negotiation]\n",
                with: "    stages: [proposal, negotiation]\n    asked_by: sales engineer\n"
                    + "  - id: budget\n    name: Who signs, and when?\n    element: economic-buyer\n"
                    + "    stages: [new-business/negotiation]\n")
        #expect(try String(contentsOfFile: workbook, encoding: .utf8) == expected)
    }

    @Test("a wrong value for a plugin's field is refused by its declared type, naming the field and the choices")
    func typedFields() throws {
        let workbook = try copy("meddicc-brightlane.yaml", with: ["meddicc.py"])
        let choice = try runLockstep(
            ["-c", "edit question pain-cost element pian", workbook], environment: try state())
        #expect(choice.code == 2)
        #expect(choice.errors.contains("edit: element 'pian' is not one of its values"), "\(choice.errors)")
        #expect(choice.errors.contains("fix: element: metrics, economic-buyer, decision-criteria"), "\(choice.errors)")
        let stage = try runLockstep(
            ["-c", "edit question pain-cost stages negotiaton", workbook], environment: try state())
        #expect(stage.code == 2 && stage.errors.contains("unknown stage 'negotiaton'"), "\(stage.errors)")
        let text = try String(contentsOfFile: workbook, encoding: .utf8)
            .replacingOccurrences(of: "    element: identify-pain\n", with: "    element: pain\n")
        try text.write(toFile: workbook, atomically: true, encoding: .utf8)
        let load = try runLockstep(["check", workbook], environment: try state())
        #expect(load.code == 2 && load.errors.contains("meddicc-brightlane.yaml:435:14: error: "), "\(load.errors)")
    }

    @Test("meddicc adopt adds the questions as one step: undone together, made again and saved")
    func adopt() throws {
        let workbook = try copy("meddicc-brightlane.yaml", with: ["meddicc.py"])
        let result = try runLockstep(
            ["-c", "meddicc adopt; undo; meddicc adopt; save; meddicc", workbook], environment: try state())
        #expect(result.code == 0, "\(result.errors)")
        #expect(result.errors.contains("meddicc adopt: 15 changes; added question meddicc-metrics"), "\(result.errors)")
        #expect(result.errors.contains("undid: meddicc adopt (15 changes)"))
        #expect(result.output.contains("new-business/negotiation  question  question        question           exit"))
        let check = try runLockstep(["check", workbook, "--select", "MED"], environment: try state())
        #expect(check.code == 0 && check.output.contains("0 errors, 0 warnings"), "\(check.output)")
    }

    @Test("the plugin's validation places its problem at the field; a plugin that crashes validating is a warning")
    func validation() throws {
        let workbook = try copy("meddicc-brightlane.yaml", with: ["meddicc.py"])
        let text = try String(contentsOfFile: workbook, encoding: .utf8)
            .replacingOccurrences(of: "    stages: [proposal]\n", with: "    stages: [discovery]\n")
        try text.write(toFile: workbook, atomically: true, encoding: .utf8)
        let result = try runLockstep(["check", workbook], environment: try state())
        #expect(result.code == 2)
        #expect(
            result.errors.contains(
                "meddicc-brightlane.yaml:436:13: error: plugin meddicc: stages: question 'pain-cost' is asked at "
                    + "'new-business/discovery', a consideration stage, not a decision stage\n"
                    + "  fix: ask it at a decision stage (MEDDICC qualifies deals before the decision)"),
            "\(result.errors)")
        let crashing = try faulty("crash-at-validate")
        let check = try runLockstep(["check", crashing], environment: try state())
        #expect(check.output.contains("[SP001]"), "the workbook loaded: \(check.output)\(check.errors)")
        #expect(
            check.errors.contains("lockstep: warning: plugin faulty (./crash-at-validate.py) failed at validate: "),
            "\(check.errors)")
        #expect(check.errors.contains("its sections were not validated"))
    }


    @Test("a plugin sees the variables the workbook names and no other; the workbook's timeout is its own")
    func settings() throws {
        let secrets = ["CMS_TOKEN": "t0ken", "AWS_SECRET_ACCESS_KEY": "s3cret"]
        let bare = try runLockstep(
            ["-c", "faulty-env", try faulty("behaves")], environment: try state().merging(secrets) { $1 })
        #expect(bare.code == 0, "\(bare.errors)")
        #expect(!bare.output.contains("CMS_TOKEN") && !bare.output.contains("AWS_SECRET"), "\(bare.output)")
        let allowed = try faulty(
            "behaves", settings: "plugin_settings:\n  ./behaves.py:\n    environment: [CMS_TOKEN]\n")
        let shown = try runLockstep(["-c", "faulty-env", allowed], environment: try state().merging(secrets) { $1 })
        #expect(shown.output.contains("CMS_TOKEN") && !shown.output.contains("AWS_SECRET"), "\(shown.output)")
        let started = Date()
        let hang = try faulty("hang-at-check", settings: "plugin_settings:\n  ./hang-at-check.py: { timeout: 1 }\n")
        let check = try runLockstep(["check", hang], environment: try state())
        #expect(check.code == 2 && check.output.contains("it did not finish answering within 1 s"), "\(check.output)")
        #expect(Date().timeIntervalSince(started) < 15)
        let wrong = try faulty("behaves", settings: "plugin_settings:\n  stages: { timeout: 1 }\n")
        let refused = try runLockstep(["check", wrong], environment: try state())
        #expect(
            refused.code == 2
                && refused.errors.contains("workbook.yaml:4:3: error: a plugin in plugin_settings is 'stages'"),
            "\(refused.errors)")
    }

    @Test("an edit the core refuses changes nothing, and the plugin is named")
    func refusedEdit() throws {
        let workbook = try faulty("behaves")
        let result = try runLockstep(["-k", "-c", "faulty-edit; list processes", workbook], environment: try state())
        #expect(
            result.errors.contains(
                "plugin faulty asked for an edit that was refused: edit: process has no field 'colour'"),
            "\(result.errors)")
        #expect(result.output.contains("nb") && !result.output.contains("New business"), "\(result.output)")
    }

    @Test("the plugins' sections reach the client report in Markdown and HTML, their notes the diagram")
    func reportAndDiagram() throws {
        let cms = try copy("cms-brightlane.yaml", with: ["cms_freshness.py", "cms-export.csv"])
        let folder = URL(fileURLWithPath: cms).deletingLastPathComponent()
        let result = try runLockstep(
            ["-c", "export report report.md; export report report.html; export diagram flow.dot", cms], in: folder.path,
            environment: try state())
        #expect(result.code == 0, "\(result.errors)")
        let markdown = try String(contentsOf: folder.appendingPathComponent("report.md"), encoding: .utf8)
        #expect(
            markdown.contains(
                "## Content freshness\n\n3 pages of the content sellers send have not changed in 12 months"))
        #expect(
            markdown.contains(
                "| Security and compliance pack (SOC 2, DPA) | Security and compliance pack | 2025-03-18 |"))
        let html = try String(contentsOf: folder.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(html.contains("Content freshness</h2>"))
        let dot = try String(contentsOf: folder.appendingPathComponent("flow.dot"), encoding: .utf8)
        #expect(
            dot.contains(
                "Proposal\\n65% to win\\n3 activities\\n1 buying role without content\\n2 stale pages in the CMS"))
        let meddicc = try copy("meddicc-brightlane.yaml", with: ["meddicc.py"])
        let md = try runLockstep(
            ["-c", "export report meddicc.md", meddicc],
            in: URL(fileURLWithPath: meddicc).deletingLastPathComponent().path, environment: try state())
        #expect(md.code == 0, "\(md.errors)")
        let text = try String(
            contentsOf: URL(fileURLWithPath: meddicc).deletingLastPathComponent().appendingPathComponent("meddicc.md"),
            encoding: .utf8)
        #expect(
            text.contains(
                "| Proposal | exit criterion | exit criterion | not covered | not covered | question | question |"))
    }

    @Test(
        "the plugin's rules come out in every check format",
        arguments: ["text", "json", "sarif", "junit", "markdown", "github"])
    func formats(format: String) throws {
        let workbook = repositoryRoot.appendingPathComponent("examples/plugins/meddicc-brightlane.yaml").path
        let result = try runLockstep(["check", workbook, "--format", format], environment: try state())
        #expect(result.code == 1, "\(result.errors)")
        #expect(result.output.contains("MED001"), "\(format): \(result.output)")
        let schema = ["sarif": "sarif-2.1.0.json", "junit": "junit-10.xsd"][format]
        guard let schema else { return }
        // The plugin's rule is described in the SARIF tool's rules like any built-in one, and both
        // reports stay valid against their published schemas.
        if format == "sarif" {
            #expect(
                result.output.contains("\"id\": \"MED001\",\n              \"name\": \"meddicc-gap\""),
                "\(result.output)")
        }
        let report = FileManager.default.temporaryDirectory.appendingPathComponent(
            "lockstep-\(UUID().uuidString).\(format)")
        try result.output.write(to: report, atomically: true, encoding: .utf8)
        let validation = try runProgram(
            "python3",
            [
                repositoryRoot.appendingPathComponent("Tests/Support/validate_report.py").path, format, report.path,
                repositoryRoot.appendingPathComponent("Tests/Support/schemas/\(schema)").path,
            ])
        #expect(validation.code == 0, "\(validation.errors)")
    }

    @Test("a team rule applies to the plugin's kind and its typed fields")
    func teamRule() throws {
        let workbook = try copy("meddicc-brightlane.yaml", with: ["meddicc.py"])
        let rule =
            "checks:\n  rules:\n    - id: FIRM001\n      applies_to: question\n      require: asked_by is not empty\n"
            + "      severity: warning\n      message: Every qualification question names who asks it\n"
        let text = try String(contentsOfFile: workbook, encoding: .utf8).replacingOccurrences(
            of: "checks:\n", with: rule)
        try text.write(toFile: workbook, atomically: true, encoding: .utf8)
        let result = try runLockstep(["check", workbook, "--select", "FIRM"], environment: try state())
        #expect(
            result.output.contains(
                "warning: [FIRM001] Every qualification question names who asks it (question 'champion-named')"),
            "\(result.output)\(result.errors)")
        #expect(result.output.contains("0 errors, 1 warning"), "pain-cost names who asks it: \(result.output)")
    }

    @Test("help lists the plugin's commands and shows each one's arguments, options and examples")
    func help() throws {
        let workbook = repositoryRoot.appendingPathComponent("examples/plugins/meddicc-brightlane.yaml").path
        let result = try runLockstep(["-c", "help; help meddicc", workbook], environment: try state())
        #expect(result.code == 0, "\(result.errors)")
        #expect(result.output.contains("meddicc adopt"), "\(result.output)")
        #expect(result.output.contains("usage: meddicc [--missing]\n"))
        #expect(result.output.contains("  --missing  only the stages that leave an element out\n"))
    }

    @Test(
        "the plugin's own tour step is judged by the plugin; the tour's copy still finds a plugin named by a relative path"
    )
    func tourStep() throws {
        let workbook = try copy("meddicc-brightlane.yaml", with: ["meddicc.py"])
        let state = try self.state()
        let steps =
            "stages; gaps; activity add adoption-kit --kind content --stage expansion/adoption-review; tour; "
            + "meddicc adopt new-business/proposal; meddicc adopt"
        let result = try runLockstep(["tour", "--keep-going", "-c", steps, workbook], environment: state)
        #expect(result.code == 0, "\(result.errors)")
        #expect(
            result.output.contains("A deal is not ready to forecast until the seller knows six things"),
            "\(result.output)")
        #expect(
            result.output.contains("[tour] not yet: Negotiation still covers no Metrics, Economic buyer"),
            "\(result.output)")
        #expect(result.output.contains("[tour 5/7]"), "the step after it follows once every decision stage is covered")
        let original = try String(contentsOfFile: workbook, encoding: .utf8)
        #expect(
            original.contains("plugins: [leads, stages, marketing, ./meddicc.py]")
                && !original.contains("meddicc-metrics"))
    }

    @Test("lockstep diff reports the MEDDICC elements a change covered, from the plugin's coverage")
    func diffCoverage() throws {
        let before = try copy("meddicc-brightlane.yaml", with: ["meddicc.py"])
        let after = URL(fileURLWithPath: before).deletingLastPathComponent().appendingPathComponent("after.yaml").path
        try FileManager.default.copyItem(atPath: before, toPath: after)
        let adopt = try runLockstep(["-c", "meddicc adopt; save", after], environment: try state())
        #expect(adopt.code == 0, "\(adopt.errors)")
        let diff = try runLockstep(["diff", before, after], environment: try state())
        #expect(diff.output.contains("Decision criteria"), "\(diff.output)\(diff.errors)")
    }
}
