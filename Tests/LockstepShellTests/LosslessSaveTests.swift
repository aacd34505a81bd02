import Foundation
import TestSupport
import Testing

@testable import LockstepCore
@testable import LockstepShell

/// Saves change only the text of what changed: random edits through every editing command,
/// a save after each, and four properties checked on every save.
@Suite("Saves keep the file")
struct LosslessSaveTests {
    static let workbooks = [
        "examples/acme.yaml", "examples/saas/brightlane.yaml", "examples/manufacturing/kessler.yaml",
        "examples/olist/olist.yaml",
        "Tests/LockstepShellTests/Workbooks/handwritten.yaml",
    ]
    /// Edits per workbook: enough to reach every command several times, few enough for `make test`.
    static let rounds = 40

    @Test(
        "random edits and saves: Lockstep and other YAML readers read back the model, untouched items and comments stay byte for byte, saving twice changes nothing",
        arguments: workbooks, [false, true])
    func randomEdits(_ workbook: String, checkedInPieces: Bool) throws {
        let folder = try temporaryFolder()
        let source = repositoryRoot.appendingPathComponent(workbook)
        let path = folder.appendingPathComponent(source.lastPathComponent).path
        try FileManager.default.copyItem(atPath: source.path, toPath: path)
        let output = BufferedOutput()
        let session = testSession(output: output)
        // A large file's save is checked piece by piece: the same check on these small ones.
        if checkedInPieces { session.saveCheckLimit = 0 }
        let shell = Shell(session: session, reader: ScriptedLineReader([], sourceName: "-c"))
        try session.open(path)
        var random = SeededRandom(
            fallback: UInt64(workbook.utf8.count * 7919 + (checkedInPieces ? 1 : 0)),
            label: "lossless saves of \(workbook)\(checkedInPieces ? ", checked in pieces" : "")")
        var saved: [(file: String, expected: Any)] = []
        for round in 0..<Self.rounds {
            let before = try Data(contentsOf: URL(fileURLWithPath: path))
            let beforeModel = session.workbook
            let line = EditGenerator(workbook: session.workbook).next(using: &random)
            _ = shell.runLine(line, number: round)
            guard session.isDirty else { continue }
            _ = try session.save(to: nil, force: false)
            let after = try Data(contentsOf: URL(fileURLWithPath: path))
            let context = "round \(round) of \(workbook), after '\(line)' (seed \(random.seed))"
            // (a) Lockstep reads back exactly the model it saved.
            let encoder = WorkbookEncoder(registry: builtInPlugins)
            // Read without validation: an edit may leave the model inconsistent (that is the
            // commands' concern); the save must still write exactly that model.
            let reread = try #require(
                WorkbookLoader(registry: builtInPlugins).read(Array(after)), "\(context): unreadable")
            #expect(
                encoder.node(reread) == encoder.node(session.workbook),
                "\(context): the saved file reads as another model")
            // (c) What the edit did not touch keeps its bytes.
            let problems = UntouchedText.problems(
                before: Array(before), beforeModel: encoder.node(beforeModel),
                after: String(decoding: after, as: UTF8.self), afterModel: encoder.node(session.workbook))
            #expect(problems.isEmpty, "\(context): \(problems.joined(separator: "; "))")
            // (d) Saving again, in this session or a new one, writes the same bytes.
            _ = try session.save(to: nil, force: true)
            #expect(
                try Data(contentsOf: URL(fileURLWithPath: path)) == after, "\(context): a second save changed the file")
            let copy = folder.appendingPathComponent("round-\(round).yaml").path
            try after.write(to: URL(fileURLWithPath: copy))
            saved.append((copy, TestSupport.readerExpectation(encoder.node(session.workbook))))
        }
        #expect(saved.count >= Self.rounds / 3, "most rounds should change the workbook")
        #expect(
            !output.standardOutput.contains("could not be kept") && !output.standardError.contains("could not be kept"),
            "a save fell back to writing the whole workbook")
        // (b) PyYAML (YAML 1.1) and ruamel.yaml (1.2) read every saved file as the same values.
        var arguments: [String] = []
        for (index, entry) in saved.enumerated() {
            let expected = folder.appendingPathComponent("round-\(index).json")
            try JSONSerialization.data(withJSONObject: entry.expected).write(to: expected)
            arguments += [entry.file, expected.path]
        }
        let readers = try runProgram(
            "python3", [repositoryRoot.appendingPathComponent("Tests/Support/yaml_readers.py").path] + arguments)
        #expect(readers.code == 0, "\(workbook): \(readers.errors)")
    }

    @Test("a one-field edit of each shipped example is a one-line change", arguments: workbooks)
    func oneField(_ workbook: String) throws {
        let path = try copyOf(workbook)
        let before = try String(contentsOfFile: path, encoding: .utf8)
        let result = runSession(["stage edit \(Self.firstStage(in: before)) --probability 35", "save"], workbook: path)
        #expect(result.code == 0, "\(result.errors)")
        let after = try String(contentsOfFile: path, encoding: .utf8)
        let lines = lineDiff(before, after)
        #expect(lines.removed.count <= 1 && lines.added.count == 1, "\(lines)")
        #expect(lines.added.first?.contains("probability: 35") == true, "\(lines)")
    }

    /// `process/stage` of the first stage written in a workbook.
    static func firstStage(in text: String) -> String {
        let lines = text.split(separator: "\n").map(String.init)
        let processLine = lines.firstIndex { $0.hasPrefix("processes:") }!
        let process = lines[(processLine + 1)...].first { $0.contains("- id:") }!.split(separator: "#")[0]
            .split(separator: ":").last!.trimmingCharacters(in: .whitespaces)
        let stagesLine = lines[(processLine + 1)...].firstIndex { $0.contains("stages:") }!
        let stage = lines[(stagesLine + 1)...].first { $0.contains("- id:") }!.split(separator: "#")[0].split(
            separator: ":"
        ).last!
        return process + "/" + stage.trimmingCharacters(in: .whitespaces)
    }
}

/// A copy of a file of the repository in a fresh folder (with the example's CRM export).
func copyOf(_ relativePath: String) throws -> String {
    let folder = try temporaryFolder()
    let source = repositoryRoot.appendingPathComponent(relativePath)
    let copy = folder.appendingPathComponent(source.lastPathComponent).path
    try FileManager.default.copyItem(atPath: source.path, toPath: copy)
    return copy
}

/// The lines only in `before` and only in `after`, by a longest common subsequence of lines.
func lineDiff(_ before: String, _ after: String) -> (removed: [String], added: [String]) {
    let old = before.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let new = after.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let difference = new.difference(from: old)
    var removed: [String] = [], added: [String] = []
    for change in difference {
        switch change {
        case .remove(_, let line, _): removed.append(line)
        case .insert(_, let line, _): added.append(line)
        }
    }
    return (removed, added)
}
