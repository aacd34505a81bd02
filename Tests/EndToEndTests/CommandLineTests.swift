import Foundation
import TestSupport
import Testing

@Suite("The lockstep executable")
struct CommandLineTests {
    @Test("--version and --help work and exit 0")
    func versionAndHelp() throws {
        let version = try runLockstep(["--version"])
        #expect(version.code == 0)
        #expect(version.output == "0.1.0\n")
        let help = try runLockstep(["--help"])
        #expect(help.code == 0)
        #expect(help.output.contains("USAGE: lockstep <subcommand>"))
        #expect(help.output.contains("Exit codes: 0 success, 1 a command or check failed, 2 usage or input error."))
        // Every subcommand is listed, the shell first as the default.
        let listed = help.output.components(separatedBy: "SUBCOMMANDS:").last?.split(separator: "\n")
            .compactMap {
                $0.hasPrefix("  ") && !$0.hasPrefix("   ") ? $0.split(separator: " ").first.map(String.init) : nil
            }
        #expect(listed == ["shell", "check", "diff", "explain", "rules", "tour", "serve", "plugin", "docs", "See"])
        let shell = try runLockstep(["shell", "--help"])
        #expect(
            shell.output.contains(
                "USAGE: lockstep shell [<workbook>] [--command <command>] [--script <script>] [--today <YYYY-MM-DD>]"))
    }

    @Test(
        "each subcommand's --help prints its own help, exit 0",
        arguments: ["check", "diff", "explain", "rules", "tour", "docs"])
    func subcommandHelp(name: String) throws {
        let result = try runLockstep([name, "--help"])
        #expect(result.code == 0)
        #expect(result.output.contains("USAGE: lockstep \(name)"), "\(result.output)")
        #expect(result.errors.isEmpty)
    }

    @Test("explain and rules run once, on the built-in rules or a workbook's")
    func explainAndRules() throws {
        let explain = try runLockstep(["explain", "mk001"])
        #expect(explain.code == 0)
        #expect(explain.output.hasPrefix("MK001 stage-without-content (error by default, plugin marketing)\n"))
        let team = try runLockstep(["explain", "ACME001", exampleWorkbook])
        #expect(team.code == 0 && team.output.hasPrefix("ACME001"))
        let unknown = try runLockstep(["explain", "MK0001"])
        #expect(unknown.code == 2 && unknown.errors.contains("unknown rule 'MK0001' (did you mean 'MK001'?)"))
        let rules = try runLockstep(["rules", exampleWorkbook, "--format", "csv"])
        #expect(rules.code == 0)
        #expect(rules.output.hasPrefix("code,slug,plugin,severity,summary\r\n"))
        #expect(rules.output.contains("MK008,stale-activity,marketing,off,"))
    }

    @Test("an unknown option is a usage error: exit 2")
    func unknownOption() throws {
        let result = try runLockstep(["--colour"])
        #expect(result.code == 2)
        #expect(result.errors.contains("Unknown option '--colour'"))
    }

    @Test("-c runs ';'-separated commands against the workbook")
    func commands() throws {
        let result = try runLockstep(["-c", "set format csv; list needs", exampleWorkbook])
        #expect(result.code == 0)
        #expect(
            result.output
                == "id,name\r\nslow-close,Month-end close takes too long\r\nspreadsheet-risk,Forecasts live in error-prone spreadsheets\r\naudit-readiness,Auditors ask for evidence nobody can find quickly\r\n"
        )
    }

    @Test("commands on a pipe run with no prompt and no escape codes, even with colour-loving settings")
    func pipedInput() throws {
        let result = try runLockstep(
            [exampleWorkbook], input: "list processes\nshow cfo\n", environment: ["TERM": "xterm-256color"])
        #expect(result.code == 0)
        #expect(!result.output.contains("\u{1B}"))
        #expect(!result.output.contains("> "))
        #expect(result.output.hasPrefix("id            name\n"))
    }

    @Test("a script file stops at its first failing line and says which")
    func script() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lockstep-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let script = folder.appendingPathComponent("audit.lks").path
        try "# an audit\nlist needs\nshow nobody\nlist personas\n".write(
            toFile: script, atomically: true, encoding: .utf8)
        let result = try runLockstep(["--script", script, exampleWorkbook])
        #expect(result.code == 1)
        #expect(result.errors.hasPrefix("\(script):3: error: show: no item has the id 'nobody'"))
        #expect(!result.output.contains("Chief Financial Officer"))
        let keepGoing = try runLockstep(["--script", script, "--keep-going", exampleWorkbook])
        #expect(keepGoing.code == 1)
        #expect(keepGoing.output.contains("Chief Financial Officer"))
    }

    @Test("a workbook that does not exist is an input error in batch")
    func missingWorkbook() throws {
        let result = try runLockstep(["-c", "list needs", "/no/such/workbook.yaml"])
        #expect(result.code == 2)
        #expect(
            result.errors
                == "/no/such/workbook.yaml:1:1: error: cannot read the workbook: No such file or directory\n  fix: check the path and the file's permissions\n"
        )
    }
}

@Suite("Lead data from the command line")
struct LeadDataCommandLineTests {
    @Test(
        "lockstep -c \"funnel; sla\" WORKBOOK prints the counts as plain integers, and the bad-row note only on stderr")
    func funnelAndSLA() throws {
        let result = try runLockstep(["-c", "funnel; sla", exampleWorkbook])
        #expect(result.code == 0, "\(result.errors)")
        let funnelRow = result.output.split(separator: "\n").first { $0.hasPrefix("mql ") }.map(String.init) ?? ""
        #expect(funnelRow.split(separator: " ", omittingEmptySubsequences: true).suffix(4) == ["32", "26", "23", "10"])
        let slaRow =
            result.output.split(separator: "\n").first { $0.hasPrefix("mql ") && $0.contains("48h") }.map(String.init)
            ?? ""
        #expect(
            slaRow.split(separator: " ", omittingEmptySubsequences: true) == ["mql", "sales", "48h", "15", "7", "46.7"])
        #expect(result.errors.contains("1 bad row not counted (first at line 43)"))
        // No progress line escapes into a pipe or a log.
        #expect(!result.errors.contains("\r") && !result.errors.contains("loading "))
        #expect(!result.output.contains("bad row"))
    }

    @Test(
        "data load keeps the columns within its memory budget; past it, it says so and each question streams the file")
    func memoryBudget() throws {
        let questions = "data load; funnel; sla --by-owner"
        let kept = try runLockstep(["-c", questions, exampleWorkbook])
        let streamed = try runLockstep(
            ["-c", questions, exampleWorkbook], environment: ["LOCKSTEP_DATA_MEMORY_MB": "0"])
        #expect(kept.code == 0 && streamed.code == 0, "\(streamed.errors)")
        #expect(!kept.errors.contains("budget"), "\(kept.errors)")
        #expect(
            streamed.errors.contains(
                "over the 0 MiB budget (LOCKSTEP_DATA_MEMORY_MB): each question reads it again as a stream instead"),
            "\(streamed.errors)")
        #expect(streamed.output == kept.output && kept.output.contains("Dana Whitfield"))
    }

    @Test("lockstep check reads the export the workbook names, so CI sees LD007 and LD008")
    func checkInCI() throws {
        let result = try runLockstep(["check", exampleWorkbook, "--select", "LD", "--fail-on", "warning"])
        #expect(result.code == 1)
        #expect(result.output.contains("[LD008] 7 of 15 hand-offs at 'mql' (46.7%) missed the 48h first-touch SLA"))
    }
}

@Suite("The guided tour in batch")
struct TourBatchTests {
    /// A state folder of the test's own: a tour left half-way is resumed from it.
    func stateFolder() throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lockstep-tour-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder.path
    }

    func tour(_ commands: String, state: String, arguments: [String] = []) throws -> ProcessResult {
        try runLockstep(["tour", "--keep-going", "-c", commands] + arguments, environment: ["XDG_STATE_HOME": state])
    }

    func steps(_ output: String) -> [String] {
        output.split(separator: "\n").filter { $0.hasPrefix("[tour ") && $0.contains("] ") && !$0.contains("(") }.map {
            String($0.prefix(10))
        }
    }

    @Test("every step passes by its result, done any correct way; a wrong try is told what is still missing")
    func everyStep() throws {
        let state = try stateFolder()
        let lines = [
            "coverage",  // not the step: the stages are asked for
            "list stages",  // another way to see them
            "gaps",
            "activity map onboarding-academy --persona it-security",  // a change, but not the gap's
            "activity add adoption-kit --kind content --stage expansion/adoption-review",  // any way that fills it
            "lead criteria sql budget_confirmed",  // still not building on SAL
            "lead criteria sql sal and budget_confirmed and timeline_months <= 6",
            "lead sla sql --first-touch 36h",  // faster, but not 24h
            "lead sla sql --first-touch 1d",
            "explain MK003",  // a rule, but not the most important finding's
            "explain buying-role-gap",  // the most important now, by its slug
        ].joined(separator: "; ")
        let result = try tour(lines, state: state)
        #expect(
            steps(result.output) == [
                "[tour 1/6]", "[tour 2/6]", "[tour 3/6]", "[tour 4/6]", "[tour 5/6]", "[tour 6/6]",
            ],
            "\(result.output)")
        for missing in [
            "not yet: the sales stages are still to be looked at",
            "not yet: Adoption review still has no buyer-facing activity",
            "not yet: Sales qualified lead's criteria do not yet include Sales accepted lead's",
            "not yet: Sales qualified lead's first touch is still within 36h, not 24h",
            "not yet: the most important finding now is MK002's",
        ] {
            #expect(result.output.contains("[tour] " + missing), "\(missing)")
        }
        #expect(result.output.contains("[tour] That is the tour"))
        // The tour worked on its copy, which kept each step; the shipped example is untouched.
        let copy = try String(contentsOfFile: state + "/lockstep/tour/brightlane.yaml", encoding: .utf8)
        #expect(copy.contains("adoption-kit") && copy.contains("first_touch_within: 1d"))
        let shipped = try String(
            contentsOfFile: repositoryRoot.appendingPathComponent("examples/saas/brightlane.yaml").path, encoding: .utf8
        )
        #expect(!shipped.contains("adoption-kit"))
    }

    @Test("back, repeat, where and hint; tour during a tour says where you are; leaving and coming back resumes")
    func controls() throws {
        let state = try stateFolder()
        let first = try tour(
            "stages; tour; tour hint; tour back; tour repeat; stages; gaps; tour where; tour stop", state: state)
        #expect(
            first.output.contains(
                "[tour 2/6] Find the gaps: see the coverage, or the gaps most important first.   ('tour repeat'"),
            "tour during a tour says where you are: \(first.output)")
        #expect(first.output.contains("[tour] one way: gaps"))
        #expect(
            steps(first.output) == [
                "[tour 1/6]", "[tour 2/6]", "[tour 1/6]", "[tour 1/6]", "[tour 2/6]", "[tour 3/6]",
            ], "\(first.output)")
        #expect(first.output.contains("[tour 3/6] Give Adoption review buyer-facing content"))
        #expect(first.output.contains("[tour] stopped; 'tour' resumes at this step"))
        // A new shell, from anywhere: the tour resumes at step 3 on its copy.
        let again = try tour("tour where", state: state)
        #expect(again.output.contains("Welcome back: the tour resumes at step 3 of 6"), "\(again.output)")
        // tour restart begins again from a fresh copy.
        let restarted = try tour("tour restart", state: state)
        #expect(restarted.output.contains("[tour 1/6]"))
    }

    @Test("the tour on a workbook of one's own works on a copy; the trainer's script names questions and answers")
    func copyAndClass() throws {
        let state = try stateFolder()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lockstep-own-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let own = folder.appendingPathComponent("own.yaml").path
        try FileManager.default.copyItem(
            atPath: repositoryRoot.appendingPathComponent("examples/saas/brightlane.yaml").path, toPath: own)
        let before = try Data(contentsOf: URL(fileURLWithPath: own))
        let result = try tour(
            "stages; gaps; activity add kit --kind content --stage expansion/adoption-review; export report \(folder.path)/class.md",
            state: state, arguments: [own])
        #expect(
            result.output.contains(
                "The tour works on a copy (\(state)/lockstep/tour/own.yaml); \(own) is not changed."),
            "\(result.output)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: own)) == before)
        let report = try String(contentsOfFile: folder.path + "/class.md", encoding: .utf8)
        #expect(
            report.contains(
                "## Fixed during this session\n\n- No marketing content supports the Adoption review stage."),
            "\(report)")
        let script = try runLockstep(["-c", "tour --class"], environment: ["XDG_STATE_HOME": state])
        #expect(script.output.hasPrefix("Facilitator's script: 6 steps."))
        #expect(script.output.contains("Ask: Which gap would cost this company most, and why?"))
        #expect(script.output.contains("Expect: "))
    }

    @Test("the teaching workbook inside the executable is the shipped example (scripts/embed-teaching-workbook.sh)")
    func teachingWorkbook() throws {
        let state = try stateFolder()
        _ = try runLockstep(["tour", "-c", "tour stop"], environment: ["XDG_STATE_HOME": state])
        let copy = try String(contentsOfFile: state + "/lockstep/tour/start.yaml", encoding: .utf8)
        let shipped = try String(
            contentsOfFile: repositoryRoot.appendingPathComponent("examples/saas/brightlane.yaml").path, encoding: .utf8
        )
        #expect(copy == shipped)
    }
}

@Suite("A clock you can pin")
struct PinnedClockTests {
    /// The example waives MK001 at expansion/renewal until 2027-03-31.
    func renewal(_ result: ProcessResult) -> String? {
        result.output.split(separator: "\n").first { $0.contains("[MK001]") && $0.contains("expansion/renewal") }.map(
            String.init)
    }

    @Test("--today and SOURCE_DATE_EPOCH decide whether a waiver still holds, so an old verdict can be replayed")
    func waiverFollowsTheClock() throws {
        let before = try runLockstep(["check", exampleWorkbook, "--today", "2027-03-31"])
        #expect(renewal(before)?.contains("(waived: Renewals follow the customer-success playbook)") == true)
        #expect(before.output.hasSuffix("1 error, 6 warnings, 1 info (1 waived)\n"))
        let after = try runLockstep(["check", exampleWorkbook, "--today", "2027-04-01"])
        #expect(renewal(after).map { !$0.contains("waived") } == true)
        #expect(after.output.contains("[WB004]"), "an expired waiver is itself reported")
        // 2027-04-01 00:00 UTC as seconds since 1970.
        let epoch = try runLockstep(["check", exampleWorkbook], environment: ["SOURCE_DATE_EPOCH": "1806537600"])
        #expect(epoch.output == after.output)
        // The option wins over the environment; the shell's own commands see the same day.
        let shell = try runLockstep(
            ["--today", "2027-03-31", "-c", "check", exampleWorkbook], environment: ["SOURCE_DATE_EPOCH": "1806537600"])
        #expect(renewal(shell)?.contains("waived") == true)
    }

    @Test(
        "a day that cannot be read is a usage error naming the value and the fix",
        arguments: [
            (
                ["--today", "2027-02-30"], [String: String](),
                "error: --today takes a date written YYYY-MM-DD, not '2027-02-30'\n  fix: e.g. --today 2026-06-01\n"
            ),
            (
                [], ["SOURCE_DATE_EPOCH": "yesterday"],
                "error: SOURCE_DATE_EPOCH must be a whole number of seconds since 1970, not 'yesterday'\n  fix: e.g. SOURCE_DATE_EPOCH=$(git log -1 --format=%ct), or unset it\n"
            ),
        ])
    func badDay(options: [String], environment: [String: String], message: String) throws {
        for entry in [["check", exampleWorkbook], ["-c", "check", exampleWorkbook]] {
            let result = try runLockstep(entry + options, environment: environment)
            #expect(result.code == 2)
            #expect(result.errors == message)
        }
    }
}
