import Foundation
import Testing
import TestSupport

/// Each `BadWorkbooks/NAME.yaml` must fail to open with exactly `NAME.expected` on standard error,
/// exit code 2, and nothing on standard output. LOCKSTEP_RECORD=1 writes the expectations anew.
@Suite("Bad workbooks")
struct BadWorkbookTests {
    static let folder = repositoryRoot.appendingPathComponent("Tests/EndToEndTests/BadWorkbooks").path
    static let cases: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.sorted()
    }()

    @Test("the corpus covers every kind of damage")
    func corpusIsComplete() {
        for name in ["malformed", "wrong-type", "duplicate-id", "dangling-reference", "unknown-key", "unknown-version",
                     "empty", "binary-junk"] {
            #expect(Self.cases.contains("\(name).yaml"), "missing \(name).yaml")
        }
    }

    @Test("each bad workbook gives its exact error with position, exit code 2, no crash", arguments: cases)
    func badWorkbook(name: String) throws {
        let result = try runLockstep(["-c", "list stages", name], in: Self.folder)
        let expectedPath = Self.folder + "/" + name.replacingOccurrences(of: ".yaml", with: ".expected")
        if ProcessInfo.processInfo.environment["LOCKSTEP_RECORD"] == "1" {
            try result.errors.write(toFile: expectedPath, atomically: true, encoding: .utf8)
        }
        #expect(result.code == 2)
        #expect(result.output == "")
        #expect(result.errors == (try String(contentsOfFile: expectedPath, encoding: .utf8)))
    }
}
