import Foundation
import Testing
import TestSupport

/// The lead definitions measured on a small export whose answers can be counted by eye.
@Suite("Lead definitions on CRM data")
struct LeadDataTests {
    /// Six leads: a, b, c meet the MQL criteria (score ≥ 50 in the US); a and b have budget.
    /// Handed over: a (touched after 2h), b (after 3 days: a breach), c (never: a breach, ignored).
    static let export = """
        Email,Score,Country,Budget,MQL date,First touch,Stage,Owner
        a@x.com,80,US,yes,2026-05-01 09:00,2026-05-01 11:00,salesqualifiedlead,Ann
        b@x.com,70,US,yes,2026-05-01 09:00,2026-05-04 09:00,marketingqualifiedlead,Bo
        c@x.com,55,US,no,2026-05-02,,marketingqualifiedlead,Bo
        d@x.com,90,DE,yes,,,marketingqualifiedlead,Ann
        e@x.com,20,US,no,,,lead,Ann
        f@x.com,,US,no,,,lead,

        """

    static let workbook = """
        lockstep: 1
        plugins: [leads]
        leads:
          fields: { score: number, country: string, budget: bool, mql_at: date, first_touch_at: date }
          stages:
            - { id: inquiry, owner: marketing }
            - id: mql
              owner: marketing
              criteria: score >= 50 and country = "US"
              handoff: { to: sales, accept_within: 24h, first_touch_within: 48h }
            - { id: sql, owner: sales, criteria: mql and budget, rejects_to: nurture }
          recycle:
            - { id: nurture, owner: marketing, returns_to: inquiry }
          data:
            file: export.csv
            preset: hubspot
            columns: { mql_at: MQL date, first_touch_at: First touch }
            entered: { mql: mql_at }
            first_touch: first_touch_at
            stage_column: Stage
            owner: Owner
        """

    func run(_ lines: [String], workbook: String = LeadDataTests.workbook, export: String = LeadDataTests.export) throws -> (SessionResult, String) {
        let path = try workbookFolder(workbook, files: ["export.csv": export])
        let result = runSession(lines, workbook: path)
        return (result, result.output.replacingOccurrences(of: "\r\n", with: "\n"))
    }

    @Test("funnel counts each stage by definition beside the CRM's stage, and where they disagree")
    func funnel() throws {
        let (result, output) = try run(["set format csv", "funnel", "funnel --values"])
        #expect(result.code == 0, "\(result.errors)")
        #expect(output.contains("""
            stage,name,meets criteria (cumulative),CRM stage now,"at it now, not meeting","meeting, CRM has earlier"
            inquiry,inquiry,6,2,0,0
            mql,mql,3,3,1,0
            sql,sql,2,1,0,1

            """))
        #expect(output.contains("CRM stage value,rows\nmarketingqualifiedlead,3\nlead,2\nsalesqualifiedlead,1\n"))
    }

    @Test("sla counts hand-offs and breaches, per owner worst first; ignored counts the untouched")
    func sla() throws {
        let (result, output) = try run(["set format csv", "sla", "sla --by-owner", "ignored"])
        #expect(result.code == 0, "\(result.errors)")
        #expect(output.contains("stage,to,first touch within,handed off,breaches,breach %\nmql,sales,48h,3,2,66.7\n"))
        #expect(output.contains("stage,owner,handed off,breaches,breach %\nmql,Bo,2,2,100\nmql,Ann,1,0,0\n"))
        #expect(output.contains("stage,handed off,no sales touch,ignored %\nmql,3,1,33.3\n"))
    }

    @Test("check reports LD007 and LD008 on the export the workbook names, against its thresholds")
    func dataChecks() throws {
        let (result, output) = try run(["check"])
        #expect(result.code == 0)
        #expect(output.contains("warning: [LD007] 1 of 3 leads handed over at 'mql' (33.3%) have no sales touch; the threshold is 20.0%"))
        #expect(output.contains("warning: [LD008] 2 of 3 hand-offs at 'mql' (66.7%) missed the 48h first-touch SLA; the threshold is 10.0%"))
        let relaxed = Self.workbook + "\nchecks:\n  thresholds: { LD007: 50%, LD008: 70% }\n"
        let (_, quiet) = try run(["check"], workbook: relaxed)
        #expect(!quiet.contains("LD007") && !quiet.contains("LD008"))
    }

    @Test("redefined criteria are type-checked at once, measured without reloading, and undone")
    func redefine() throws {
        let (bad, _) = try run(["lead criteria mql score >= \"high\""])
        #expect(bad.code == 2)
        #expect(bad.errors.contains("lead criteria:"))
        #expect(bad.errors.contains("^"))
        let (result, output) = try run(["set format csv", "funnel", "lead criteria mql score >= 60 and country = \"US\"", "funnel", "undo", "funnel"])
        #expect(result.code == 0, "\(result.errors)")
        let counts = output.components(separatedBy: "\n").filter { $0.hasPrefix("mql,") }
        #expect(counts == ["mql,mql,3,3,1,0", "mql,mql,2,3,2,0", "mql,mql,3,3,1,0"])
    }

    @Test("a bad row is reported with its line and the fix, and the others are counted")
    func badRow() throws {
        let export = Self.export.replacingOccurrences(of: "e@x.com,20,", with: "e@x.com,twenty,")
        let (result, output) = try run(["data", "set format csv", "funnel"], export: export)
        #expect(result.code == 0)
        #expect(output.contains("loaded 5 leads"))
        #expect(output.contains("1 bad row not loaded (line 6): column 'Score' (field score) holds 'twenty', not a number"))
        #expect(output.contains("inquiry,inquiry,5,"))
    }

    @Test("a mapping to a column the export lacks names the column, suggests the near one, and loads nothing")
    func missingColumn() throws {
        let workbook = Self.workbook.replacingOccurrences(of: "mql_at: MQL date", with: "mql_at: MQL dat")
        let (result, _) = try run(["funnel"], workbook: workbook)
        #expect(result.code == 2)
        #expect(result.errors.contains("field 'mql_at' names column 'MQL dat', which export.csv does not have (did you mean 'MQL date'?)"))
        let (missingFile, _) = try run(["data load nowhere.csv"])
        #expect(missingFile.code == 2)
        #expect(missingFile.errors.contains("cannot read the CRM export nowhere.csv: No such file or directory"))
    }

    @Test("the lifecycle is edited from the shell: a stage added, an SLA set, a recycle path, and saved")
    func editLifecycle() throws {
        let (result, output) = try run(["lead add sal --name \"Sales accepted lead\" --owner sales --after mql",
                                         "lead sla sal --accept 8h", "lead recycle sal nurture", "set format csv", "leads", "save"])
        #expect(result.code == 0, "\(result.errors)")
        #expect(output.contains("sal,Sales accepted lead,sales,,accept within 8h,nurture,\n"))
        let saved = try String(contentsOfFile: result.session.path!, encoding: .utf8)
        #expect(saved.contains("    - id: sal\n      name: Sales accepted lead\n      owner: sales\n      handoff:\n        accept_within: 8h\n      rejects_to: nurture\n"))
    }

    @Test("trace walks a lead into the sales stage it enters, with the content that supports that step; show tells a lead stage's definition")
    func trace() throws {
        let result = runSession(["trace", "show mql"], workbook: exampleWorkbook)
        #expect(result.code == 0, "\(result.errors)")
        #expect(result.output.contains("3. sql — Sales qualified lead, owned by sales  ← ownership changes"))
        #expect(result.output.contains("hands over: to sales, accept within 24h, first touch within 48h"))
        #expect(result.output.contains("if rejected: nurture, which returns leads to inquiry"))
        #expect(result.output.contains("→ enters sales stage new-business/discovery — Discovery"))
        #expect(result.output.contains("content: close-benchmark (content), close-webinar (webinar)"))
        #expect(result.output.contains("  hands over: to sales, accept within 24h, first touch within 48h\n  criteria build on it: sql\n"))
    }
}
