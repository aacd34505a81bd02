import Foundation
import Testing
import TestSupport

/// The lead definitions measured on real CRM exports from ../shared/data, with counts worked
/// out by hand (a spreadsheet or a few lines of Python over the same files).
@Suite("Real CRM exports")
struct RealCRMDataTests {
    @Test("x-education: the 338 rows wrapped in quotes are reported by line and the other 8,902 load",
          .requiresShared("data/x-education/lead-scoring.csv"))
    func xEducation() throws {
        let path = try workbookFolder(
            RealExports.xEducation(source: "file: \(sharedData.path)/x-education/lead-scoring.csv"))
        let result = runSession(["data", "set format csv", "data problems", "funnel"], workbook: path, allowDataOutside: true)
        #expect(result.code == 0, "\(result.errors)")
        let output = result.output.replacingOccurrences(of: "\r\n", with: "\n")  // csv rows end in CRLF
        #expect(output.contains("loaded 8902 leads"))
        #expect(output.contains("338 bad rows not loaded (lines 24, 78, 175, "))
        #expect(output.contains("the whole row is one quoted field (1 field where the header has 37)"))
        #expect(output.contains("24,the whole row is one quoted field"))
        #expect(output.contains("inquiry,inquiry,8902\n"))
        #expect(output.contains("mql,mql,168\n"))
        #expect(output.contains("converted,converted,163\n"))
    }

    @Test("olist: MQLs joined with closed deals on mql_id, day-first dates, first contact to won",
          .requiresShared("data/olist-funnel/olist_marketing_qualified_leads_dataset.csv",
                          "data/olist-funnel/olist_closed_deals_dataset.csv"))
    func olist() throws {
        let folder = sharedData.appendingPathComponent("olist-funnel").path
        let path = try workbookFolder("""
            lockstep: 1
            plugins: [leads]
            leads:
              fields: { first_contact_date: date, won_date: date, origin: string }
              stages:
                - { id: mql, owner: marketing }
                - { id: won, owner: sales, criteria: mql and won_date is not empty }
                - { id: won-fast, owner: sales, criteria: won and won_date - first_contact_date <= 30d }
              data:
                file: \(folder)/olist_marketing_qualified_leads_dataset.csv
                join: { file: \(folder)/olist_closed_deals_dataset.csv, on: mql_id }
                date_format: DD-MM-YYYY
            """)
        let result = runSession(["data", "set format csv", "funnel"], workbook: path, allowDataOutside: true)
        #expect(result.code == 0, "\(result.errors)")
        let output = result.output.replacingOccurrences(of: "\r\n", with: "\n")  // csv rows end in CRLF
        #expect(output.contains("loaded 8000 leads"))
        #expect(output.contains("842 joined with"))
        #expect(!output.contains("bad row"))
        #expect(output.contains("mql,mql,8000\n"))
        #expect(output.contains("won,won,842\n"))
        #expect(output.contains("won-fast,won-fast,547\n"))
    }

    @Test("maven: deal stages beside the definitions, and the engage-to-close SLA per sales agent",
          .requiresShared("data/maven-crm/sales_pipeline.csv"))
    func maven() throws {
        let path = try workbookFolder(
            RealExports.maven(source: "file: \(sharedData.path)/maven-crm/sales_pipeline.csv"))
        let result = runSession(["set format csv", "funnel", "sla", "sla --by-owner"], workbook: path, allowDataOutside: true)
        #expect(result.code == 0, "\(result.errors)")
        let output = result.output.replacingOccurrences(of: "\r\n", with: "\n")  // csv rows end in CRLF
        #expect(output.contains("prospecting,prospecting,8800,500,0,0\n"))
        #expect(output.contains("engaging,engaging,8300,1589,0,0\n"))
        #expect(output.contains("won,won,4238,4238,0,0\n"))
        #expect(output.contains("engaging,sales,90d,8300,2947,35.5\n"))
        // The agent with the most breaches comes first.
        #expect(output.contains("stage,owner,handed off,breaches,breach %\nengaging,Darcel Schlecht,636,182,28.6\n"))
    }

    @Test("olist: the funnel by lead source, traced to the activity that names its source (counted with Python over the export)",
          .requiresShared("data/olist-funnel/olist_marketing_qualified_leads_dataset.csv",
                          "data/olist-funnel/olist_closed_deals_dataset.csv"))
    func olistBySource() throws {
        let workbook = repositoryRoot.appendingPathComponent("examples/olist/olist.yaml").path
        let result = runSession(["set format csv", "funnel --by origin"], workbook: workbook, allowDataOutside: true)
        #expect(result.code == 0, "\(result.errors)")
        let lines = result.output.split(separator: "\r\n").map(String.init)
        #expect(lines.first == "origin,activities,mql,won")
        #expect(lines.dropFirst().first == "organic_search,,2296,271")
        #expect(lines.contains("paid_search,landing-pages,1586,195"))
        #expect(lines.contains("(empty),,60,14"))
    }
}
