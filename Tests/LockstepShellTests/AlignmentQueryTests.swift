import Testing
import TestSupport

@Suite("Coverage, gaps and show")
struct AlignmentQueryTests {
    @Test("coverage counts buyer-facing activities per stage and persona, enablement excluded")
    func coverage() {
        let result = runSession(["set format csv", "coverage --process new-business"], workbook: exampleWorkbook)
        #expect(result.output == """
            stage,cfo,controller,it-architect,fp-analyst,all\r
            new-business/discovery,1,2,0,1,2\r
            new-business/evaluation,0,0,1,0,1\r
            new-business/proposal,1,0,0,n/a,1\r
            new-business/negotiation,1,0,0,n/a,1\r

            """)
    }

    @Test("coverage by activity kind, and an unknown process gets did-you-mean")
    func coverageByKind() {
        let result = runSession(["set format csv", "coverage --by kind --process expansion", "coverage --process new-busines"],
                                workbook: exampleWorkbook, keepGoing: true)
        #expect(result.output.hasPrefix("stage,case-study,content,tool,webinar,all\r\nexpansion/onboarding,0,0,0,0,0\r\n"))
        #expect(result.errors.contains("unknown process 'new-busines' (did you mean 'new-business'?)"))
    }

    @Test("gaps come by impact: stages with no content first, then decision stages and economic and technical buyers; waived and not-taking-part cells left out")
    func gaps() {
        let result = runSession(["set format csv", "gaps"], workbook: exampleWorkbook)
        let lines = result.output.split(separator: "\r\n").map(String.init)
        #expect(lines[0] == "#,stage,phase,persona,role,gap")
        #expect(lines[1] == "1,expansion/onboarding,retention,(every persona),,no buyer-facing content at this stage")
        #expect(lines[2] == "2,new-business/proposal,decision,it-architect,technical-buyer,no content for this persona here")
        #expect(!lines.contains { $0.contains("expansion/renewal,retention,(every persona)") }, "the renewal gap is waived")
        #expect(!lines.contains { $0.contains("new-business/negotiation,decision,fp-analyst") }, "a user takes no part in negotiation")
        #expect(lines.count == 13)
        #expect(result.errors.contains("1 waived gap left out"))
        #expect(result.errors.contains("4 stage × persona cells left out where the persona takes no part"))
        let cfo = runSession(["set format csv", "gaps --persona cfo"], workbook: exampleWorkbook).output
        #expect(cfo == "#,stage,phase,persona,role,gap\r\n1,new-business/evaluation,consideration,cfo,economic-buyer,no content for this persona here\r\n2,expansion/onboarding,retention,cfo,economic-buyer,no content for this persona here\r\n")
    }

    @Test("a persona's involved_in and not_involved_in override its role's default, by phase or by stage")
    func relevance() throws {
        let path = try copyOfExample()
        let result = runSession(["edit persona fp-analyst involved_in negotiation", "edit persona cfo not_involved_in consideration",
                                 "set format csv", "gaps --all", "coverage --process new-business"], workbook: path)
        #expect(result.code == 0, "\(result.errors)")
        #expect(result.output.contains(",new-business/negotiation,decision,fp-analyst,user,no content for this persona here"))
        #expect(!result.output.contains(",new-business/evaluation,consideration,cfo,"))
        #expect(result.output.contains("new-business/evaluation,n/a,0,1,0,1"))
        let unknown = runSession(["edit persona cfo not_involved_in negotaition"], workbook: path)
        #expect(unknown.errors.contains("not_involved_in takes awareness, consideration, decision, retention, expansion or stages, not 'negotaition' (did you mean 'negotiation'?)"),
                "\(unknown.errors)")
    }

    @Test("show STAGE tells every field, its content, personas reached and not, enablement, the lead stage feeding it and its findings")
    func showStage() {
        let output = runSession(["show discovery"], workbook: exampleWorkbook).output
        #expect(output == """
            stage new-business/discovery: Discovery
              defined at \(exampleWorkbook):84:9
              named by: lead-stage sql, activity close-benchmark, activity close-webinar
              fed by lead stage: sql (Sales qualified lead)
              process: new-business (New business)
              phase: consideration, win probability: 20%
              owner: account-executive
              exit criteria: Pain confirmed; Budget owner identified
              content: close-benchmark (content), close-webinar (webinar)
              personas reached: cfo, controller, fp-analyst
              personas not reached: it-architect
              enablement behind it: benchmark-talk-track
              findings: none

            """)
        let flagged = runSession(["show proposal"], workbook: exampleWorkbook).output
        #expect(flagged.hasSuffix("  findings:\n    warning [MK002] at decision stage 'new-business/proposal', no activity addresses "
                                  + "technical-buyer 'it-architect'\n"), "\(flagged)")
    }

    @Test("show PROCESS lists its stages in order, the hand-offs into it and what the rules find in it")
    func showProcess() {
        let output = runSession(["show new-business"], workbook: exampleWorkbook).output
        #expect(output.contains("  stages:\n    1. new-business/discovery — Discovery (consideration, 20%, owner account-executive)\n"))
        #expect(output.contains("    4. new-business/negotiation — Negotiation (decision, 80%, owner account-executive)\n"))
        #expect(output.contains("  hand-offs in: sql (Sales qualified lead) → new-business/discovery\n"))
        #expect(output.contains("    warning [MK002] at decision stage 'new-business/negotiation'"))
    }

    @Test("trace goes from first inquiry to the last stage of the process, flagging each step a rule flags")
    func trace() {
        let output = runSession(["trace"], workbook: exampleWorkbook).output
        let steps = output.split(separator: "\n").filter { !$0.hasPrefix(" ") }.map(String.init)
        #expect(steps == ["1. inquiry — Inquiry, owned by marketing", "2. mql — Marketing qualified lead, owned by marketing",
                          "3. sql — Sales qualified lead, owned by sales  ← ownership changes",
                          "→ enters sales stage new-business/discovery — Discovery", "→ then new-business/evaluation — Technical evaluation",
                          "→ then new-business/proposal — Proposal", "→ then new-business/negotiation — Negotiation"])
        #expect(output.contains("     ⚑ warning [LD008] 7 of 15 hand-offs at 'mql' (46.7%) missed the 48h first-touch SLA"))
        #expect(output.contains("     ⚑ warning [MK002] at decision stage 'new-business/negotiation'"))
    }

    @Test("check lists findings as FILE:LINE:COL: SEVERITY: [CODE] message and fails on an unwaived error")
    func check() {
        let result = runSession(["check"], workbook: exampleWorkbook)
        #expect(result.code == 1)
        #expect(result.output.contains("\(exampleWorkbook):112:9: error: [MK001] no buyer-facing activity supports stage 'expansion/onboarding'\n"))
        #expect(result.output.contains("[MK001] no buyer-facing activity supports stage 'expansion/renewal' (waived: Renewals follow the customer-success playbook)"))
        #expect(!result.output.contains("MK008"))
        #expect(result.output.hasSuffix("1 error, 6 warnings, 1 info (1 waived)\n"))
    }
}
