import Foundation
import Testing
import TestSupport

/// `export report` and `export diagram`: what a client receives at the end of a workshop.
@Suite("Exports for the client")
struct ExportTests {
    @Test("the Markdown report has the summary, strategy, roles, process, coverage, lead funnel, recommendations and appendix, in that order")
    func report() throws {
        let folder = try temporaryFolder()
        let path = folder.appendingPathComponent("audit.md").path
        let result = runSession(["export report \(path)"], workbook: try copyOfExample())
        #expect(result.code == 0, "\(result.errors)")
        let text = try String(contentsOfFile: path, encoding: .utf8)
        // The session takes the tests' day as today, so the whole report is pinned, date and all.
        #expect(text.contains("Prepared on 2026-06-01."))
        #expect(try matchesGolden(text, "report.md"))
        let headings = text.split(separator: "\n").filter { $0.hasPrefix("## ") }
        #expect(headings == ["## Summary", "## Go-to-market strategy", "## Buying roles and their needs", "## Sales process", "## Coverage",
                             "## Lead lifecycle", "## Lead funnel on CRM data", "## Recommendations", "## Appendix"])
    }

    @Test("the diagram in Mermaid and DOT pins its golden, and Graphviz renders the DOT",
          .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/dot"), "Graphviz is absent (apt-get install graphviz): rendering is not checked"))
    func diagram() throws {
        let folder = try temporaryFolder()
        let mermaid = folder.appendingPathComponent("flow.mmd").path, dot = folder.appendingPathComponent("flow.dot").path
        let result = runSession(["export diagram \(mermaid)", "export diagram \(dot)"], workbook: exampleWorkbook)
        #expect(result.code == 0, "\(result.errors)")
        #expect(try matchesGolden(try String(contentsOfFile: mermaid, encoding: .utf8), "diagram.mmd"))
        #expect(try matchesGolden(try String(contentsOfFile: dot, encoding: .utf8), "diagram.dot"))
        let render = Process()
        render.executableURL = URL(fileURLWithPath: "/usr/bin/dot")
        render.arguments = ["-Tsvg", dot, "-o", folder.appendingPathComponent("flow.svg").path]
        let errors = Pipe()
        render.standardError = errors
        try render.run()
        render.waitUntilExit()
        #expect(render.terminationStatus == 0, "dot: \(String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self))")
        let svg = try String(contentsOfFile: folder.appendingPathComponent("flow.svg").path, encoding: .utf8)
        #expect(svg.contains("Onboarding") && svg.contains("no content (gap)") && svg.contains("#c0392b"))
    }

    @Test("the diagram fits a slide: rows per process, every process entered, persona gaps counted, accepted gaps grey; SVG by Graphviz",
          .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/dot"), "Graphviz is absent (apt-get install graphviz): SVG is not checked"))
    func slideDiagram() throws {
        let folder = try temporaryFolder()
        let svgPath = folder.appendingPathComponent("flow.svg").path, dotPath = folder.appendingPathComponent("flow.dot").path
        let result = runSession(["export diagram \(svgPath)", "export diagram \(dotPath)"], workbook: exampleWorkbook)
        #expect(result.code == 0, "\(result.errors)")
        let svg = try String(contentsOfFile: svgPath, encoding: .utf8), dot = try String(contentsOfFile: dotPath, encoding: .utf8)
        #expect(svg.hasPrefix("<?xml") && svg.contains("<svg"))
        // The width of a slide rather than a strip: no wider than three times its height.
        let size = try #require(svg.firstMatch(of: /width="([0-9]+)pt" height="([0-9]+)pt"/))
        #expect(Int(size.1)! <= 3 * Int(size.2)!, "\(size.0)")
        #expect(dot.contains("rankdir=TB") && dot.contains("rank=same"))
        // The customer process is entered where a deal is won; the new-business one where a lead enters.
        #expect(dot.contains("label=\"won\"") && dot.contains("label=\"enters\""))
        // The renewal gap is accepted by a waiver: grey and dashed, not red; persona gaps are counted.
        let renewal = try #require(dot.split(separator: "\n").first { $0.contains("Renewal") })
        #expect(renewal.contains("no content (accepted)") && renewal.contains("#7f7f7f") && !renewal.contains("#c0392b"))
        #expect(dot.contains("buying roles without content") || dot.contains("buying role without content"))
    }

    @Test("an unknown diagram format and an unwritable path are clear errors that write nothing")
    func badExports() throws {
        let result = runSession(["export diagram x.txt --format svgg"], workbook: exampleWorkbook)
        #expect(result.code == 2)
        #expect(result.errors.contains("unknown diagram format 'svgg'"))
        let bare = runSession(["export"], workbook: exampleWorkbook)
        #expect(bare.errors.contains("error: 'export' needs one of: report, diagram"))
        let unwritable = runSession(["export report /no/such/folder/audit.md"], workbook: exampleWorkbook)
        #expect(unwritable.code == 1)
        #expect(unwritable.errors.contains("cannot write /no/such/folder/audit.md"))
    }
}
