import Testing
import TestSupport
@testable import LockstepShell

@Suite("Tab completion")
struct CompletionTests {
    let session: Session = {
        let session = testSession()
        try? session.open(exampleWorkbook)
        return session
    }()

    func complete(_ typed: String) -> [String] { Completer(session: session).complete(typed).candidates }

    @Test("command names complete from their first letters")
    func commandNames() {
        #expect(complete("li") == ["list"])
        #expect(complete("u") == ["undo", "unload"])
        #expect(complete("").contains("help"))
    }

    @Test("a command's argument completes from the workbook's own ids")
    func ids() {
        #expect(complete("show roi") == ["roi-calculator", "roi-training"])
        #expect(complete("show new-business/n") == ["new-business/negotiation"])
        #expect(complete("show c").contains("cfo"))
    }

    @Test("settings, values, kinds, plugins and options complete in context")
    func context() {
        #expect(complete("set ") == ["csv-formulas", "format"])
        #expect(complete("set format j") == ["json"])
        #expect(complete("list pe") == ["personas"])
        #expect(complete("load m") == ["marketing"])
        #expect(complete("save --f") == ["--force"])
        #expect(complete("help sa") == ["save"])
    }

    @Test("completion works after a ';' on the same line")
    func afterSemicolon() {
        #expect(complete("list needs; sh") == ["show"])
    }

    @Test("file names complete from the folder typed so far")
    func files() {
        let folder = repositoryRoot.path + "/exam"
        #expect(complete("open \(folder)") == [repositoryRoot.path + "/examples/"])
        #expect(complete("open \(repositoryRoot.path)/examples/ac") == [repositoryRoot.path + "/examples/acme.yaml"])
    }
}

@Suite("Completion for every argument kind")
struct ArgumentCompletionTests {
    let session: Session = {
        let session = testSession()
        try? session.open(exampleWorkbook)
        return session
    }()

    func result(_ typed: String) -> CompletionResult { Completer(session: session).complete(typed) }
    func complete(_ typed: String) -> [String] { result(typed).candidates }

    @Test("rule codes after explain and waive")
    func ruleCodes() {
        #expect(complete("explain MK00") == ["MK001", "MK002", "MK003", "MK004", "MK005", "MK006", "MK007", "MK008", "MK009"])
        #expect(complete("waive ACM") == ["ACME001"])
    }

    @Test("after a comma in a list option, the next element; and no space after it")
    func listElements() {
        let stages = result("activity map close-webinar --stage new-business/proposal,new-business/ne")
        #expect(stages.candidates == ["new-business/proposal,new-business/negotiation"])
        #expect(!stages.endsWord)
        #expect(result("show cf").endsWord)
        #expect(complete("edit persona cfo needs slow-close,sp") == ["slow-close,spreadsheet-risk"])
    }

    @Test("edit completes kinds, the ids of the kind named, its fields and their values")
    func edit() {
        #expect(complete("edit pe") == ["persona"])
        #expect(complete("edit st").contains("strategy"))
        #expect(complete("edit persona c") == ["cfo", "controller"])
        #expect(complete("edit persona cfo r") == ["role"])
        #expect(complete("edit persona cfo role e") == ["economic-buyer"])
        #expect(complete("edit team ") == ["lead_gen_reps", "sale", "sales_reps"])
        #expect(complete("rename need s") == ["slow-close", "spreadsheet-risk"])
        #expect(complete("edit activity close-webinar reviewed t") == ["today"])
    }

    @Test("find completes where, then the kind's field names")
    func findFields() {
        #expect(complete("find personas w") == ["where"])
        #expect(complete("find personas where r") == ["role"])
        #expect(complete("find activities where k").contains("kind"))
    }
}
