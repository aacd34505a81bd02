import LockstepCore
import Testing
import TestSupport

@Suite("Writing YAML")
struct YAMLWriterTests {
    /// Strings that are easy to get wrong: each must read back exactly as written.
    static let trickyStrings = [
        "plain words", "true", "False", "yes", "no", "null", "~", "", " leading", "trailing ", "12", "-5", "3.14",
        "1e3", "0x1F", "2026-06-01", "12:30", "a: b", "a #b", "a#b", "#comment", "- item", "? key", ": value",
        "[list]", "{map}", "a, b", "quote \"inside\"", "it's", "back\\slash", "line\nbreak", "tab\there",
        "@at", "`tick", "!tag", "&anchor", "*alias", "%directive", "|pipe", ">fold", "ünïcödé", "emoji 🎯",
        "ends with colon:", "\u{7}bell", "CFO & CEO", "50%", "a\u{2028}b",
    ]

    @Test("strings round-trip through the writer and libyaml unchanged", arguments: trickyStrings)
    func roundTrip(text: String) throws {
        let node = YAMLNode.mapping([("key", .string(text)), ("list", .sequence([.string(text), .string("x")], style: .flow)),
                                     ("flow", .mapping([("k", .string(text))], style: .flow))])
        let written = YAMLWriter.write(node)
        let read = try #require(try YAMLReader.parse(Array(written.utf8), file: "t"))
        guard let entries = read.entries else {
            Issue.record("not a mapping: \(written)")
            return
        }
        #expect(entries[0].value.scalar == text, "written as: \(written)")
        guard let items = entries[1].value.items, let flow = entries[2].value.entries else {
            Issue.record("list or flow mapping lost: \(written)")
            return
        }
        #expect(items.first?.scalar == text)
        #expect(flow.first?.value.scalar == text)
    }

    @Test("random strings round-trip too")
    func randomRoundTrip() throws {
        var generator = SeededRandom(fallback: 42, label: "random strings")
        let alphabet = Array("ab :#-,[]{}\"'\\\n\t?!&*|>%@`~019.eE+_é🎯")
        for _ in 0..<2_000 {
            let length = Int(generator.next() % 12)
            let text = String((0..<length).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] })
            let written = YAMLWriter.write(.mapping([("k", .string(text))]))
            let read = try YAMLReader.parse(Array(written.utf8), file: "t")
            guard let entries = read?.entries else {
                Issue.record("unreadable output for \(text.debugDescription): \(written)")
                continue
            }
            #expect(entries.first?.value.scalar == text, "written as: \(written)")
        }
    }

    @Test("sequences of mappings are indented under their key, as the format's documentation writes them")
    func layout() {
        let node = YAMLNode.mapping([
            ("lockstep", .literal("1")),
            ("items", .sequence([.mapping([("id", .string("a")), ("tags", .sequence([.string("x"), .string("z")], style: .flow)),
                                           ("sub", .mapping([("k", .string("v"))]))])])),
        ])
        #expect(YAMLWriter.write(node) == """
            lockstep: 1

            items:
              - id: a
                tags: [x, z]
                sub:
                  k: v

            """)
    }
}
