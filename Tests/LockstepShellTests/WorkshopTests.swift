import Foundation
import LockstepCore
import Testing

@testable import LockstepShell

/// A workshop that builds a client's whole model from the shell, never touching the YAML, and
/// the commands that make it possible: `add`, `edit`, `rename`, `remove` on every kind.
@Suite("Building the whole model in the shell")
struct WorkshopTests {
    /// From the waterfall template to a complete workbook: strategy, needs, personas, team, lead
    /// fields and criteria, two processes, activities and a feedback loop.
    static let workshop = [
        "new client.yaml --name \"Nordlicht Finance\" --template waterfall",
        "edit strategy innovation \"client business impact\"", "edit strategy value \"total solution\"",
        "edit strategy brand advisors", "edit strategy sales_role \"trusted specialists\"",
        "add need slow-close \"Month-end close takes too long\"",
        "add need audit-evidence \"Auditors ask for evidence nobody can find\"",
        "add persona cfo \"Chief Financial Officer\"", "edit persona cfo role economic-buyer",
        "edit persona cfo needs slow-close,audit-evidence",
        "add persona it-lead \"IT lead\"", "edit persona it-lead role technical-buyer",
        "edit team sales_reps 8", "edit team lead_gen_reps 2",
        "add lead-field employees", "edit lead-field employees type number",
        "lead criteria mql score >= 50 and employees >= 100", "lead criteria sal mql",
        "lead criteria sql sal and score >= 70",
        "lead sla sal --to sales --accept 24h --first-touch 48h",
        "lead sla sql --to sales --accept 24h --first-touch 48h",
        "stage add new-business/discovery --name Discovery --phase consideration --probability 20 --owner account-executive --exit \"Pain confirmed\"",
        "stage move new-business/discovery --before new-business/opportunity",
        "stage edit new-business/opportunity --owner account-executive --exit \"Proposal accepted\"",
        "edit lead-stage sql enters discovery",
        "process add renewal --name Renewal --kind customer",
        "stage add renewal/review --name \"Renewal review\" --phase retention --probability 70 --owner account-manager --exit \"Renewal signed\"",
        "activity add close-benchmark --name \"Close benchmark\" --kind content --stage discovery --persona cfo --need slow-close "
            + "--kpi \"Benchmark downloads that become MQLs\" --owner content-marketing --reviewed today",
        "activity add security-brief --name \"Security brief\" --kind content --stage opportunity --persona it-lead --persona cfo "
            + "--need audit-evidence --kpi \"Security reviews passed first time\" --owner product-marketing --reviewed today",
        "activity add renewal-pack --name \"Renewal review pack\" --kind content --stage review --persona cfo --need slow-close "
            + "--kpi \"Renewals signed on time\" --owner customer-success --reviewed today",
        "add feedback win-loss \"Win/loss review\"", "edit feedback win-loss cadence monthly",
        "edit feedback win-loss owner product-marketing",
    ]

    @Test(
        "a workshop from the waterfall template to a complete workbook: check finds no error, the file reloads identically"
    )
    func wholeWorkshop() throws {
        let folder = try temporaryFolder()
        let lines = Self.workshop.map {
            $0.replacingOccurrences(of: "new client.yaml", with: "new \(folder.path)/client.yaml")
        }
        let built = runSession(lines + ["check", "save"])
        #expect(built.code == 0, "\(built.errors)")
        #expect(built.output.contains("0 errors"), "\(built.output)")
        let path = folder.appendingPathComponent("client.yaml").path
        let saved = try String(contentsOfFile: path, encoding: .utf8)
        for expected in [
            "innovation: client business impact", "role: economic-buyer", "needs: [slow-close, audit-evidence]",
            "lead_gen_reps: 2", "employees: number", "enters: new-business/discovery", "cadence: monthly",
            "personas: [it-lead, cfo]",
        ] {
            #expect(saved.contains(expected), "\(expected)")
        }
        // Opened again and saved with no change, the file is the same, byte for byte.
        let reopened = runSession(["save --force"], workbook: path)
        #expect(reopened.code == 0, "\(reopened.errors)")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == saved)
        // Every step was one undoable change.
        let undone = runSession(Array(lines.prefix(3)) + ["undo", "undo", "show strategy"])
        #expect(!undone.output.contains("client business impact"))
    }

    @Test("edit reads each field as its type says, with the value and the fix when it is not one")
    func editErrors() {
        let cases: [(String, String)] = [
            (
                "edit persona cfo role economic-buyr",
                "edit: role 'economic-buyr' is not one of its values (did you mean 'economic-buyer'?)"
            ),
            ("edit persona cfo rol economic-buyer", "edit: persona has no field 'rol' (did you mean 'role'?)"),
            ("edit persona cfo needs slow-close,nope", "unknown need 'nope'"),
            ("edit team sales_reps many", "edit team: sales_reps takes a whole number from 0 to 1000000, not 'many'"),
            (
                "edit activity close-webinar reviewed 2026-02-30",
                "edit: reviewed takes a date written YYYY-MM-DD (or today), not '2026-02-30'"
            ),
            (
                "edit activity close-webinar kind webnar",
                "edit: kind 'webnar' is not one of the usual values (did you mean 'webinar'?)"
            ),
            ("edit activity close-webinar enablement nobody", "unknown activity 'nobody'"),
            ("add persona cfo", "there is already a persona 'cfo'"),
            ("add personna x", "add: unknown kind 'personna' (did you mean 'personas'?)"),
            ("remove need slow-close", "need 'slow-close' is named by"),
        ]
        for (line, message) in cases {
            let result = runSession([line], workbook: exampleWorkbook)
            #expect(result.code != 0, "\(line)")
            #expect(result.errors.contains(message), "\(line): \(result.errors)")
        }
        let open = runSession(
            ["edit activity close-webinar kind podcast", "show close-webinar"], workbook: exampleWorkbook)
        #expect(open.code == 0 && open.output.contains("kind: podcast"), "a word of the team's own is taken")
    }

    @Test("strategy set and team set do what edit strategy and edit team do, with the same checks")
    func strategyAndTeamSet() throws {
        let path = try copyOfExample()
        let result = runSession(["strategy set segments \"mid-market finance, enterprise controllers\"", "team set sale enterprise",
                                 "team set sales_reps many", "save"], workbook: path, keepGoing: true)
        #expect(result.errors.contains("team set: sales_reps takes a whole number from 0 to 1000000, not 'many'"))
        let saved = try String(contentsOfFile: path, encoding: .utf8)
        #expect(saved.contains("segments: [mid-market finance, enterprise controllers]"), "\(saved)")
        #expect(saved.contains("sale: enterprise"))
    }

    @Test("rename rewrites every reference; remove --force takes the item off the items that name it")
    func renameAndRemove() throws {
        let path = try copyOfExample()
        let result = runSession(
            [
                "rename persona fp-analyst planning-analyst", "rename need slow-close close-speed",
                "remove persona it-architect --force", "rename activity close-webinar three-day-close", "save",
            ],
            workbook: path)
        #expect(result.code == 0, "\(result.errors)")
        #expect(result.errors.contains("renamed persona fp-analyst to planning-analyst; updated"))
        let saved = try String(contentsOfFile: path, encoding: .utf8)
        #expect(!saved.contains("fp-analyst") && saved.contains("planning-analyst"))
        #expect(!saved.contains("slow-close") && saved.contains("close-speed"))
        #expect(!saved.contains("it-architect"))
        #expect(saved.contains("id: three-day-close"))
        let reloaded = runSession(["check"], workbook: path)
        #expect(!reloaded.errors.contains("WB001"), "no reference is left dangling: \(reloaded.errors)")
    }

    @Test("a list option given twice adds up; any other option given twice is an error")
    func repeatedOptions() {
        let mapped = runSession(
            ["activity map close-webinar --stage proposal --stage negotiation", "show close-webinar"],
            workbook: exampleWorkbook)
        #expect(
            mapped.output.contains("stages: discovery, new-business/proposal, new-business/negotiation"),
            "\(mapped.output)")
        let twice = runSession(["activity edit close-webinar --kpi a --kpi b"], workbook: exampleWorkbook)
        #expect(twice.errors.contains("activity edit: --kpi is given twice ('a' and 'b')"))
    }
}

/// One id resolver: a bare id and its full form are the same thing in every command.
@Suite("One meaning for every id")
struct IDResolutionTests {
    @Test(
        "find: a bare stage id and its full form find the same activities",
        arguments: [
            (
                "find activities where stages contains \"discovery\"",
                "find activities where stages contains \"new-business/discovery\""
            ),
            (
                "find activities where stages contains \"proposal\"",
                "find activities where stages contains \"new-business/proposal\""
            ),
            (
                "find lead-stages where enters = \"opportunity\"",
                "find lead-stages where enters = \"new-business/opportunity\""
            ),
        ])
    func find(bare: String, full: String) {
        let short = runSession([bare], workbook: exampleWorkbook), long = runSession([full], workbook: exampleWorkbook)
        #expect(short.code == 0 && long.code == 0, "\(short.errors)\(long.errors)")
        #expect(short.output == long.output)
    }

    @Test("waive: a bare target waives the finding on the full one, at once and after a save")
    func waiveBare() throws {
        let path = try copyOfExample()
        let result = runSession(
            ["waive MK001 onboarding --reason \"Onboarding is led by customer success\"", "check", "save"],
            workbook: path)
        #expect(
            result.output.contains("[MK001] no buyer-facing activity supports stage 'expansion/onboarding' (waived: "),
            "\(result.output)")
        #expect(!result.output.contains("WB004"))
        #expect(try String(contentsOfFile: path, encoding: .utf8).contains("target: expansion/onboarding"))
        // A waiver written by hand with the bare id matches too.
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        var text = try String(contentsOfFile: path, encoding: .utf8)
        text = text.replacingOccurrences(of: "target: expansion/onboarding", with: "target: onboarding")
        try text.write(to: folder.appendingPathComponent("acme.yaml"), atomically: true, encoding: .utf8)
        let reloaded = runSession(["check"], workbook: path)
        #expect(reloaded.output.contains("'expansion/onboarding' (waived: "), "\(reloaded.output)")
    }

    @Test(
        "waive refuses an unknown target, a second waiver of the same finding and an expiry in the past",
        arguments: [
            ("waive MK001 nowhere --reason x", "waive: 'nowhere' is neither an item nor a target of MK001"),
            ("waive MK001 expansion/renewal --reason again", "MK001 is already waived on expansion/renewal"),
            ("waive MK001 renewal --reason again", "MK001 is already waived on expansion/renewal"),
            (
                "waive MK001 onboarding --reason x --until 2020-01-01",
                "waive: --until 2020-01-01 is in the past (today is 2026-06-01)"
            ),
        ])
    func waiveRefusals(line: String, message: String) {
        let result = runSession([line], workbook: exampleWorkbook)
        #expect(result.code != 0)
        #expect(result.errors.contains(message), "\(result.errors)")
    }

    @Test(
        "the commands that take an id take the bare form and the full form alike",
        arguments: [
            "activity map close-webinar --stage NEGOTIATION", "show NEGOTIATION",
            "stage edit NEGOTIATION --owner account-executive",
            "edit lead-stage sql enters NEGOTIATION",
            "waive MK002 NEGOTIATION/it-architect --reason \"Architects join later\"",
        ])
    func bareAndFull(template: String) {
        let bare = runSession(
            [template.replacingOccurrences(of: "NEGOTIATION", with: "negotiation")], workbook: exampleWorkbook)
        let full = runSession(
            [template.replacingOccurrences(of: "NEGOTIATION", with: "new-business/negotiation")],
            workbook: exampleWorkbook)
        #expect(bare.code == 0 && full.code == 0, "\(bare.errors)\(full.errors)")
        #expect(bare.output == full.output && bare.errors == full.errors)
    }

    @Test("a finding on an item not saved yet says so; once saved, it has its line")
    func unsavedPlaces() throws {
        let path = try copyOfExample()
        let result = runSession(
            ["activity add bare-one --name Bare", "check", "save", "check"], workbook: path, keepGoing: true)
        let lines = result.output.split(separator: "\n").filter { $0.contains("[MK009] activity 'bare-one'") }
        #expect(lines.count == 2)
        #expect(lines.first?.hasPrefix("\(path) (not saved yet): info:") == true, "\(lines)")
        #expect(lines.last.map { $0.hasPrefix("\(path):") && !$0.contains(":1:1:") } == true, "\(lines)")
    }
}
