import Foundation
import Testing

/// Several lead paths: inbound, partner and expansion leads, each into its own process.
@Suite("Lead paths")
struct LeadPathTests {
    static let workbook = """
        lockstep: 1
        plugins: [leads, stages]
        leads:
          fields: { score: number, registered: bool, expansion_need: bool }
          stages:
            - { id: inquiry, owner: marketing }
            - { id: mql, owner: marketing, criteria: score >= 50 }
            - { id: sql, owner: sales, criteria: mql and score >= 70, rejects_to: inquiry, enters: new-business/discovery }
            - { id: registered, name: Partner deal registration, owner: sales, criteria: registered, rejects_to: inquiry,
                enters: partner/qualification }
            - { id: expansion-lead, owner: sales, criteria: expansion_need, rejects_to: inquiry }
          paths:
            - { id: inbound, source: inbound, stages: [inquiry, mql, sql] }
            - { id: partner, source: partner, stages: [registered] }
            - { id: expansion, source: expansion, stages: [expansion-lead] }
        processes:
          - { id: new-business, kind: new, stages: [{ id: discovery, owner: ae, exit: [Pain confirmed] }] }
          - { id: partner, kind: new, stages: [{ id: qualification, owner: partner-manager, exit: [Registration approved] }] }
        """

    @Test("each path is traced into its own process; a path that enters none is flagged, and only it")
    func paths() throws {
        let path = try workbookFolder(Self.workbook)
        let result = runSession(["trace --path partner", "trace", "check"], workbook: path, keepGoing: true)
        #expect(result.output.contains("1. registered — Partner deal registration, owned by sales\n"), "\(result.output)")
        #expect(result.output.contains("→ enters sales stage partner/qualification"))
        #expect(result.output.contains("3. sql — sql, owned by sales"))
        let ld010 = result.output.split(separator: "\n").filter { $0.contains("[LD010]") }
        #expect(ld010.count == 1)
        #expect(ld010.first?.contains("lead path 'expansion' ends at 'expansion-lead', which enters no sales stage") == true)
        // Criteria narrow along each path: the partner registration need not narrow sql.
        #expect(!result.output.contains("[LD006]"), "\(result.output)")
    }

    @Test("a path naming an unknown stage is a load error; paths are built and edited from the shell")
    func editing() throws {
        let broken = try workbookFolder(Self.workbook.replacingOccurrences(of: "stages: [registered]", with: "stages: [registerd]"))
        let failed = runSession(["check"], workbook: broken)
        #expect(failed.code == 2)
        #expect(failed.errors.contains("[WB001] unknown lead-stage 'registerd' (did you mean 'registered'?)"), "\(failed.errors)")
        let path = try workbookFolder(Self.workbook)
        let edited = runSession(["edit lead-stage expansion-lead enters partner/qualification", "add lead-path events \"Trade shows\"",
                                 "edit lead-path events source event", "edit lead-path events stages inquiry,mql,sql", "save",
                                 "set format csv", "find lead-paths where source = \"event\""], workbook: path)
        #expect(edited.code == 0, "\(edited.errors)")
        #expect(edited.output.contains("events,Trade shows"))
        let saved = try String(contentsOfFile: path, encoding: .utf8)
        #expect(saved.contains("- id: events\n      name: Trade shows\n      source: event\n      stages: [inquiry, mql, sql]"), "\(saved)")
    }
}
