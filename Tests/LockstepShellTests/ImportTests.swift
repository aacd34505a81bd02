import Foundation
import LockstepCore
import Testing

@testable import LockstepShell

/// `import activities` loses nothing: every row imported, or skipped with its line and reason.
@Suite("Importing a content inventory")
struct ImportTests {
    func importing(_ csv: String, options: String = "") throws -> SessionResult {
        let folder = try temporaryFolder()
        let file = folder.appendingPathComponent("inventory.csv")
        try csv.write(to: file, atomically: true, encoding: .utf8)
        return runSession(["import activities \(file.path) --dry-run \(options)"], workbook: exampleWorkbook)
    }

    @Test("an unclosed quote costs its own row: the rows after it are imported, and the line it opened on is named")
    func unclosedQuote() throws {
        let result = try importing(
            "Title,Type,Stage\nA,content,discovery\n\"B,content,proposal\nC,content,negotiation\nD,webinar,discovery\n")
        #expect(
            result.errors.contains(
                "inventory.csv:3: skipped: not readable as CSV: a quote opened on this line is never closed"))
        #expect(result.errors.contains("dry run: 3 activities would be imported, 1 row skipped"))
    }

    @Test("stages and personas by their display names, in any case and with or without accents")
    func displayNames() throws {
        let result = try importing(
            "Title,Type,Stage,Persona\nGuide,content,Technical Evaluation,chief financial officer\n"
                + "Story,case-study,PROPOSAL,Controller\nOther,content,Nowhere,cfo\n")
        let rows = result.output.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
        #expect(rows.contains(["guide", "Guide", "content", "new-business/evaluation", "cfo"]), "\(result.output)")
        #expect(
            rows.contains(["story", "Story", "case-study", "new-business/proposal", "controller"]), "\(result.output)")
        #expect(result.errors.contains("inventory.csv:4: skipped: unknown stage 'Nowhere'"))
    }

    @Test("ids made from names keep their letters: accents are written plainly")
    func ids() throws {
        let result = try importing(
            "Title,Type,Stage\nBanque Lémanique story,case-study,discovery\nGuide café,content,discovery\nStraße Ærø,content,discovery\n"
        )
        for id in ["banque-lemanique-story", "guide-cafe", "strasse-aero"] {
            #expect(result.output.contains(id), "\(id)")
        }
    }

    @Test(
        "review dates: ISO by default, the client's order with --date-format, and the exact reason for an impossible one"
    )
    func dates() throws {
        let csv =
            "Title,Type,Stage,Reviewed\nA,content,discovery,15/03/2026\nB,content,discovery,2026-02-30\nC,content,discovery,31/04/2026\n"
        let iso = try importing(csv)
        #expect(
            iso.errors.contains(
                "inventory.csv:2: skipped: reviewed '15/03/2026' is not written YYYY-MM-DD; if it is DD/MM/YYYY, say so with --date-format"
            ))
        #expect(
            iso.errors.contains(
                "inventory.csv:3: skipped: reviewed '2026-02-30' is not a date: February 2026 has 28 days"))
        let european = try importing(csv, options: "--date-format DD/MM/YYYY")
        #expect(european.errors.contains("dry run: 1 activity would be imported, 2 rows skipped"))
        #expect(
            european.errors.contains(
                "inventory.csv:4: skipped: reviewed '31/04/2026' is not a date: April 2026 has 30 days"))
    }
}
