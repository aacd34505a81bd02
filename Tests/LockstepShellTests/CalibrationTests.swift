import Foundation
import TestSupport
import Testing

/// Stage probabilities measured against an opportunity history, the Maven CRM export among them.
@Suite("Calibrating stage probabilities")
struct CalibrationTests {
    /// Counted by hand from sales_pipeline.csv: 4,238 Won and 2,473 Lost (all with an engage_date),
    /// 500 Prospecting and 1,589 Engaging still open.
    @Test(
        "Maven: 4,238 of 6,711 closed deals won (63.2%, 62.0–64.3%); a 10% and a 60% stage are both flagged",
        .requiresShared("data/maven-crm/sales_pipeline.csv"))
    func maven() throws {
        let path = try workbookFolder(
            """
            lockstep: 1
            plugins: [stages]
            processes:
              - id: new-business
                stages:
                  - { id: prospecting, phase: consideration, probability: 10 }
                  - { id: engaging, phase: decision, probability: 63 }
                  - { id: closing, phase: decision, probability: 60 }
                history:
                  file: \(sharedData.path)/maven-crm/sales_pipeline.csv
                  stage_column: deal_stage
                  stages: { prospecting: Prospecting, engaging: Engaging }
                  reached: { engaging: engage_date, closing: engage_date }
            """)
        let result = runSession(
            ["set format csv", "calibrate", "check"], workbook: path, keepGoing: true, allowDataOutside: true)
        let output = result.output.replacingOccurrences(of: "\r\n", with: "\n")
        #expect(output.contains("prospecting,10%,6711,4238,63.2%,62.0% – 64.3%,too low"), "\(output)")
        #expect(output.contains("engaging,63%,6711,4238,63.2%,62.0% – 64.3%,within"))
        #expect(output.contains("closing,60%,6711,4238,63.2%,62.0% – 64.3%,too low"))
        #expect(result.errors.contains("new-business: 6711 closed deals in"))
        #expect(result.errors.contains("2089 open, not counted"))
        let flagged = output.split(separator: "\n").filter { $0.contains("[SP007]") }
        #expect(flagged.count == 2)
        #expect(
            flagged.first?.contains(
                "stage 'new-business/prospecting' says 10% but 4238 of the 6711 closed deals that reached it were won (63.2%, 95% interval 62–64%)"
            ) == true)
    }

    /// Worked out with a few lines of Python over the same file: of the 2,473 lost deals, 2,459 were
    /// followed by a deal of the same account engaged later (14 only by deals not engaged yet, whose
    /// order cannot be told); of those next deals 1,415 were won and 873 lost (61.8% won), 171 are open.
    @Test(
        "Maven recycling: 2,459 of 2,473 lost deals' customers came back, and 61.8% of those next deals were won",
        .requiresShared("data/maven-crm/sales_pipeline.csv"))
    func mavenRecycling() throws {
        let path = try workbookFolder(
            """
            lockstep: 1
            plugins: [stages]
            processes:
              - id: new-business
                stages: [{ id: prospecting }, { id: engaging }]
                history:
                  file: \(sharedData.path)/maven-crm/sales_pipeline.csv
                  stage_column: deal_stage
                  account: account
                  opened: engage_date
            """)
        let result = runSession(["set format csv", "recycling"], workbook: path, allowDataOutside: true)
        #expect(result.code == 0, "\(result.errors)")
        let output = result.output.replacingOccurrences(of: "\r\n", with: "\n")
        #expect(output.contains("lost deals,2473,\n"), "\(output)")
        #expect(output.contains("… whose customer came back with another deal,2459,99.4%\n"))
        #expect(output.contains("… and that next deal was won,1415,61.8%\n"))
        #expect(output.contains("… lost again,873,38.2%\n"))
        #expect(output.contains("… still open,171,\n"))
        #expect(output.contains("customers who came back three times or more,85,100.0%\n"))
    }

    @Test("too few closed deals are not judged; a history outside the workbook's folder needs the user's yes")
    func fewDeals() throws {
        let folder = try temporaryFolder()
        try "id,stage\n1,Won\n2,Lost\n3,Won\n".write(
            to: folder.appendingPathComponent("deals.csv"), atomically: true, encoding: .utf8)
        let workbook = """
            lockstep: 1
            plugins: [stages]
            processes:
              - id: nb
                stages: [{ id: qualify, probability: 90 }]
                history: { file: deals.csv, stage_column: stage }
            """
        let path = folder.appendingPathComponent("w.yaml").path
        try workbook.write(toFile: path, atomically: true, encoding: .utf8)
        let result = runSession(["set format csv", "calibrate"], workbook: path)
        #expect(
            result.output.contains("qualify,90%,3,2,,,too few closed deals to judge (3; 30 needed)"), "\(result.output)"
        )
        let elsewhere = try workbookFolder(
            workbook.replacingOccurrences(of: "file: deals.csv", with: "file: \(folder.path)/deals.csv"))
        let refused = runSession(["calibrate"], workbook: elsewhere)
        #expect(refused.errors.contains("which lies outside the workbook's folder"))
    }
}
