import Foundation
import TestSupport
import Testing

/// Names that look like markup in every output language go through every listing and export,
/// and the real consumers of each format read them as text, nothing more.
@Suite("Output never lets data become structure")
struct OutputSafetyTests {
    static let hostile = [
        "=HYPERLINK(\"http://evil.example\",\"x\")", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A9)",
        "[click](javascript:alert(1))", "<script>alert(1)</script>", "<img src=x onerror=alert(1)>",
        "# Heading | cell", "a\"]; evil[\"b", "x --> y", "{ rank=same; }", "Acme: EMEA rollout", "back\\N\\G`tick`",
    ]

    /// A workbook whose workbook, process, stage and activity names are the hostile ones.
    func workbook() throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "lockstep-hostile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        func quoted(_ text: String) -> String {
            "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        }
        var text = "lockstep: 1\nname: \(quoted("[Draft] @acme: <b>x</b>"))\nplugins: [stages, marketing]\n"
        text += "processes:\n  - id: new-business\n    name: \(quoted(Self.hostile[5]))\n    kind: new\n    stages:\n"
        for (number, name) in Self.hostile.enumerated() {
            text +=
                "      - id: s\(number)\n        name: \(quoted(name))\n        phase: decision\n        probability: \(number)\n"
        }
        text += "activities:\n"
        for (number, name) in Self.hostile.enumerated() {
            text +=
                "  - id: a\(number)\n    name: \(quoted(name))\n    kind: content\n    stages: [new-business/s\(number)]\n"
        }
        let path = folder.appendingPathComponent("hostile.yaml").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test("csv cells a spreadsheet would run get a leading quote; 'set csv-formulas raw' writes them as they are")
    func csv() throws {
        let path = try workbook()
        let safe = try runLockstep(["-c", "set format csv; list activities", path])
        #expect(safe.code == 0, "\(safe.errors)")
        #expect(safe.output.contains("a0,\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\"\r\n"))
        #expect(
            safe.output.contains("a1,'+cmd|' /C calc'!A0\r\n") && safe.output.contains("a2,'-2+3\r\n")
                && safe.output.contains("a3,'@SUM(A1:A9)\r\n"))
        let raw = try runLockstep(["-c", "set csv-formulas raw; set format csv; list activities", path])
        #expect(raw.output.contains("a3,@SUM(A1:A9)\r\n"))
    }

    @Test(
        "the Markdown report and listings render as text in markdown-it: no link, image, script, heading or extra cell")
    func markdown() throws {
        let path = try workbook()
        let report = (path as NSString).deletingLastPathComponent + "/report.md"
        let result = try runLockstep(["-c", "export report \(report); set format markdown; list activities", path])
        #expect(result.code == 0, "\(result.errors)")
        for markdown in [try String(contentsOfFile: report, encoding: .utf8), result.output] {
            let html = try runProgram(
                "python3",
                [
                    "-c",
                    "import sys, markdown_it; print(markdown_it.MarkdownIt('commonmark').enable('table').render(sys.stdin.read()))",
                ],
                input: markdown)
            #expect(html.code == 0, "\(html.errors)")
            for element in ["<a ", "<img", "<script", "<b>", "<code>x"] {
                #expect(!html.output.contains(element), "\(element) in:\n\(html.output)")
            }
            // Every table row keeps its own cells: the hostile names add none.
            for row in html.output.components(separatedBy: "<tr>").dropFirst() {
                let cells = row.components(separatedBy: "<td").count - 1
                #expect(cells == 0 || cells == row.components(separatedBy: "</td>").count - 1)
            }
            #expect(html.output.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        }
        let headings = try String(contentsOfFile: report, encoding: .utf8).split(separator: "\n").filter {
            $0.hasPrefix("#")
        }
        #expect(headings.allSatisfy { !$0.contains("Heading") })
    }

    @Test(
        "Graphviz draws the DOT with one node per stage and the names as labels; PyYAML reads the Mermaid title as the name",
        .enabled(
            if: FileManager.default.isExecutableFile(atPath: "/usr/bin/dot"),
            "Graphviz is absent (make deps installs it)"))
    func diagrams() throws {
        let path = try workbook()
        let folder = (path as NSString).deletingLastPathComponent
        let result = try runLockstep([
            "-c", "export diagram \(folder)/flow.dot; export diagram \(folder)/flow.mmd", path,
        ])
        #expect(result.code == 0, "\(result.errors)")
        let svg = try runProgram("dot", ["-Tsvg", folder + "/flow.dot"])
        #expect(svg.code == 0, "\(svg.errors)")
        #expect(svg.output.components(separatedBy: "class=\"node\"").count - 1 == Self.hostile.count)
        #expect(svg.output.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(svg.output.contains("back\\N\\G`tick`"))
        let mermaid = try String(contentsOfFile: folder + "/flow.mmd", encoding: .utf8)
        let front = try runProgram(
            "python3", ["-c", "import sys, yaml; print(yaml.safe_load(sys.stdin.read().split('---')[1])['title'])"],
            input: mermaid)
        #expect(front.output == "[Draft] @acme: <b>x</b>\n", "\(front.errors)")
        // Each label stays one quoted string: no quote, angle bracket or backtick of the data is left bare.
        for line in mermaid.split(separator: "\n") where line.contains("[\"") {
            let label = line.split(separator: "[\"", maxSplits: 1)[1].dropLast(2)
            for part in label.components(separatedBy: "<br/>") {
                #expect(!part.contains("\"") && !part.contains("<") && !part.contains("`"), "\(line)")
            }
        }
    }
}
