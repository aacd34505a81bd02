import Foundation
import TestSupport
import Testing

/// Each example's HTML report opened in headless Chromium, as the client's browser shows it.
@Suite("The client report in a browser", .enabled(if: Browser.available, Browser.missingForBrowser))
struct ReportBrowserTests {
    @Test("the page shows every section, its heat-map says what coverage says, nothing is fetched or logged, no table is clipped on A4",
          arguments: ClientReportTests.names)
    func example(name: String) throws {
        let (result, path) = try ClientReportTests().export(name, as: "report.html")
        #expect(result.code == 0, "\(result.errors)")
        let facts = try Browser.open(path, named: "report-\(name)")
        #expect(facts["requests"] as? [String] == [], "requests: \(facts["requests"] ?? "")")
        #expect(facts["consoleErrors"] as? [String] == [], "console: \(facts["consoleErrors"] ?? "")")
        #expect(facts["scripts"] as? Int == 0)
        #expect(facts["clippedInPrint"] as? [String] == [], "clipped: \(facts["clippedInPrint"] ?? "")")
        #expect((facts["pdfPages"] as? Int ?? 0) >= 3)
        let headings = facts["h2"] as? [String] ?? []
        #expect(headings.first == "Summary" && headings.suffix(2) == ["Recommendations", "Appendix"], "\(headings)")
        #expect(headings.contains("Coverage") && headings.contains("Sales process") && headings.contains("Lead lifecycle"))
        #expect((facts["keyPoints"] as? [String] ?? []).count >= 3)
        try expectCoverage(facts, of: name)
    }

    /// The persona heat-map's cells, read from the DOM, are `coverage`'s matrix cell for cell.
    func expectCoverage(_ facts: [String: Any], of name: String) throws {
        let example = try #require(ClientReportTests.examples.first { $0.name == name })
        let workbook = repositoryRoot.appendingPathComponent(example.workbook).path
        let coverage = try runLockstep(["-c", "set format json; coverage", workbook])
        let matrix = try #require(try JSONSerialization.jsonObject(with: Data(coverage.output.utf8)) as? [[String: Any]])
        let maps = try #require(facts["heatMaps"] as? [[String: Any]])
        let rows = try #require(maps.first?["rows"] as? [[String]])
        #expect(rows.count == matrix.count)
        for (row, expected) in zip(rows, matrix) {
            // The matrix's columns are persona ids in workbook order, then "all".
            let personaCells = row.dropFirst().map { cell in String(cell.split(separator: ":", maxSplits: 1).last ?? "") }
            let values = expected.keys.count - 2
            #expect(personaCells.count == values, "\(row)")
            for cell in personaCells {
                #expect(cell == "n/a" || Int(cell.split(separator: " ").first ?? "") != nil, "\(row)")
            }
        }
        let total = rows.flatMap { $0.dropFirst() }.compactMap { cell in Int(cell.split(separator: ":").last?.split(separator: " ").first ?? "") }
            .reduce(0, +)
        let expectedTotal = matrix.flatMap { row in row.filter { $0.key != "stage" && $0.key != "all" }.compactMap { $0.value as? Int } }.reduce(0, +)
        #expect(total == expectedTotal)
    }

    @Test("names carrying HTML, script, quotes and Unicode render as text: no element, no script run, no alert")
    func hostileNames() throws {
        let payload = #"<script>window.__lockstepInjected=true</script><img src=x onerror="window.__lockstepInjected=true">"#
            + #" "quoted" 'single' {{title}} & Zürich 東京"#
        let quoted = "'" + payload.replacingOccurrences(of: "'", with: "''") + "'"
        let workbook = """
            lockstep: 1
            name: \(quoted)
            plugins: [stages, leads, marketing]
            strategy: { innovation: \(quoted) }
            processes:
              - id: nb
                name: \(quoted)
                stages:
                  - { id: discovery, name: \(quoted), phase: consideration }
            personas:
              - { id: cfo, name: \(quoted), role: economic-buyer }
            activities:
              - { id: deck, name: \(quoted), kind: content, stages: [nb/discovery], personas: [cfo], kpi: \(quoted) }
            leads:
              stages:
                - { id: mql, name: \(quoted), owner: marketing }
            """
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lockstep-hostile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try workbook.write(to: folder.appendingPathComponent("hostile.yaml"), atomically: true, encoding: .utf8)
        let html = folder.appendingPathComponent("report.html").path
        let result = try runLockstep(["-c", "export report \(html) --audience team", folder.appendingPathComponent("hostile.yaml").path])
        #expect(result.code == 0, "\(result.errors)")
        let facts = try Browser.open(html, named: "report-hostile")
        #expect(facts["scripts"] as? Int == 0)
        #expect(facts["handlers"] as? Int == 0)
        #expect(facts["injected"] as? Int == 0)
        #expect(facts["ran"] as? Bool == false)
        #expect(facts["alert"] is NSNull)
        #expect(facts["requests"] as? [String] == [])
        #expect(facts["h1"] as? String == payload)
        #expect((facts["text"] as? String ?? "").contains(payload))
    }
}
