import Foundation
import Testing
import TestSupport

/// `new --template`: a consultant starts from the stages the client's CRM ships with.
@Suite("Templates for new workbooks")
struct TemplateTests {
    func stages(_ template: String) throws -> (SessionResult, String) {
        let path = try temporaryFolder().appendingPathComponent("client.yaml").path
        let result = runSession(["new \(path) --template \(template) --name Client", "set format csv", "stages", "leads", "save"])
        return (result, result.output.replacingOccurrences(of: "\r\n", with: "\n"))
    }

    @Test("salesforce: the eight default opportunity stages with their probabilities, and the lead statuses")
    func salesforce() throws {
        let (result, output) = try stages("salesforce")
        #expect(result.code == 0, "\(result.errors)")
        let probabilities = output.split(separator: "\n").filter { $0.hasPrefix("new-business,") }.map { $0.split(separator: ",")[4] }
        #expect(probabilities == ["10", "10", "20", "50", "60", "70", "75", "90"])
        #expect(output.contains("new-business,proposal,Proposal/Price Quote,decision,75"))
        #expect(output.contains("working,Working - Contacted,sales,,"))
        // Salesforce's first two stages share 10%: the template keeps the CRM's numbers and SP003 says so.
        let check = runSession(["check"], workbook: result.session.path!)
        #expect(check.output.contains("[SP003]"))
        #expect(check.output.contains("[LD001] lead stage 'working' has no entry criteria"))
    }

    @Test("hubspot: lifecycle stages as lead stages and the default deal pipeline")
    func hubspot() throws {
        let (result, output) = try stages("hubspot")
        #expect(result.code == 0, "\(result.errors)")
        let probabilities = output.split(separator: "\n").filter { $0.hasPrefix("new-business,") }.map { $0.split(separator: ",")[4] }
        #expect(probabilities == ["20", "40", "60", "80", "90"])
        let leadStages = output.split(separator: "\n").filter { line in ["subscriber,", "lead,", "mql,", "sql,"].contains { line.hasPrefix($0) } }
        #expect(leadStages.count == 4)
        #expect(output.contains("sql,Sales Qualified Lead,sales,,,nurture,new-business/appointment-scheduled"))
    }

    @Test("waterfall: Inquiry → MQL → SAL → SQL into a sales opportunity; an unknown template is named")
    func waterfall() throws {
        let (result, output) = try stages("waterfall")
        #expect(result.code == 0, "\(result.errors)")
        let ids = output.split(separator: "\n").compactMap { line -> Substring? in
            let id = line.split(separator: ",").first ?? ""
            return ["inquiry", "mql", "sal", "sql"].contains(String(id)) ? id : nil
        }
        #expect(ids == ["inquiry", "mql", "sal", "sql"])
        let unknown = runSession(["new x.yaml --template pipedrive"])
        #expect(unknown.code == 2)
        #expect(unknown.errors.contains("unknown template 'pipedrive'"))
        #expect(unknown.errors.contains("templates: salesforce, hubspot, waterfall"))
    }
}
