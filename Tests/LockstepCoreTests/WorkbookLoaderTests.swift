import Foundation
import LockstepCore
import Testing

@Suite("Loading workbooks")
struct WorkbookLoaderTests {
    @Test("a valid workbook loads with its sections and items")
    func loadsValid() throws {
        let text = """
            lockstep: 1
            name: Library
            plugins: [shelves, labels]
            shelves:
              - id: fiction
                name: Fiction
                books: [dune, emma]
            labels:
              - id: classic
                book: emma
            """
        let workbook = try WorkbookLoader(registry: testRegistry).decode(Array(text.utf8), file: "test.yaml")
        #expect(workbook.name == "Library")
        #expect(workbook.plugins == ["shelves", "labels"])
        #expect(workbook.items(of: .book).map(\.id) == ["fiction/dune", "fiction/emma"])
    }

    @Test("every load error names file, line and column, quotes the value and says how to fix it", arguments: [
        ("", "test.yaml:1:1: error: the workbook is empty\n  fix: start the workbook with the line 'lockstep: 1', or create one with 'new FILE'"),
        ("# only a comment\n", "test.yaml:1:1: error: the workbook is empty\n  fix: start the workbook with the line 'lockstep: 1', or create one with 'new FILE'"),
        ("name: x\n", "test.yaml:1:1: error: the workbook does not say its format version\n  fix: add 'lockstep: 1' as the first line"),
        ("lockstep: 7\n", "test.yaml:1:11: error: unsupported format version '7'\n  fix: this Lockstep reads format 1: write 'lockstep: 1', or upgrade Lockstep for a newer format"),
        ("- a\n- b\n", "test.yaml:1:1: error: a workbook should be a mapping of sections starting with 'lockstep: 1', not a list\n  fix: write a mapping of sections starting with 'lockstep: 1' here"),
        ("lockstep: 1\nshelfs: []\n", "test.yaml:2:1: error: unknown key 'shelfs' in the workbook (did you mean 'shelves'?)\n  fix: rename it to 'shelves'"),
        ("lockstep: 1\nplugins: [shelvs]\n", "test.yaml:2:11: error: [WB003] unknown plugin 'shelvs' (did you mean 'shelves'?)\n  fix: write 'shelves'"),
        ("lockstep: 1\nplugins: [labels]\n", "test.yaml:2:11: error: plugin 'labels' needs plugin 'shelves', which this workbook does not load\n  fix: add 'shelves' to the workbook's 'plugins:' list"),
        ("lockstep: 1\nplugins: [shelves]\nlabels: []\n", "test.yaml:3:1: error: section 'labels' belongs to plugin 'labels', which this workbook does not load\n  fix: add 'labels' to the workbook's 'plugins:' list"),
        ("lockstep: 1\nshelves:\n  - id: a\n    height: tall\n", "test.yaml:4:13: error: height of shelf 'a' should be a whole number from 1 to 300, not 'tall'\n  fix: write a whole number from 1 to 300 here"),
        ("lockstep: 1\nshelves:\n  - id: a\n    name: [x]\n", "test.yaml:4:11: error: name of shelf 'a' should be text, not a list\n  fix: write text here"),
        ("lockstep: 1\nshelves:\n  - name: A\n", "test.yaml:3:5: error: shelf #1 has no 'id'\n  fix: add 'id: …'"),
        ("lockstep: 1\nshelves:\n  - id: Big Shelf\n", "test.yaml:3:9: error: id of shelf #1 'Big Shelf' is not a valid id\n  fix: ids are lower-case words joined by hyphens, e.g. 'big-shelf'"),
        ("lockstep: 1\nshelves:\n  - id: a\n  - id: a\n", "test.yaml:4:5: error: [WB002] duplicate shelf id 'a' (first defined at line 3)\n  fix: give one of them another id"),
        ("lockstep: 1\nshelves:\n  - id: a\n    nmae: x\n", "test.yaml:4:5: error: unknown key 'nmae' in shelf 'a' (did you mean 'name'?)\n  fix: rename it to 'name'"),
        ("lockstep: 1\nshelves:\n  - id: a\n    name: x\n    name: y\n", "test.yaml:5:5: error: key 'name' appears twice (first at line 4)\n  fix: keep one of the two"),
        ("lockstep: 1\nshelves:\n  - id: a\n    books: [dune]\nlabels:\n  - id: l\n    book: dnue\n", "test.yaml:7:11: error: [WB001] unknown book 'dnue' (did you mean 'dune'?)\n  fix: write 'dune'"),
        ("lockstep: 1\nshelves:\n  - id: a\n    books: [dune]\n  - id: b\n    books: [dune]\nlabels:\n  - id: l\n    book: dune\n",
         "test.yaml:9:11: error: [WB001] book 'dune' is ambiguous: it could be 'a/dune' or 'b/dune'\n  fix: write the full id, e.g. 'a/dune'"),
        ("lockstep: 1\nname: [unclosed\n", "test.yaml:3:1: error: YAML syntax error: did not find expected ',' or ']' while parsing a flow sequence (started at line 2, column 7)\n  fix: correct the YAML at this position (indentation, quotes, ':' after keys)"),
        ("lockstep: 1\n---\nlockstep: 1\n", "test.yaml:2:1: error: a second YAML document starts here ('---')\n  fix: keep one workbook per file: remove the '---' and what follows, or move it to its own file"),
        ("lockstep: 1\nname: \u{0}\n", "test.yaml:2:7: error: this is not a text file (byte 0x00)\n  fix: open the workbook's YAML file, not a binary or spreadsheet file"),
    ])
    func reportsErrors(text: String, expected: String) {
        #expect(loadErrors(text) == expected)
    }

    @Test("all problems are reported at once, in file order")
    func reportsAllErrors() {
        let errors = loadErrors("lockstep: 1\nshelves:\n  - id: a\n    nmae: x\n  - id: a\n    height: 0\n")
        #expect(errors.split(separator: "\n").filter { $0.contains("error:") }.count == 3)
        #expect(errors.range(of: ":4:5:")!.lowerBound < errors.range(of: ":5:5:")!.lowerBound)
    }

    @Test("without a plugins list, the plugins whose sections appear are loaded with their dependencies")
    func infersPlugins() throws {
        let workbook = try WorkbookLoader(registry: testRegistry).decode(Array("lockstep: 1\nlabels: []\n".utf8), file: "t.yaml")
        #expect(workbook.plugins == ["shelves", "labels"])
    }

    @Test("an alias reads as the value its anchor names, and an error in it is placed at the alias")
    func aliases() throws {
        let text = """
            lockstep: 1
            labels:
              - { id: first, book: fiction/dune }
              - { id: second, book: poetry/emma }
            shelves:
              - id: fiction
                books: &classics [dune, emma]
              - &poetry { id: poetry, books: *classics }
            """
        let workbook = try WorkbookLoader(registry: testRegistry).decode(Array(text.utf8), file: "test.yaml")
        #expect(workbook.items(of: .book).map(\.id) == ["fiction/dune", "fiction/emma", "poetry/dune", "poetry/emma"])
        #expect(loadErrors(text + "\n  - *poetry\n").hasPrefix("""
            test.yaml:9:5: error: [WB002] duplicate shelf id 'poetry' (first defined at line 8)
              fix: give one of them another id
            test.yaml:9:5: error: [WB002] duplicate book id 'poetry/dune' (first defined at line 8)
            """))
        #expect(loadErrors("lockstep: 1\nname: *nowhere\n").hasPrefix("test.yaml:2:7: error: YAML syntax error: unknown alias '*nowhere'"))
    }

    @Test("an alias bomb fails fast with a clear error instead of eating memory")
    func aliasBomb() {
        var text = "lockstep: 1\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...8 {
            let previous = "*a\(level - 1)"
            text += "a\(level): &a\(level) [\(Array(repeating: previous, count: 10).joined(separator: ", "))]\n"
        }
        #expect(loadErrors(text).contains("aliases expand to more than"))
    }
}
