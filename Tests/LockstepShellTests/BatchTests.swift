import Testing
import TestSupport

@Suite("Batch runs")
struct BatchTests {
    @Test("commands run in order against the opened workbook")
    func runsCommands() {
        let result = runSession(["list processes", "set format csv", "list personas"], workbook: exampleWorkbook)
        #expect(result.code == 0)
        #expect(result.errors == "")
        #expect(result.output.contains("new-business  New business"))
        #expect(result.output.hasSuffix("id,name\r\ncfo,Chief Financial Officer\r\ncontroller,Financial controller\r\nit-architect,IT architect\r\nfp-analyst,FP&A analyst\r\n"))
    }

    @Test("the first failing command stops the run; the message names the line and the exit code is the error's")
    func stopsAtFirstFailure() {
        let result = runSession(["list stages", "lsit personas", "list personas"], workbook: exampleWorkbook, sourceName: "audit.lks")
        #expect(result.code == 2)
        #expect(result.errors == "audit.lks:2: error: unknown command 'lsit' (did you mean 'list'?)\n  fix: 'help' lists the commands\n")
        #expect(!result.output.contains("Chief Financial Officer"))
    }

    @Test("a command that runs and fails exits 1")
    func failureExitsOne() {
        let result = runSession(["show nobody"], workbook: exampleWorkbook)
        #expect(result.code == 1)
        #expect(result.errors.hasPrefix("-c:1: error: show: no item has the id 'nobody'"))
    }

    @Test("--keep-going runs past failures and exits with the worst code")
    func keepGoing() {
        let result = runSession(["show nobody", "lsit", "list personas"], workbook: exampleWorkbook, keepGoing: true)
        #expect(result.code == 2)
        #expect(result.output.contains("Chief Financial Officer"))
        #expect(result.errors.contains("-c:1: error:"))
        #expect(result.errors.contains("-c:2: error:"))
    }

    @Test("status notes go to standard error in batch, so standard output holds only data")
    func notesOnStandardError() throws {
        let path = try copyOfExample()
        let result = runSession(["unload leads", "save"], workbook: path)
        #expect(result.code == 0)
        #expect(result.output == "")
        #expect(result.errors.contains("saved \(path)"))
    }

    @Test("every listing honours set format", arguments: [
        ("table", "id                name\n────────────────  ─────────────────────────────────────────"),
        ("csv", "id,name\r\nslow-close,Month-end close takes too long\r\n"),
        ("json", "[\n  {\"id\": \"slow-close\", \"name\": \"Month-end close takes too long\"},"),
        ("markdown", "| id | name |\n| --- | --- |\n| slow-close | Month-end close takes too long |"),
    ])
    func formats(format: String, expectedStart: String) {
        let result = runSession(["set format \(format)", "list needs"], workbook: exampleWorkbook)
        #expect(result.output.hasPrefix(expectedStart), "\(result.output)")
    }

    @Test("a bad setting value gets did-you-mean")
    func badFormat() {
        let result = runSession(["set format jsn"])
        #expect(result.errors == "-c:1: error: set format: unknown format 'jsn' (did you mean 'json'?)\n  fix: formats: table, csv, json, markdown\n")
    }

    @Test("opening a bad workbook reports every error with its position and exits 2")
    func badWorkbook() throws {
        let path = try temporaryFolder().appendingPathComponent("bad.yaml").path
        try "lockstep: 1\npersonas:\n  - id: cfo\n    role: economic-buyr\n".write(toFile: path, atomically: true, encoding: .utf8)
        let result = runSession(["list personas"], workbook: path)
        #expect(result.code == 2)
        #expect(result.errors == "\(path):4:11: error: role of persona 'cfo' is 'economic-buyr', which is not one of: economic-buyer, technical-buyer, user, champion, influencer, procurement\n  fix: did you mean 'economic-buyer'?\n")
    }
}
