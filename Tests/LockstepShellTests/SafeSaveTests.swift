import Foundation
import LockstepCore
import TestSupport
import Testing

@testable import LockstepShell

/// Saves and exports never lose or misplace a file: links, permissions, FIFOs and devices,
/// existing files, the open workbook, and temporary files left by a killed save.
@Suite("Safe writes")
struct SafeSaveTests {
    func attributes(_ path: String) throws -> [FileAttributeKey: Any] {
        try FileManager.default.attributesOfItem(atPath: path)
    }

    @Test("a save through a symlink writes the file it names and keeps the link; permissions and owner stay")
    func symlink() throws {
        let real = try copyOfExample()
        try FileManager.default.setAttributes([.posixPermissions: 0o664], ofItemAtPath: real)
        let link = try temporaryFolder().appendingPathComponent("linked.yaml").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: real)
        let result = runSession(["activity edit roi-calculator --kpi 'Reviews per week'", "save"], workbook: link)
        #expect(result.code == 0, "\(result.errors)")
        #expect(result.errors.contains("saved \(link) (through the link to \(real))"))
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == real)
        #expect(try String(contentsOfFile: real, encoding: .utf8).contains("kpi: Reviews per week"))
        #expect(try attributes(real)[.posixPermissions] as? Int == 0o664)
    }

    @Test("a hard-linked workbook is written in place, so every link shows the change, and the user is told")
    func hardLink() throws {
        let path = try copyOfExample()
        let other = try temporaryFolder().appendingPathComponent("same.yaml").path
        try FileManager.default.linkItem(atPath: path, toPath: other)
        let result = runSession(["activity edit roi-calculator --kpi 'Reviews per week'", "save"], workbook: path)
        #expect(
            result.errors.contains("has 2 hard links; it was written in place so that each of them shows the change"))
        #expect(try String(contentsOfFile: other, encoding: .utf8).contains("kpi: Reviews per week"))
        #expect(try attributes(other)[.referenceCount] as? Int == 2)
    }

    @Test(
        "a FIFO, a device or a folder as the save target is refused at once, and nothing is lost",
        arguments: ["fifo", "/dev/full", "folder"])
    func notAFile(target: String) throws {
        let folder = try temporaryFolder()
        var path = target
        if target == "fifo" {
            path = folder.appendingPathComponent("pipe.yaml").path
            #expect(mkfifo(path, 0o644) == 0)
        } else if target == "folder" {
            path = folder.path
        }
        let kind = target == "fifo" ? "a FIFO (named pipe)" : target == "folder" ? "a directory" : "a device"
        let result = runSession(
            ["activity edit roi-calculator --kpi x", "save \(path) --force", "undo"], workbook: exampleWorkbook,
            interactive: true)
        #expect(result.errors.contains("error: cannot save \(path): it is \(kind), not a file"), "\(result.errors)")
        #expect(result.output.contains("undid: activity edit"))
    }

    @Test(
        "temporary files of a killed save are cleaned at the next open; a live process's are left; none remain after a save"
    )
    func staleTemporaries() throws {
        let path = try copyOfExample()
        let folder = (path as NSString).deletingLastPathComponent
        // No process has this id (above the kernel's largest), and this test's own process does.
        let dead = folder + "/.acme.yaml.lockstep-2147483646-abc.tmp",
            live = folder + "/.acme.yaml.lockstep-\(getpid())-def.tmp"
        for file in [dead, live] { try "half a save".write(toFile: file, atomically: false, encoding: .utf8) }
        let result = runSession(["activity edit roi-calculator --kpi x", "save"], workbook: path)
        #expect(result.code == 0)
        let left = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        #expect(left == [".acme.yaml.lockstep-\(getpid())-def.tmp", "acme.yaml", "crm"])
    }

    @Test("export refuses an existing file unless --force, and the open workbook always")
    func exportOverwrite() throws {
        let path = try copyOfExample()
        let original = try String(contentsOfFile: path, encoding: .utf8)
        let report = (path as NSString).deletingLastPathComponent + "/audit.md"
        try "the client's own notes".write(toFile: report, atomically: true, encoding: .utf8)
        let refused = runSession(["export report \(report)"], workbook: path)
        #expect(refused.code == 1)
        #expect(
            refused.errors.contains(
                "error: \(report) already exists\n  fix: choose another name, or replace it with --force"))
        #expect(try String(contentsOfFile: report, encoding: .utf8) == "the client's own notes")
        let forced = runSession(["export report \(report) --force"], workbook: path)
        #expect(forced.code == 0, "\(forced.errors)")
        #expect(try String(contentsOfFile: report, encoding: .utf8).hasPrefix("# "))
        for command in ["export report \(path) --force", "export diagram \(path) --force"] {
            let workbook = runSession([command], workbook: path)
            #expect(workbook.code == 1)
            #expect(workbook.errors.contains("is the open workbook; an export never replaces it"))
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == original)
    }

    @Test("Tab after export offers files and folders but never a workbook")
    func exportCompletion() throws {
        let folder = try temporaryFolder()
        for name in ["acme.yaml", "notes.md", "other.yml"] {
            try "".write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        let session = testSession()
        let candidates = Completer(session: session).complete("export report \(folder.path)/").candidates
        #expect(candidates.map { ($0 as NSString).lastPathComponent } == ["notes.md"])
    }
}
