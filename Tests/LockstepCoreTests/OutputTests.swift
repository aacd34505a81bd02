import LockstepCore
import Testing

@Suite("Rendering listings")
struct OutputTests {
    let listing = Table(columns: [Table.Column("stage"), Table.Column("name"), Table.Column("activities", alignment: .right)],
                      rows: [["discovery", "Discovery, first calls", 3], ["proposal", "Proposal \"final\"", .empty]])

    @Test("a table aligns columns and right-aligns numbers")
    func alignedTable() {
        #expect(listing.rendered(as: .table) == """
            stage      name                    activities
            ─────────  ──────────────────────  ──────────
            discovery  Discovery, first calls           3
            proposal   Proposal "final"

            """)
    }

    @Test("a table shortens its widest text column to fit the terminal, never the numbers")
    func fitsWidth() {
        let text = listing.rendered(as: .table, options: RenderOptions(width: 36))
        for line in text.split(separator: "\n") { #expect(line.count <= 36, "\(line)") }
        #expect(text.contains("Discovery, f…"))
        #expect(text.contains("         3"))
    }

    @Test("csv quotes commas and quotes (RFC 4180)")
    func csv() {
        #expect(listing.rendered(as: .csv) == "stage,name,activities\r\ndiscovery,\"Discovery, first calls\",3\r\nproposal,\"Proposal \"\"final\"\"\",\r\n")
    }

    @Test("json keeps column order and numbers as numbers")
    func json() {
        #expect(listing.rendered(as: .json) == """
            [
              {"stage": "discovery", "name": "Discovery, first calls", "activities": 3},
              {"stage": "proposal", "name": "Proposal \\"final\\"", "activities": null}
            ]

            """)
    }

    @Test("markdown escapes pipes and marks numeric columns right-aligned")
    func markdown() {
        let piped = Table(columns: [Table.Column("a"), Table.Column("n", alignment: .right)], rows: [["x | y", 2]])
        #expect(piped.rendered(as: .markdown) == "| a | n |\n| --- | ---: |\n| x \\| y | 2 |\n")
    }

    @Test("an empty listing says so in a table and is an empty array in json")
    func empty() {
        let none = Table(["id"], rows: [])
        #expect(none.rendered(as: .table) == "(none)\n")
        #expect(none.rendered(as: .json) == "[]\n")
    }
}

@Suite("Command lines")
struct CommandLineTests {
    @Test("statements split on ';' outside quotes")
    func statements() {
        #expect(CommandLineSyntax.statements("open a.yaml; list stages ;; help \"a;b\"") == ["open a.yaml", " list stages ", " help \"a;b\""])
    }

    @Test("words honour quotes, backslashes and comments")
    func words() throws {
        let words = try CommandLineSyntax.words("new \"my file.yaml\" --name 'Acme Inc' a\\ b # comment")
        #expect(words.map(\.text) == ["new", "my file.yaml", "--name", "Acme Inc", "a b"])
    }

    @Test("an unclosed quote is a usage error naming the column")
    func unclosed() {
        #expect(throws: CommandError.usage("unclosed quote \" at column 6", fix: "close the quote, or put a backslash before it")) {
            try CommandLineSyntax.words("save \"x.yaml")
        }
    }

    @Test("options are parsed against the spec, with did-you-mean for unknown ones")
    func options() throws {
        let spec = CommandSpec("save", summary: "", arguments: [ArgumentSpec("FILE", optional: true)],
                               options: [OptionSpec("--force", summary: ""), OptionSpec("--name", value: "NAME", summary: "")])
        let line = "save out.yaml --name=Acme --force"
        let invocation = try Invocation(spec: spec, words: CommandLineSyntax.words(line), line: line)
        #expect(invocation.arguments == ["out.yaml"])
        #expect(invocation.option("--name") == "Acme")
        #expect(invocation.flag("--force"))
        #expect(throws: CommandError.usage("save: unknown option '--forse' (did you mean '--force'?)", fix: "see 'help save'")) {
            try Invocation(spec: spec, words: CommandLineSyntax.words("save --forse"), line: "save --forse")
        }
        #expect(throws: CommandError.usage("save: unexpected argument 'b'", fix: "usage: save [FILE] [--force] [--name NAME]")) {
            try Invocation(spec: spec, words: CommandLineSyntax.words("save a b"), line: "save a b")
        }
    }
}

@Suite("Small values")
struct ValueTests {
    @Test("did-you-mean finds typos and stays quiet for unrelated words", arguments: [
        ("coverge", "coverage"), ("stages", "stages"), ("sttages", "stages"), ("marketng", "marketing"), ("xyz", nil),
    ] as [(String, String?)])
    func suggestion(word: String, expected: String?) {
        #expect(Suggestion.closest(to: word, in: ["coverage", "stages", "marketing", "help"]) == expected)
    }

    @Test("ids are lower-case words joined by single hyphens", arguments: [
        ("new-business", true), ("roi-calculator", true), ("a1", true), ("New", false), ("a--b", false), ("-a", false),
        ("a-", false), ("", false), ("a b", false), ("a_b", false),
    ])
    func identifiers(id: String, valid: Bool) {
        #expect(Identifier.isValid(id) == valid)
    }

    @Test("dates parse, print and count days like a calendar")
    func days() throws {
        let day = try #require(Day(iso: "2024-02-29"))
        #expect(day.description == "2024-02-29")
        #expect(Day(iso: "2023-02-29") == nil)
        #expect(Day(iso: "2026-13-01") == nil)
        #expect(Day(iso: "2026-6-1") == nil)
        let march = try #require(Day(iso: "2026-03-01")), february = try #require(Day(iso: "2026-02-01"))
        #expect(march.daysSinceEpoch - february.daysSinceEpoch == 28)
        #expect(Day(iso: "1970-01-01")?.daysSinceEpoch == 0)
    }

    @Test("durations read hours, days, weeks and minutes", arguments: [("48h", 172_800), ("2d", 172_800), ("2w", 1_209_600), ("30m", 1_800)])
    func durations(text: String, seconds: Int) {
        #expect(WorkbookDuration(text)?.seconds == seconds)
    }

    @Test("bad durations are refused", arguments: ["", "h", "2", "2y", "-1d", "1.5h", "9999999999999999w"])
    func badDurations(text: String) {
        #expect(WorkbookDuration(text) == nil)
    }
}
