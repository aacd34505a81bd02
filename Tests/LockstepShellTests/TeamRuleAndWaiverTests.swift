import Testing
import TestSupport

@Suite("Team rules and waivers")
struct TeamRuleAndWaiverTests {
    @Test("a team rule reports like a built-in rule, can be turned off, and is listed by rules")
    func teamRule() {
        let result = runSession(["check"], workbook: exampleWorkbook)
        #expect(result.output.contains(":169:5: warning: [ACME001] Every webinar needs a KPI (activity 'close-webinar')"))
        let rules = runSession(["set format csv", "rules"], workbook: exampleWorkbook).output
        #expect(rules.contains("ACME001,acme001,team,warning,Every webinar needs a KPI\r\n"))
    }

    @Test("waivers: an expired one brings the finding back and is itself a finding; one matching nothing is too")
    func waivers() throws {
        let path = try temporaryFolder().appendingPathComponent("waive.yaml").path
        try """
            lockstep: 1
            plugins: [stages, marketing]
            processes:
              - id: nb
                stages: [{ id: a, exit: [x], owner: o }]
            checks:
              waivers:
                - { rule: MK009, target: nothing-here, reason: x }
                - { rule: MK001, target: nb/a, reason: y, until: 2001-01-01 }
                - { rule: SP006, target: strategy, reason: later }

            """.write(toFile: path, atomically: true, encoding: .utf8)
        let output = runSession(["check"], workbook: path).output
        #expect(output.contains("\(path):8:7: warning: [WB004] the waiver of MK009 on 'nothing-here' matches no finding: delete it"))
        #expect(output.contains("\(path):9:7: warning: [WB004] the waiver of MK001 on 'nb/a' expired on 2001-01-01: the finding is back"))
        #expect(output.contains("error: [MK001] no buyer-facing activity supports stage 'nb/a'\n"))
        #expect(output.contains("[SP006] the workbook has no go-to-market strategy (waived: later)"))
    }

    @Test("waive adds a waiver with its reason, undoably; it needs a reason and a known rule")
    func waive() {
        let result = runSession(["waive MK001 expansion/onboarding --reason \"Run by customer success\"", "check", "undo", "check",
                                 "waive MK001 expansion/onboarding", "waive MK0001 x --reason y"],
                                workbook: exampleWorkbook, interactive: true)
        #expect(result.output.contains("0 errors, 6 warnings, 1 info (2 waived)"))
        #expect(result.output.contains("1 error, 6 warnings, 1 info (1 waived)"))
        #expect(result.errors.contains("error: waive: a waiver needs a reason"))
        #expect(result.errors.contains("error: waive: unknown rule 'MK0001' (did you mean 'MK001'?)"))
    }
}
