import Foundation
import LockstepCore
import TestSupport
import Testing

@testable import LockstepShell

/// Unsaved work survives the session: a journal of every change, offered back at the next start.
@Suite("Recovery journal")
struct RecoveryTests {
    /// A session that journals into `folder`, on a copy of the example, running `lines` without
    /// ending the run: what a killed session leaves behind.
    func killedSession(_ lines: [String], journal folder: String, workbook: String) throws -> Session {
        let session = testSession()
        session.journal = Journal(folder: folder)
        let shell = Shell(session: session, reader: ScriptedLineReader([], sourceName: "-c"))
        try session.open(workbook)
        for (number, line) in lines.enumerated() { _ = shell.runLine(line, number: number + 1) }
        return session
    }

    /// The journal as a process that is gone would have left it: this process is still running.
    func orphan(_ session: Session) throws -> String {
        let path = try #require(session.journal?.path)
        let text = try String(contentsOfFile: path, encoding: .utf8).replacingOccurrences(
            of: "pid \(LiveProcess.current)\n", with: "pid 2147483646 1\n")
        let orphan = path.replacingOccurrences(of: "-\(getpid()).journal", with: "-2147483646.journal")
        try text.write(toFile: orphan, atomically: true, encoding: .utf8)
        session.journal?.discard()
        return orphan
    }

    func interactive(_ lines: [String], journal folder: String, workbook: String) -> SessionResult {
        let output = BufferedOutput()
        let session = testSession(output: output)
        session.journal = Journal(folder: folder)
        let reader = ScriptedLineReader(lines, sourceName: "-c", interactive: true)
        let shell = Shell(session: session, reader: reader)
        try? session.open(workbook)
        shell.offerRecovery()
        let code = shell.run()
        return SessionResult(
            code: code, output: output.standardOutput, errors: output.standardError, session: session,
            prompts: reader.prompts)
    }

    static let edits = [
        "activity edit roi-calculator --kpi 'Reviews per week'", "list activities",
        "stage edit new-business/discovery --probability 25; stage edit new-business/proposal --probability 65",
        "undo", "activity add field-guide --kind content --stage new-business/discovery",
    ]

    @Test(
        "each change is journaled once, as typed, before it reports success; queries are not; a save or the end of a run removes it"
    )
    func journal() throws {
        let folder = try temporaryFolder().path
        let workbook = try copyOfExample()
        let session = try killedSession(Self.edits, journal: folder, workbook: workbook)
        let journalFile = try #require(session.journal?.path)
        let entry = try #require(Journal.read(journalFile))
        #expect(entry.workbook == FileSystem.realPath(workbook))
        #expect(entry.base == session.fingerprint)
        #expect(
            entry.commands == [
                "activity edit roi-calculator --kpi 'Reviews per week'",
                "stage edit new-business/discovery --probability 25",
                "stage edit new-business/proposal --probability 65", "undo",
                "activity add field-guide --kind content --stage new-business/discovery",
            ])
        _ = try session.save(to: nil, force: false)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
        let ended = runSession([], workbook: workbook)
        #expect(ended.code == 0)
    }

    @Test("the next start lists the changes and re-applies them through the commands, so undo takes them back")
    func reapply() throws {
        let folder = try temporaryFolder().path
        let workbook = try copyOfExample()
        _ = try orphan(try killedSession(Self.edits, journal: folder, workbook: workbook))
        let result = interactive(["r", "undo", "quit", "n"], journal: folder, workbook: workbook)
        #expect(
            result.output.contains(
                "5 unsaved changes to acme.yaml from a session that ended without saving (process 2147483646)."))
        #expect(result.output.contains("  1. activity edit roi-calculator --kpi 'Reviews per week'\n"))
        #expect(
            result.output.contains("re-applied 5 of 5 changes; 'undo' takes them back one at a time, 'save' keeps them")
        )
        #expect(result.output.contains("undid: activity add field-guide"))
        #expect(result.prompts.contains("[r]e-apply, [d]iscard or [s]how them? "))
        let session = result.session
        #expect(
            session.workbook.items.contains {
                $0.id == "roi-calculator" && $0.fields["kpi"] == .string("Reviews per week")
            })
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty, "re-applied, then given up at 'n'")
    }

    @Test(
        "discard forgets them; Ctrl-C or anything else keeps them for the next start; a batch run only says they are there"
    )
    func otherAnswers() throws {
        let folder = try temporaryFolder().path
        let workbook = try copyOfExample()
        let journal = try orphan(try killedSession(Self.edits, journal: folder, workbook: workbook))
        let kept = interactive(["\u{3}", "quit"], journal: folder, workbook: workbook)
        #expect(kept.output.contains("kept them: the next start on acme.yaml offers them again"))
        #expect(FileManager.default.fileExists(atPath: journal))
        let output = BufferedOutput()
        let batch = Shell(session: testSession(output: output), reader: ScriptedLineReader(["list needs"]))
        batch.session.journal = Journal(folder: folder)
        try batch.session.open(workbook)
        batch.offerRecovery()
        #expect(batch.run() == 0)
        #expect(
            output.standardError.contains(
                "note: 5 unsaved changes to acme.yaml from a session that ended without saving are kept; open it in the shell"
            ))
        #expect(FileManager.default.fileExists(atPath: journal))
        let discarded = interactive(["s", "d", "quit"], journal: folder, workbook: workbook)
        #expect(discarded.output.contains("  4. undo\n"))
        #expect(discarded.output.contains("discarded 5 unsaved changes"))
        #expect(!FileManager.default.fileExists(atPath: journal))
    }

    @Test("when the file changed since, the offer says so")
    func changedBase() throws {
        let folder = try temporaryFolder().path
        let workbook = try copyOfExample()
        _ = try orphan(try killedSession(Self.edits, journal: folder, workbook: workbook))
        try (try String(contentsOfFile: workbook, encoding: .utf8) + "# edited elsewhere\n").write(
            toFile: workbook, atomically: true, encoding: .utf8)
        let result = interactive(["d", "quit"], journal: folder, workbook: workbook)
        #expect(
            result.output.contains("The file has changed since; re-applying puts them on top of what it holds now."))
    }

    @Test("at 'Save before leaving?', Ctrl-C and Ctrl-D stay in the shell with the changes; only y or n leave")
    func leavingPrompt() throws {
        let workbook = try copyOfExample()
        let result = runSession(
            [
                "activity edit roi-calculator --kpi x", "quit", "\u{3}", "\u{4}", "\u{4}", "quit", "maybe",
                "list needs", "quit", "n",
            ],
            workbook: workbook, interactive: true)
        #expect(result.code == 0)
        #expect(
            result.output.contains("spreadsheet-risk"), "the shell stayed after Ctrl-C, Ctrl-D and an unclear answer")
        #expect(
            result.prompts.filter { $0.hasPrefix("acme.yaml has unsaved changes. Save before leaving?") }.count == 4)
        #expect(try !String(contentsOfFile: workbook, encoding: .utf8).contains("kpi: x"))
    }

    @Test("a terminal that is gone (nothing but ends of input) leaves the shell with the journal kept, never a loop")
    func inputGone() throws {
        let folder = try temporaryFolder().path
        let workbook = try copyOfExample()
        let result = interactive(["activity edit roi-calculator --kpi x"], journal: folder, workbook: workbook)
        #expect(
            result.errors.contains("the input has ended: leaving acme.yaml with its unsaved changes in the journal"))
        let journals = try FileManager.default.contentsOfDirectory(atPath: folder)
        #expect(journals.count == 1)
        #expect(Journal.read(folder + "/" + journals[0])?.commands == ["activity edit roi-calculator --kpi x"])
    }
}

/// A file changed on disk under an open session: read it again and put this session's changes on top.
@Suite("Reload and re-apply")
struct ReloadTests {
    /// The example as someone else saved it meanwhile: one activity's KPI changed, one activity gone.
    func changeElsewhere(_ path: String) throws {
        var text = try String(contentsOfFile: path, encoding: .utf8)
        text = text.replacingOccurrences(
            of: "kpi: ROI reviews booked per month", with: "kpi: ROI reviews booked per quarter")
        let start = try #require(text.range(of: "  - id: security-whitepaper\n"))
        let end = try #require(text.range(of: "  - id: close-webinar\n"))
        text.removeSubrange(start.lowerBound..<end.lowerBound)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }

    @Test(
        "reload reads the other side's changes and re-applies this session's on top, naming those that no longer apply")
    func reload() throws {
        let path = try copyOfExample()
        let lines = [
            "activity edit close-webinar --kpi 'Registrations that become MQLs'",
            "activity map security-whitepaper --persona cfo",
        ]
        let output = BufferedOutput()
        let session = testSession(output: output)
        let shell = Shell(session: session, reader: ScriptedLineReader([], sourceName: "-c"))
        try session.open(path)
        for line in lines { _ = shell.runLine(line, number: 1) }
        try changeElsewhere(path)
        #expect(shell.runLine("save", number: 2) == .failed(1))
        #expect(
            output.standardError.contains(
                "changed on disk since it was opened\n  fix: 'reload' reads it again and re-applies your 2 changes on top"
            ))
        #expect(shell.runLine("reload", number: 3) == .failed(1))
        #expect(
            output.standardError.contains(
                "read acme.yaml again and re-applied 1 of 2 changes; these no longer apply, as said above:"))
        #expect(output.standardError.contains("unknown activity 'security-whitepaper'"))
        #expect(shell.runLine("save", number: 4) == .succeeded)
        let saved = try String(contentsOfFile: path, encoding: .utf8)
        #expect(
            saved.contains("kpi: ROI reviews booked per quarter")
                && saved.contains("kpi: Registrations that become MQLs"))
    }

    @Test("at a terminal, save offers to reload and re-apply; after it, save writes both sides' changes")
    func saveOffers() throws {
        let path = try copyOfExample()
        let output = BufferedOutput()
        let session = testSession(output: output)
        let reader = ScriptedLineReader(["y", "save"], sourceName: "-c", interactive: true)
        let shell = Shell(session: session, reader: reader)
        try session.open(path)
        _ = shell.runLine("activity edit close-webinar --kpi 'Registrations that become MQLs'", number: 1)
        try changeElsewhere(path)
        #expect(shell.runLine("save", number: 2) == .succeeded)
        #expect(
            reader.prompts.last
                == "acme.yaml changed on disk since it was opened. Read it again and re-apply your 1 change on top? [y/N] "
        )
        #expect(output.standardOutput.contains("read acme.yaml again and re-applied 1 of 1 change"))
        #expect(shell.runLine("save", number: 3) == .succeeded)
        let saved = try String(contentsOfFile: path, encoding: .utf8)
        #expect(
            saved.contains("kpi: ROI reviews booked per quarter")
                && saved.contains("kpi: Registrations that become MQLs"))
    }
}
