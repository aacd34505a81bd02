import Foundation
import LockstepCore
import LockstepPluginHost
import TestSupport
import Testing

@testable import LockstepShell

/// An external plugin's section and edits inside the shell: completion from its declaration, and
/// its command's edits journaled as the shell's own commands, so recovery replays the edits
/// rather than asking the plugin again.
@Suite("Plugin sections in the shell")
struct PluginSectionTests {
    /// A copy of the MEDDICC example and its plugin, in a folder of its own.
    func meddiccWorkbook() throws -> String {
        let folder = try temporaryFolder()
        for name in ["meddicc.py", "lockstep_plugin.py", "meddicc-brightlane.yaml"] {
            try FileManager.default.copyItem(
                at: repositoryRoot.appendingPathComponent("examples/plugins/\(name)"),
                to: folder.appendingPathComponent(name))
        }
        return folder.appendingPathComponent("meddicc-brightlane.yaml").path
    }

    func pluginSession(output: OutputSink = BufferedOutput()) -> Session {
        let session = testSession(output: output)
        session.pluginResolver = PluginResolver(cacheFolder: nil, lockstepVersion: "test", builtIn: builtInPlugins)
        return session
    }

    @Test("completion offers the plugin's kind, its items, its fields and a choice field's words")
    func completion() throws {
        let session = pluginSession()
        try session.open(try meddiccWorkbook())
        let completer = Completer(session: session)
        #expect(completer.complete("list que").candidates == ["questions"])
        #expect(completer.complete("edit question pain").candidates == ["pain-cost"])
        #expect(completer.complete("edit question pain-cost el").candidates == ["element"])
        #expect(completer.complete("edit question pain-cost element ch").candidates == ["champion"])
        #expect(
            completer.complete("edit question pain-cost stages new-business/neg").candidates == [
                "new-business/negotiation"
            ])
        // The plugin's own commands complete as their signature says: a stage, an option.
        #expect(completer.complete("meddicc adopt new-business/pro").candidates == ["new-business/proposal"])
        #expect(completer.complete("meddicc --mi").candidates == ["--missing"])
    }

    @Test(
        "meddicc adopt is journaled as the add and edit commands it made; recovery replays them and undo takes them back"
    )
    func journaled() throws {
        let folder = try temporaryFolder().path
        let workbook = try meddiccWorkbook()
        let session = pluginSession()
        session.journal = Journal(folder: folder)
        let shell = Shell(session: session, reader: ScriptedLineReader([], sourceName: "-c"))
        try session.open(workbook)
        #expect(shell.runLine("meddicc adopt proposal", number: 1) == .succeeded)
        let path = try #require(session.journal?.path)
        let entry = try #require(Journal.read(path))
        #expect(
            entry.commands == [
                #"add question meddicc-decision-criteria Which\ criteria\ will\ the\ customer\ decide\ on,\ written\ down\ and\ agreed?"#,
                "edit question meddicc-decision-criteria element decision-criteria",
                "edit question meddicc-decision-criteria stages new-business/proposal",
                #"add question meddicc-decision-process Which\ steps,\ people\ and\ dates\ lead\ to\ a\ signature?"#,
                "edit question meddicc-decision-process element decision-process",
                "edit question meddicc-decision-process stages new-business/proposal",
            ])
        let ids = session.workbook.items.filter { $0.kind.name == "question" }.map(\.id)
        #expect(ids == ["pain-cost", "champion-named", "meddicc-decision-criteria", "meddicc-decision-process"])
        #expect(shell.runLine("undo", number: 2) == .succeeded)
        #expect(session.workbook.items.filter { $0.kind.name == "question" }.count == 2, "one undo takes back all six")
        // A later session replays the journal through the shell's own commands.
        let replayed = pluginSession()
        #expect(shell.runLine("redo", number: 3) == .succeeded)
        try replayed.open(workbook)
        let replay = Shell(session: replayed, reader: ScriptedLineReader([], sourceName: "-c"))
        for (number, command) in entry.commands.enumerated() {
            #expect(replay.runLine(command, number: number + 1) == .succeeded)
        }
        #expect(replayed.workbook.items.filter { $0.kind.name == "question" }.map(\.id) == ids)
    }
}
