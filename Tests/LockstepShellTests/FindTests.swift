import Testing
import TestSupport

@Suite("find KIND where …")
struct FindTests {
    @Test("find filters any kind of item with the expression language, showing the fields it reads", arguments: [
        ("find activities where kind = \"webinar\" and kpi is empty", "id,name,kind,kpi\r\nclose-webinar,Webinar: a three-day close,webinar,\r\n"),
        ("find stages where phase = \"decision\" and probability < 70", "id,name,phase,probability\r\nnew-business/proposal,Proposal,decision,60\r\n"),
        ("find activities where stages is empty", "id,name,stages\r\nroi-training,ROI review training for account executives,\r\nbenchmark-talk-track,Benchmark follow-up talk track,\r\n"),
        ("find personas where role in [\"economic-buyer\", \"technical-buyer\"]", "id,name,role\r\ncfo,Chief Financial Officer,economic-buyer\r\nit-architect,IT architect,technical-buyer\r\n"),
        ("find activities where personas contains \"cfo\" and reviewed < 2026-01-01", "id,name,personas,reviewed\r\ncustomer-story-nordic,Case study: Nordic Retail's audit in two weeks,cfo,2025-09-30\r\n"),
        ("find lead-stages where accept_within <= 24h", "id,name,accept_within\r\nmql,Marketing qualified lead,24h\r\n"),
        ("find needs", "id,name\r\nslow-close,Month-end close takes too long\r\nspreadsheet-risk,Forecasts live in error-prone spreadsheets\r\naudit-readiness,Auditors ask for evidence nobody can find quickly\r\n"),
    ])
    func finds(command: String, expected: String) {
        let result = runSession(["set format csv", command], workbook: exampleWorkbook)
        #expect(result.errors == "")
        #expect(result.output == expected)
    }

    @Test("a bad condition points at the character and lists the fields there are")
    func badCondition() {
        let result = runSession(["find stages where phse = \"decision\""], workbook: exampleWorkbook)
        #expect(result.code == 2)
        #expect(result.errors == """
            -c:1: error: find: unknown field 'phse' (did you mean 'phase'?)
                phse = "decision"
                ^
              fix: fields of stages: exit, goal, id, name, owner, phase, probability, process

            """)
    }

    @Test("find without 'where', or with nothing after it, says what to write")
    func missingWhere() {
        #expect(runSession(["find stages phase = 1"], workbook: exampleWorkbook).errors
            == "-c:1: error: find: expected 'where' after 'stages', not 'phase'\n  fix: write: find stages where CONDITION\n")
        #expect(runSession(["find stages where"], workbook: exampleWorkbook).errors.contains("expected a condition after 'where'"))
    }
}
