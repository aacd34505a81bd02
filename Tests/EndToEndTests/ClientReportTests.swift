import Foundation
import TestSupport
import Testing

/// The deliverable as the client receives it: each example's HTML report pinned by a golden file,
/// read for engineer's text, ranked as its README says, and opened in a real browser.
@Suite("The client report")
struct ClientReportTests {
    /// The shipped examples, by golden name, workbook and the words their most urgent point must name
    /// (what each README calls most costly; Acme's README-less example: its stage with no content).
    static let examples: [(name: String, workbook: String, mostUrgent: String)] = [
        ("acme", "examples/acme.yaml", "Onboarding"),
        ("brightlane", "examples/saas/brightlane.yaml", "Adoption review"),
        ("kessler", "examples/manufacturing/kessler.yaml", "Service contract renewal"),
    ]

    static var names: [String] { examples.map(\.name) }

    func export(_ name: String, as file: String, audience: String = "client", environment: [String: String] = [:]) throws
        -> (result: ProcessResult, path: String)
    {
        let example = try #require(Self.examples.first { $0.name == name })
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lockstep-report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent(file).path
        let workbook = repositoryRoot.appendingPathComponent(example.workbook).path
        let result = try runLockstep(["-c", "export report \(path) --audience \(audience)", workbook], environment: environment)
        return (result, path)
    }

    @Test("each example's HTML report matches its golden file, its date pinned", arguments: names)
    func golden(name: String) throws {
        let (result, path) = try export(name, as: "report.html")
        #expect(result.code == 0, "\(result.errors)")
        let html = try String(contentsOfFile: path, encoding: .utf8)
        #expect(html.contains("Prepared on 2026-06-01"))
        #expect(try Golden.matches(html, repositoryRoot.appendingPathComponent("Tests/EndToEndTests/Golden/report-\(name).html")))
    }

    @Test("the client text holds no rule code, line number, field name, command or source citation", arguments: names)
    func clientWords(name: String) throws {
        let (result, path) = try export(name, as: "report.html")
        #expect(result.code == 0, "\(result.errors)")
        let whole = Self.visibleText(try String(contentsOfFile: path, encoding: .utf8))
        // Rule codes are allowed in the appendix's "Findings by rule" only, where a team looks them up.
        let text = whole.components(separatedBy: "Findings by rule").first ?? whole
        #expect(text != whole, "\(name): the appendix lists no findings by rule")
        for pattern in [#"\b[A-Z]{2}[0-9]{3}\b"#, #"\bline [0-9]"#, #"\b[a-z]+_[a-z_]+\b"#, #"`"#, #" --[a-z]"#, #"seed 0"#,
                        #"“[^”]+”"#, #"lockstep "#] {
            let found = text.range(of: pattern, options: .regularExpression).map { String(text[$0]) }
            #expect(found == nil, "\(name): '\(found ?? "")' matches \(pattern)")
        }
        // The team's audience gets the codes, lines and sources in the technical appendix.
        let (_, teamPath) = try export(name, as: "team.html", audience: "team")
        let team = try String(contentsOfFile: teamPath, encoding: .utf8)
        #expect(team.contains("Technical appendix") && team.range(of: #"<td class="code">[A-Z]{2}[0-9]{3}</td>"#, options: .regularExpression) != nil)
    }

    @Test("the summary leads with what the example's README calls most costly", arguments: names)
    func ranking(name: String) throws {
        let example = try #require(Self.examples.first { $0.name == name })
        let (result, path) = try export(name, as: "report.md")
        #expect(result.code == 0, "\(result.errors)")
        let markdown = try String(contentsOfFile: path, encoding: .utf8)
        let first = markdown.split(separator: "\n").first { $0.hasPrefix("1. ") }.map(String.init) ?? ""
        #expect(first.contains(example.mostUrgent), "\(name): the first point is '\(first)'")
        // The order is the same in the HTML report's recommendations as in the Markdown's.
        let (_, htmlPath) = try export(name, as: "report.html")
        let html = try String(contentsOfFile: htmlPath, encoding: .utf8)
        let markdownActions = markdown.split(separator: "\n").filter { $0.hasPrefix("### ") && $0.dropFirst(4).first?.isNumber == true }
            .map { String($0.dropFirst(4)) }
        let htmlActions = html.split(separator: "\n").filter { $0.hasPrefix("<h3><span class=\"number\">") }
            .map { Self.visibleText(String($0)) }
        #expect(!markdownActions.isEmpty && markdownActions.map(Self.unescapedMarkdown) == htmlActions)
    }

    @Test("without Chromium, a PDF is a clear error naming the package, and nothing is written")
    func pdfWithoutChromium() throws {
        let (result, path) = try export("acme", as: "report.pdf", environment: ["PATH": "/nonexistent", "LOCKSTEP_CHROMIUM": ""])
        #expect(result.code == 1)
        #expect(result.errors.contains("a PDF is printed by Chromium, which is not installed"), "\(result.errors)")
        #expect(result.errors.contains("apt install chromium"))
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test("without Graphviz, an SVG diagram is a clear error naming the package, and nothing is written")
    func svgWithoutGraphviz() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lockstep-svg-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("flow.svg").path
        let result = try runLockstep(["-c", "export diagram \(path)", exampleWorkbook], environment: ["PATH": "/nonexistent"])
        #expect(result.code == 1)
        #expect(result.errors.contains("SVG is drawn by Graphviz, which is not installed") && result.errors.contains("apt install graphviz"))
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test("with Chromium, export report FILE.pdf prints the report on A4", .enabled(if: Browser.chromium != nil, Browser.missing))
    func pdf() throws {
        let (result, path) = try export("brightlane", as: "report.pdf")
        #expect(result.code == 0, "\(result.errors)")
        let pdf = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(pdf.starts(with: Data("%PDF-".utf8)))
        let pages = Browser.pageCount(pdf)
        #expect(pages >= 3, "\(pages) pages")
    }

    /// The text a reader sees: tags dropped, entities decoded.
    static func visibleText(_ html: String) -> String {
        var text = html.replacingOccurrences(of: #"(?s)<style>.*?</style>"#, with: "", options: .regularExpression)
        text = text.replacingOccurrences(of: #"<[^>]+>"#, with: "", options: .regularExpression)
        for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&")] {
            text = text.replacingOccurrences(of: entity, with: character)
        }
        return text
    }

    static func unescapedMarkdown(_ text: String) -> String {
        text.replacingOccurrences(of: #"\\(.)"#, with: "$1", options: .regularExpression)
    }
}

/// Headless Chromium driven by Selenium (Tests/Support/report_in_browser.py), where installed.
enum Browser {
    static let chromium: String? = ["chromium", "chromium-browser", "google-chrome"].lazy.compactMap { name in
        (try? runProgram("which", [name]))?.output.trimmingCharacters(in: .whitespacesAndNewlines)
    }.first { !$0.isEmpty }

    static let hasSelenium: Bool = (try? runProgram("python3", ["-c", "import selenium"]))?.code == 0
    static let hasDriver: Bool = (try? runProgram("which", ["chromedriver"]))?.code == 0
        || FileManager.default.isExecutableFile(atPath: "/usr/lib/chromium/chromedriver")

    static var available: Bool { chromium != nil && hasSelenium && hasDriver }

    static let missing: Comment = "Chromium is absent (apt-get install chromium): the PDF is not checked"
    static let missingForBrowser: Comment =
        "a browser is absent (apt-get install chromium chromium-driver; pip install selenium): the report is not opened"

    /// Pages in a PDF: page objects, not the page tree's node.
    static func pageCount(_ pdf: Data) -> Int {
        let text = String(decoding: pdf, as: UTF8.self)
        return text.components(separatedBy: "/Type /Page").count - 1 - (text.components(separatedBy: "/Type /Pages").count - 1)
    }

    /// What the browser saw, decoded from the script's JSON; a screenshot and the PDF are kept
    /// under `.build/test-output/` for a person to look at.
    static func open(_ html: String, named name: String) throws -> [String: Any] {
        let output = repositoryRoot.appendingPathComponent(".build/test-output")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        let script = repositoryRoot.appendingPathComponent("Tests/Support/report_in_browser.py").path
        let result = try runProgram("python3", [script, html, output.appendingPathComponent("\(name).png").path,
                                                output.appendingPathComponent("\(name).pdf").path])
        #expect(result.code == 0, "\(result.errors)")
        let facts = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any]
        return try #require(facts, "the browser script printed no facts: \(result.errors)")
    }
}
