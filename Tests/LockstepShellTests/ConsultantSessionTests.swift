import Foundation
import Testing
import TestSupport

/// A consultant's workshop, end to end: a model built from scratch with shell commands, an
/// inventory imported, coverage and gaps read, a mistake undone, saved, reopened, same answers.
@Suite("A consultant's session")
struct ConsultantSessionTests {
    @Test("build, import, query, undo, save, reopen")
    func workshop() throws {
        let folder = try temporaryFolder()
        let workbook = folder.appendingPathComponent("client.yaml").path
        let inventory = folder.appendingPathComponent("inventory.csv").path
        try """
            Title,Type,Funnel Stage,Audience,Pain Points,Last Updated
            Close benchmark,Report,discovery,cfo;controller,slow-close,2026-03-01
            Security FAQ,Content,proposal,it-lead,,2026-02-01
            Broken,Webinar,discvery,cfo,,2026-01-01
            "Unclosed,Tool,proposal,cfo,,2026-01-01

            """.write(toFile: inventory, atomically: true, encoding: .utf8)
        let malformed = folder.appendingPathComponent("malformed.csv").path
        try "Asset;Kind\nx;y\n".write(toFile: malformed, atomically: true, encoding: .utf8)

        let session = [
            "open \(workbook)",
            "process add new-business --name \"New business\" --kind new",
            "stage add new-business/discovery --name Discovery --phase consideration --probability 20 --owner ae",
            "stage add new-business/proposal --name Proposal --phase decision --probability 60 --owner ae",
            "set format csv",
            "import activities \(malformed)",
            "import activities \(inventory)",
            "stage remove proposal --force",
            "undo",
            "coverage",
            "gaps",
            "save",
        ]
        // The personas and needs the inventory names were written down first, as a consultant would.
        let personas = """
            lockstep: 1
            name: Client Co
            plugins: [leads, stages, marketing]
            needs:
              - id: slow-close
                name: Slow close
            personas:
              - { id: cfo, name: CFO, role: economic-buyer }
              - { id: controller, name: Controller, role: champion }
              - { id: it-lead, name: IT lead, role: technical-buyer }

            """
        try personas.write(toFile: workbook, atomically: true, encoding: .utf8)
        let first = runSession(session, keepGoing: true)
        #expect(first.errors.contains("-c:6: error: no column holds the activities' names (columns: Asset;Kind)"))
        #expect(first.errors.contains("inventory.csv:4: skipped: unknown stage 'discvery' (did you mean 'discovery'?)"))
        #expect(first.errors.contains("inventory.csv:5: skipped: not readable as CSV: a quote opened on this line is never closed"))
        #expect(first.errors.contains("imported 2 activities, 2 rows skipped"))
        #expect(first.errors.contains("undid: stage remove new-business/proposal"))
        #expect(first.code == 2, "only the malformed import fails: \(first.errors)")
        let coverage = "stage,cfo,controller,it-lead,all\r\nnew-business/discovery,1,1,0,1\r\nnew-business/proposal,0,0,1,1\r\n"
        #expect(first.output.contains(coverage))
        #expect(first.output.contains("1,new-business/proposal,decision,cfo,economic-buyer,no content for this persona here\r\n"))

        let reopened = runSession(["open \(workbook)", "set format csv", "coverage", "gaps"])
        #expect(reopened.code == 0, "\(reopened.errors)")
        let firstAnswers = first.output[first.output.range(of: coverage)!.lowerBound...]
        #expect(reopened.output == String(firstAnswers))
    }
}
