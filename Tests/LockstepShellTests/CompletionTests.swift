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
