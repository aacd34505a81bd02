import Foundation
import LockstepCore
import Testing
import TestSupport
@testable import LockstepShell

@Suite("Opening and saving")
struct FileTests {
    @Test("save then open gives back the same workbook, byte for byte on a second save")
    func roundTrip() throws {
        let path = try copyOfExample()
        let original = try String(contentsOfFile: path, encoding: .utf8)
        let result = runSession(["save --force", "open \(path)", "list stages"], workbook: path)
        #expect(result.code == 0)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == original)
    }

    @Test("save refuses to overwrite a file changed on disk since it was opened; --force overwrites")
    func refusesChangedFile() throws {
        let path = try copyOfExample()
        let output = BufferedOutput()
        let session = testSession(output: output)
        try session.open(path)
        try "lockstep: 1\nname: Edited elsewhere\n".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: CommandError.failed("\(path) changed on disk since it was opened",
                                            fix: "save to another file (save FILE), or overwrite with 'save --force' (the other changes are lost)")) {
            try session.save(to: nil, force: false)
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8).contains("Edited elsewhere"))
        _ = try session.save(to: nil, force: true)
        #expect(try String(contentsOfFile: path, encoding: .utf8).contains("Acme Analytics"))
    }

    @Test("a save leaves no temporary file behind and keeps the file's permissions")
    func atomicSave() throws {
        let path = try copyOfExample()
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: path)
        _ = runSession(["unload leads", "save"], workbook: path)
        let folder = (path as NSString).deletingLastPathComponent
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["acme.yaml", "crm"])
        let permissions = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(permissions == 0o640)
    }

    @Test("saving into a folder that does not exist fails clearly and loses nothing")
    func saveFailure() throws {
        let result = runSession(["unload leads", "save /nonexistent-folder/x.yaml", "undo"], workbook: exampleWorkbook, interactive: true)
        #expect(result.errors.contains("error: cannot save /nonexistent-folder/x.yaml: No such file or directory"))
        #expect(result.output.contains("undid: unload leads"))
    }

    @Test("new refuses an existing file; open refuses to drop unsaved changes in batch")
    func guards() throws {
        let path = try copyOfExample()
        let result = runSession(["new \(path)"], keepGoing: true)
        #expect(result.errors.contains("error: \(path) already exists"))
        let dirty = runSession(["unload leads", "open \(path)"], workbook: exampleWorkbook)
        #expect(dirty.code == 1)
        #expect(dirty.errors.contains("error: acme.yaml has unsaved changes\n  fix: save first, or add --discard before opening another workbook"))
    }

    @Test("a new workbook saves as a valid workbook that opens again")
    func newWorkbook() throws {
        let path = try temporaryFolder().appendingPathComponent("client.yaml").path
        let result = runSession(["new \(path) --name \"Client Co\"", "save", "open \(path)", "plugins"])
        #expect(result.code == 0, "\(result.errors)")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "lockstep: 1\nname: Client Co\nplugins: [leads, stages, marketing]\n")
    }
}
