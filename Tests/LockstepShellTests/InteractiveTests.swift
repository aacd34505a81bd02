import Foundation
import Testing
import TestSupport
@testable import LockstepShell

@Suite("Interactive sessions")
struct InteractiveTests {
    @Test("the prompt names the workbook and marks unsaved changes")
    func prompt() {
        let result = runSession(["unload leads", "undo"], workbook: exampleWorkbook, interactive: true)
        #expect(result.prompts == ["acme.yaml> ", "acme.yaml*> ", "acme.yaml> "])
    }

    @Test("Ctrl-C discards the line and never exits")
    func interruptDoesNotExit() {
        let result = runSession(["\u{3}", "\u{3}", "list needs"], workbook: exampleWorkbook, interactive: true)
        #expect(result.code == 0)
        #expect(result.output.contains("slow-close"))
    }

    @Test("errors do not end an interactive session, and carry no line number")
    func errorsContinue() {
        let result = runSession(["lst needs", "list needs"], workbook: exampleWorkbook, interactive: true)
        #expect(result.code == 0)
        #expect(result.errors == "error: unknown command 'lst' (did you mean 'list'?)\n  fix: 'help' lists the commands\n")
        #expect(result.output.contains("slow-close"))
    }

    @Test("Ctrl-D with unsaved changes asks; cancel stays, no leaves without saving")
    func leavingAsks() throws {
        let path = try copyOfExample()
        let before = try String(contentsOfFile: path, encoding: .utf8)
        let result = runSession(["unload leads", "\u{4}", "c", "list needs", "\u{4}", "n"], workbook: path, interactive: true)
        #expect(result.prompts.filter { $0.contains("Save before leaving?") }.count == 2)
        #expect(result.output.contains("slow-close"))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == before)
    }

    @Test("answering yes when leaving saves the workbook")
    func leavingSaves() throws {
        let path = try copyOfExample()
        _ = runSession(["unload leads", "quit", "y"], workbook: path, interactive: true)
        let saved = try String(contentsOfFile: path, encoding: .utf8)
        #expect(!saved.contains("leads:"))
        #expect(saved.contains("plugins: [stages, marketing]"))
    }

    @Test("every change can be undone and redone")
    func undoRedo() {
        let result = runSession(["unload leads", "list lead-stages", "undo", "list lead-stages", "redo", "undo", "undo"],
                                workbook: exampleWorkbook, interactive: true)
        #expect(result.errors.contains("unknown kind 'lead-stages'"))
        #expect(result.output.contains("undid: unload leads"))
        #expect(result.output.contains("redid: unload leads"))
        #expect(result.output.contains("sql"))
        #expect(result.errors.hasSuffix("error: nothing to undo\n"))
    }

    @Test("loading a plugin loads what it needs; unloading one another needs is refused")
    func pluginDependencies() {
        let result = runSession(["unload marketing", "unload stages", "load stages", "load marketing", "plugins"], interactive: true)
        #expect(result.output.contains("unloaded marketing"))
        #expect(result.output.contains("unloaded stages"))
        #expect(result.output.contains("loaded stages"))
        let second = runSession(["unload marketing", "unload stages", "load marketing", "unload stages"], interactive: true)
        #expect(second.output.contains("loaded marketing and stages, which it needs"))
        #expect(second.errors.contains("error: marketing needs stages\n  fix: unload marketing first"))
    }

    @Test("help lists every command; help COMMAND shows usage, options and examples")
    func help() throws {
        let overview = runSession(["help"]).output
        #expect(try matchesGolden(overview, "help.txt"))
        let save = runSession(["help save"]).output
        #expect(try matchesGolden(save, "help-save.txt"))
        let unknown = runSession(["help sve"])
        #expect(unknown.errors == "-c:1: error: help: unknown command 'sve' (did you mean 'save'?)\n  fix: 'help' lists the commands\n")
    }
}
