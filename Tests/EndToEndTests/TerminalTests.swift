import Foundation
import Testing
import TestSupport

/// Drives the real binary in a pseudo-terminal through tmux: libedit's completion, history and Ctrl-C.
@Suite("In a real terminal", .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux"),
                                      "tmux is not installed (apt-get install tmux; 'make test' installs it)"))
struct TerminalTests {
    /// A tmux server of our own, so tests never touch a user's sessions.
    final class Terminal {
        let socket = "lockstep-test-\(UUID().uuidString.prefix(8))"
        let stateFolder: URL

        init(command: String) throws {
            stateFolder = FileManager.default.temporaryDirectory.appendingPathComponent(socket)
            try FileManager.default.createDirectory(at: stateFolder, withIntermediateDirectories: true)
            let shellCommand = "XDG_STATE_HOME=\(stateFolder.path) SOURCE_DATE_EPOCH=\(TestSupport.sourceDateEpoch) \(command); echo LOCKSTEP-EXITED-$?; sleep 60"
            try run("tmux", ["-L", socket, "new-session", "-d", "-s", "t", "-x", "110", "-y", "40", shellCommand])
        }

        deinit { _ = try? run("tmux", ["-L", socket, "kill-server"]) }

        func keys(_ keys: String...) throws {
            try run("tmux", ["-L", socket, "send-keys", "-t", "t"] + keys)
        }

        /// Types text literally (no key-name lookup).
        func type(_ text: String) throws {
            try run("tmux", ["-L", socket, "send-keys", "-t", "t", "-l", text])
        }

        func screen() throws -> String {
            try run("tmux", ["-L", socket, "capture-pane", "-t", "t", "-p"])
        }

        /// The screen with its colour and style escape sequences.
        func screenWithEscapes() throws -> String {
            try run("tmux", ["-L", socket, "capture-pane", "-t", "t", "-p", "-e"])
        }

        /// Waits until the screen satisfies `condition`, up to 10 seconds; returns the last screen.
        @discardableResult
        func waitFor(_ what: String, _ condition: (String) -> Bool) throws -> String {
            var screen = ""
            for _ in 0..<200 {
                screen = try self.screen()
                if condition(screen) { return screen }
                usleep(50_000)
            }
            Issue.record("timed out waiting for \(what); screen:\n\(screen)")
            return screen
        }

        /// The last line that starts with the prompt.
        func promptLine() throws -> String {
            try screen().split(separator: "\n").last { $0.hasPrefix("acme.yaml") }.map(String.init) ?? ""
        }
    }

    @Test("Tab completes a workbook id, Up recalls history, Ctrl-C discards the line without exiting, Ctrl-D leaves")
    func editing() throws {
        let terminal = try Terminal(command: "\(lockstepBinary) \(exampleWorkbook)")
        try terminal.waitFor("the prompt") { $0.contains("acme.yaml>") }

        try terminal.type("show roi-ca")
        try terminal.keys("Tab")
        try terminal.waitFor("completion of roi-calculator") { _ in (try? terminal.promptLine()) == "acme.yaml> show roi-calculator" }
        try terminal.keys("Enter")
        try terminal.waitFor("the activity") { $0.contains("activity roi-calculator: ROI calculator") }

        try terminal.type("list needs")
        try terminal.keys("Enter")
        try terminal.waitFor("the needs") { $0.contains("spreadsheet-risk") }
        try terminal.keys("Up")
        try terminal.waitFor("the recalled line") { _ in (try? terminal.promptLine()) == "acme.yaml> list needs" }
        try terminal.keys("C-u")

        try terminal.type("help sa")
        try terminal.keys("C-c")
        try terminal.type("list personas")
        try terminal.keys("Enter")
        let screen = try terminal.waitFor("the personas after Ctrl-C") { $0.contains("Chief Financial Officer") }
        #expect(!screen.contains("LOCKSTEP-EXITED"))
        #expect(!screen.contains("Save before leaving"))

        try terminal.keys("C-d")
        try terminal.waitFor("a clean exit") { $0.contains("LOCKSTEP-EXITED-0") }
        let history = try String(contentsOf: terminal.stateFolder.appendingPathComponent("lockstep/history"), encoding: .utf8)
        #expect(history == "show roi-calculator\nlist needs\nlist personas\n")
    }

    @Test("a workshop's key steps at the keyboard: edit completes ids, fields and values; a list element completes with no space")
    func workshopKeys() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lockstep-keys-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let workbook = folder.appendingPathComponent("acme.yaml").path
        try FileManager.default.copyItem(atPath: exampleWorkbook, toPath: workbook)
        let terminal = try Terminal(command: "\(lockstepBinary) \(workbook)")
        try terminal.waitFor("the prompt") { $0.contains("acme.yaml>") }
        try terminal.type("add persona cio \"Chief Information Officer\"")
        try terminal.keys("Enter")
        try terminal.waitFor("the new persona") { $0.contains("added persona cio") }
        try terminal.type("edit persona ci")
        try terminal.keys("Tab")
        try terminal.type("r")
        try terminal.keys("Tab")
        try terminal.type("tech")
        try terminal.keys("Tab")
        try terminal.waitFor("the completed edit") { _ in (try? terminal.promptLine()) == "acme.yaml*> edit persona cio role technical-buyer" }
        try terminal.keys("Enter")
        try terminal.waitFor("the role set") { $0.contains("persona cio: role set") }
        try terminal.type("activity map close-webinar --stage new-business/proposal,new-business/neg")
        try terminal.keys("Tab")
        // A comma typed straight after the completed element joins the list: no space came between.
        try terminal.type(",")
        try terminal.waitFor("the list element, no space after it") { _ in
            (try? terminal.promptLine()) == "acme.yaml*> activity map close-webinar --stage new-business/proposal,new-business/negotiation,"
        }
        try terminal.type("new-business/discovery --persona cio")
        try terminal.keys("Enter")
        try terminal.waitFor("the mapping") { $0.contains("stage new-business/negotiation, persona cio of close-webinar") }
        try terminal.type("save")
        try terminal.keys("Enter")
        try terminal.waitFor("the save") { $0.contains("saved") }
        try terminal.keys("C-d")
        try terminal.waitFor("a clean exit") { $0.contains("LOCKSTEP-EXITED-0") }
        let saved = try String(contentsOfFile: workbook, encoding: .utf8)
        #expect(saved.contains("  - id: cio\n    name: Chief Information Officer\n    role: technical-buyer"), "\(saved)")
    }

    @Test("a line pasted after a command that asks never answers its question, nor runs")
    func pastedLineIsNoAnswer() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lockstep-paste-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let workbook = folder.appendingPathComponent("acme.yaml").path
        try FileManager.default.copyItem(atPath: exampleWorkbook, toPath: workbook)
        let terminal = try Terminal(command: "\(lockstepBinary) \(workbook)")
        try terminal.waitFor("the prompt") { $0.contains("acme.yaml>") }
        // A real paste: both lines reach the terminal at once, before the question is asked; the
        // pasted "y" must not be taken as the answer.
        try run("tmux", ["-L", terminal.socket, "set-buffer", "stage remove new-business/discovery\ny\nlist needs\n"])
        try run("tmux", ["-L", terminal.socket, "paste-buffer", "-t", "t"])
        try terminal.waitFor("the question") { $0.contains("[y/N]") }
        usleep(300_000)
        #expect(!(try terminal.screen()).contains("removed"), "the pasted 'y' did not answer")
        try terminal.keys("n", "Enter")
        let screen = try terminal.waitFor("the refusal") { $0.contains("kept new-business/discovery") }
        #expect(!screen.contains("removed") && !screen.contains("spreadsheet-risk"))
        try terminal.keys("C-d")
        try terminal.waitFor("a clean exit") { $0.contains("LOCKSTEP-EXITED-0") }
    }

    @Test("history from an earlier session is there on Up, and a command typed in another shell is kept too")
    func sharedHistory() throws {
        let first = try Terminal(command: "\(lockstepBinary) \(exampleWorkbook)")
        try first.waitFor("the prompt") { $0.contains("acme.yaml>") }
        let second = try Terminal(command: "XDG_STATE_HOME=\(first.stateFolder.path) \(lockstepBinary) \(exampleWorkbook)")
        try second.waitFor("the second prompt") { $0.contains("acme.yaml>") }
        try first.type("list needs")
        try first.keys("Enter")
        try second.type("list personas")
        try second.keys("Enter")
        try first.waitFor("the first output") { $0.contains("spreadsheet-risk") }
        try second.waitFor("the second output") { $0.contains("Chief Financial Officer") }
        try first.keys("C-d")
        try second.keys("C-d")
        try first.waitFor("first exit") { $0.contains("LOCKSTEP-EXITED-0") }
        try second.waitFor("second exit") { $0.contains("LOCKSTEP-EXITED-0") }
        let history = try String(contentsOf: first.stateFolder.appendingPathComponent("lockstep/history"), encoding: .utf8)
        #expect(Set(history.split(separator: "\n")) == ["list needs", "list personas"])

        let third = try Terminal(command: "XDG_STATE_HOME=\(first.stateFolder.path) \(lockstepBinary) \(exampleWorkbook)")
        try third.waitFor("the prompt") { $0.contains("acme.yaml>") }
        try third.keys("Up")
        try third.waitFor("the last line of the earlier sessions") { _ in
            let line = (try? third.promptLine()) ?? ""
            return line == "acme.yaml> list personas" || line == "acme.yaml> list needs"
        }
    }

    @Test("the prompt and tables are coloured on a terminal, and not at all with NO_COLOR")
    func color() throws {
        // The test runner may itself run with NO_COLOR; the coloured case must not inherit it.
        let colored = try Terminal(command: "env -u NO_COLOR TERM=xterm-256color \(lockstepBinary) \(exampleWorkbook)")
        try colored.waitFor("the prompt") { $0.contains("acme.yaml>") }
        try colored.type("list needs")
        try colored.keys("Enter")
        try colored.waitFor("the needs") { $0.contains("spreadsheet-risk") }
        let coloredScreen = try colored.screenWithEscapes()
        #expect(coloredScreen.contains("\u{1B}["), "\(coloredScreen.debugDescription)")

        let plain = try Terminal(command: "NO_COLOR=1 \(lockstepBinary) \(exampleWorkbook)")
        try plain.waitFor("the prompt") { $0.contains("acme.yaml>") }
        try plain.type("list needs")
        try plain.keys("Enter")
        try plain.waitFor("the needs") { $0.contains("spreadsheet-risk") }
        #expect(!(try plain.screenWithEscapes().contains("\u{1B}[")))
    }

    @Test("lockstep tour in a terminal, from a folder outside the repository: a task done, a wrong try hinted, leaving and resuming")
    func tour() throws {
        let elsewhere = FileManager.default.temporaryDirectory.appendingPathComponent("lockstep-elsewhere-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        // env -C: the state folder and date the harness sets reach lockstep, run from the other folder.
        let terminal = try Terminal(command: "env -C \(elsewhere.path) \(lockstepBinary) tour")
        try terminal.waitFor("the first lesson") { $0.contains("[tour 1/6]") && $0.contains("brightlane.yaml>") }
        try terminal.type("coverage")
        try terminal.keys("Enter")
        try terminal.waitFor("what is missing") { $0.contains("not yet: the sales stages are still to be looked at") }
        try terminal.type("stages")
        try terminal.keys("Enter")
        try terminal.waitFor("the second lesson") { $0.contains("[tour 2/6]") && $0.contains("your turn: Find the gaps") }
        try terminal.keys("C-d")
        try terminal.waitFor("the shell to leave") { $0.contains("LOCKSTEP-EXITED-0") }
        // The folder the learner stood in holds nothing new: the copy is in the state folder.
        #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere.path).isEmpty)
        let again = try Terminal(command: "env -C \(elsewhere.path) XDG_STATE_HOME=\(terminal.stateFolder.path) \(lockstepBinary) tour")
        try again.waitFor("the tour resumed") { $0.contains("resumes at step 2 of 6") && $0.contains("[tour 2/6]") }
        try again.keys("C-d")
        try again.waitFor("the shell to leave") { $0.contains("LOCKSTEP-EXITED-0") }
    }

    @Test("a plugin that crashes during check, in a real terminal: the notice names it, and the shell goes on")
    func crashingPlugin() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lockstep-crash-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("crash-at-check.py").path,
                                                   withDestinationPath: repositoryRoot.appendingPathComponent("Tests/Support/faulty_plugin.py").path)
        let workbook = folder.appendingPathComponent("workbook.yaml").path
        try "lockstep: 1\nplugins: [stages, ./crash-at-check.py]\nprocesses:\n  - id: nb\n    stages: [{ id: discovery }]\n"
            .write(toFile: workbook, atomically: true, encoding: .utf8)
        let terminal = try Terminal(command: "\(lockstepBinary) \(workbook)")
        try terminal.waitFor("the prompt") { $0.contains("workbook.yaml>") }
        try terminal.type("check")
        try terminal.keys("Enter")
        try terminal.waitFor("the notice") { $0.contains("failed at check: it closed its output (it exited with status 3)") }
        try terminal.type("stages")
        try terminal.keys("Enter")
        try terminal.waitFor("the shell going on") { $0.contains("discovery") }
        try terminal.keys("C-d")
        try terminal.waitFor("the shell to leave") { $0.contains("LOCKSTEP-EXITED-0") }
    }

    /// Ten edits in a real terminal, then the session dies by `ending`; a new one on the file.
    func tenEditsThenLost(ending: (Terminal) throws -> Void) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lockstep-recover-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let workbook = folder.appendingPathComponent("acme.yaml").path
        try FileManager.default.copyItem(atPath: exampleWorkbook, toPath: workbook)
        let first = try Terminal(command: "\(lockstepBinary) \(workbook)")
        try first.waitFor("the prompt") { $0.contains("acme.yaml>") }
        for number in 1...10 {
            try first.type("stage edit new-business/discovery --probability \(10 + number)")
            try first.keys("Enter")
            try first.waitFor("edit \(number)") { $0.components(separatedBy: "changed probability of new-business/discovery").count > number }
        }
        try ending(first)
        let second = try Terminal(command: "XDG_STATE_HOME=\(first.stateFolder.path) \(lockstepBinary) \(workbook)")
        try second.waitFor("the offer") { $0.contains("[r]e-apply, [d]iscard or [s]how them?") }
        #expect(try second.screen().contains("10 unsaved changes to acme.yaml from a session that ended without saving"))
        try second.type("r")
        try second.keys("Enter")
        try second.waitFor("the changes re-applied") { $0.contains("re-applied 10 of 10 changes") }
        try second.type("undo")
        try second.keys("Enter")
        try second.waitFor("the last one undone") { $0.contains("undid: stage edit new-business/discovery") }
        try second.type("save")
        try second.keys("Enter")
        try second.waitFor("the save") { $0.contains("saved \(workbook)") }
        #expect(try String(contentsOfFile: workbook, encoding: .utf8).contains("probability: 19"))
    }

    @Test("ten edits, kill -9: the next start offers all ten and re-applies them")
    func recoverAfterKill() throws {
        try tenEditsThenLost { terminal in
            // The pane runs `sh -c "lockstep …; echo …"`: its child is the shell to kill.
            let pane = try run("tmux", ["-L", terminal.socket, "display-message", "-p", "-t", "t", "#{pane_pid}"])
            _ = try run("pkill", ["-KILL", "-P", pane.trimmingCharacters(in: .whitespacesAndNewlines)])
            try terminal.waitFor("the shell killed") { $0.contains("LOCKSTEP-EXITED-137") }
        }
    }

    @Test("ten edits, the terminal closed: the next start offers all ten and re-applies them")
    func recoverAfterHangUp() throws {
        try tenEditsThenLost { terminal in
            _ = try run("tmux", ["-L", terminal.socket, "kill-server"])
            usleep(300_000)
        }
    }
}
