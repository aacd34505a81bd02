import Foundation
import LockstepCore
import LockstepLeads
import LockstepMarketing
@testable import LockstepShell
import LockstepStages

let builtInPlugins = PluginRegistry([LeadsPlugin(), StagesPlugin(), MarketingPlugin()])

import TestSupport
import Testing

let repositoryRoot = TestSupport.repositoryRoot
let exampleWorkbook = repositoryRoot.appendingPathComponent("examples/acme.yaml").path

/// What a whole session printed and how it ended.
struct SessionResult {
    var code: Int32
    var output: String
    var errors: String
    var session: Session
    var prompts: [String]
}

/// A session on the built-in plugins that takes the tests' day as today.
func testSession(output: OutputSink = BufferedOutput()) -> Session {
    let session = Session(registry: builtInPlugins, output: output)
    session.clock = .pinned(TestSupport.today)
    return session
}

/// Runs `lines` through a shell exactly as the executable would, with output kept in memory.
func runSession(_ lines: [String], workbook: String? = nil, interactive: Bool = false, keepGoing: Bool = false,
                sourceName: String = "-c", allowDataOutside: Bool = false) -> SessionResult {
    let output = BufferedOutput()
    let session = testSession(output: output)
    session.allowsDataOutsideWorkbook = allowDataOutside
    let reader = ScriptedLineReader(lines, sourceName: sourceName, interactive: interactive)
    let shell = Shell(session: session, reader: reader, keepGoing: keepGoing)
    if let workbook {
        do {
            try session.open(workbook)
        } catch {
            shell.report(error, line: 0)
            return SessionResult(code: 2, output: output.standardOutput, errors: output.standardError, session: session, prompts: [])
        }
    }
    let code = shell.run()
    return SessionResult(code: code, output: output.standardOutput, errors: output.standardError, session: session, prompts: reader.prompts)
}

/// The shared folder of real CRM exports, when it is there.
let sharedData = TestSupport.sharedFolder.appendingPathComponent("data")

/// Writes `workbook` and `files` into a fresh folder; returns the workbook's path.
func workbookFolder(_ workbook: String, files: [String: String] = [:]) throws -> String {
    let folder = try temporaryFolder()
    for (name, contents) in files {
        try contents.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }
    let path = folder.appendingPathComponent("workbook.yaml")
    try workbook.write(to: path, atomically: true, encoding: .utf8)
    return path.path
}

/// A fresh folder for files a test writes.
func temporaryFolder() throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lockstep-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
}

/// A copy of the shipped example in a fresh folder, so a test may change and save it.
func copyOfExample() throws -> String {
    let folder = try temporaryFolder()
    let copy = folder.appendingPathComponent("acme.yaml")
    try FileManager.default.copyItem(atPath: exampleWorkbook, toPath: copy.path)
    // The CRM export the example names, relative to the workbook.
    try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("examples/crm"), to: folder.appendingPathComponent("crm"))
    return copy.path
}

/// Compares `text` with a golden file beside the tests (see `Golden`).
func matchesGolden(_ text: String, _ name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Bool {
    try Golden.matches(text, repositoryRoot.appendingPathComponent("Tests/LockstepShellTests/Golden/\(name)"), sourceLocation: sourceLocation)
}
