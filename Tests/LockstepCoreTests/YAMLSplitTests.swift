@testable import LockstepCore
import Testing
import TestSupport

/// A large workbook's longest list is read in two halves at once; these tests hold the result to
/// a whole read of the same text, record for record, on texts built to trip the cut.
@Suite("Reading a large workbook in halves")
struct YAMLSplitTests {
    /// A workbook shaped like the large benchmark: a short head, a long list, a short tail.
    static func workbook(items: Int, indent: String = "  ", tail: String = "feedback:\n  - id: f1\n    note: fine\n") -> String {
        var text = "lockstep: 1\nname: Split test\npersonas:\n  - { id: cfo, role: economic-buyer }\nactivities:\n"
        for number in 1...items {
            text += """
                \(indent)- id: activity-\(number)
                \(indent)  name: "Activity \(number): a \\"quoted\\" name"
                \(indent)  stages: [discovery, proposal]
                \(indent)  kpi: leads per month  # a comment
                \(indent)  swot:
                \(indent)    strengths: |
                \(indent)      Two lines
                \(indent)      of text

                """
        }
        return text + tail
    }

    /// The text read with and without the split: identical records and text, or the same error.
    /// `cutFrom`: where the cut is looked for; `expectSplit`: whether the halves should be used.
    @discardableResult
    static func expectSameAsWholeRead(_ text: String, cutFrom: Int? = nil, expectSplit: Bool? = nil,
                                      sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Bool {
        let bytes = Array(text.utf8)
        let whole = Result { () throws(WorkbookError) in try YAMLReader.parse(bytes, file: "t.yaml", splitAbove: .max) }
        let halves = Result { () throws(WorkbookError) in try YAMLReader.parse(bytes, file: "t.yaml", splitAbove: 0) }
        switch (whole, halves) {
        case (.success(let one), .success(let two)):
            #expect(difference(one?.document, two?.document) == nil, sourceLocation: sourceLocation)
        case (.failure(let one), .failure(let two)):
            #expect(one == two, sourceLocation: sourceLocation)
        default:
            Issue.record("one read failed and the other did not: \(whole) / \(halves)", sourceLocation: sourceLocation)
        }
        let read = SectionSplit(bytes, cutFrom: cutFrom).flatMap { YAMLReader.readInHalves(bytes, at: $0, file: "t.yaml") }
        if let read, case .success(let one?) = whole {
            #expect(difference(one.document, read) == nil, sourceLocation: sourceLocation)
        }
        if let expectSplit {
            #expect((read != nil) == expectSplit, "read in halves: \(read != nil)", sourceLocation: sourceLocation)
        }
        return read != nil
    }

    /// Where two documents first differ, for a message short enough to read.
    static func difference(_ one: SourceDocument?, _ two: SourceDocument?) -> String? {
        guard let one, let two else { return one == nil && two == nil ? nil : "one document is missing" }
        if let index = zip(one.records.indices, two.records.indices).first(where: { one.records[$0.0] != two.records[$0.1] })?.0 {
            return "record \(index): \(one.records[index]) / \(two.records[index])"
        }
        if one.records.count != two.records.count { return "\(one.records.count) records / \(two.records.count)" }
        return one.text == two.text ? nil : "the text differs"
    }

    @Test("a large workbook is read in halves, and the document is the one a whole read makes")
    func splitMatchesWhole() {
        Self.expectSameAsWholeRead(Self.workbook(items: 400), expectSplit: true)
        Self.expectSameAsWholeRead(Self.workbook(items: 400, indent: ""), expectSplit: true)
        Self.expectSameAsWholeRead(Self.workbook(items: 400, tail: ""), expectSplit: true)
        Self.expectSameAsWholeRead(String(Self.workbook(items: 400, tail: "").dropLast()), expectSplit: true)
    }

    @Test("a cut that would land inside something spanning lines is caught, and the file read whole", arguments: [
        // A quoted string running over an item line at the list's indentation.
        ("  - id: tricky\n    name: \"starts here\n", "  - and goes on\"\n", false),
        // A bracketed list doing the same.
        ("  - id: tricky\n    stages: [a,\n", "  - b]\n", false),
        // An anchor in the second half named again after the list.
        ("", "  - id: anchored\n    kpi: &shared leads\n", false),
        // An anchor in the first half named after the list.
        ("  - id: anchored\n    kpi: &shared leads\n", "  - id: plain\n", false),
        // Lines the cut does not care about.
        ("", "  # a comment line\n\n  - id: plain\n", true),
        ("  - id: folded\n    name: >\n", "      - looks like an item\n      but is text\n", true),
    ])
    func trickyCuts(before: String, after: String, splits: Bool) {
        let text = Self.workbook(items: 200)
        let middle = text.utf8.index(text.utf8.startIndex, offsetBy: text.utf8.count / 2)
        let item = text[middle...].range(of: "\n  - id:")!.upperBound
        let lineStart = text.utf8.index(item, offsetBy: -7)
        var tricky = String(text[..<lineStart]) + before
        let cutFrom = tricky.utf8.count
        tricky += after + text[lineStart...]
        if (before + after).contains("&shared") { tricky += "summary: *shared\n" }
        Self.expectSameAsWholeRead(tricky, cutFrom: cutFrom, expectSplit: splits)
    }

    @Test("texts the cut cannot trust are read whole", arguments: ["\r", "\u{2028}", "\u{85}"])
    func otherLineBreaks(lineBreak: String) {
        let text = Self.workbook(items: 200).replacingOccurrences(of: "a comment", with: "a comment" + lineBreak)
        Self.expectSameAsWholeRead(text, expectSplit: false)
    }

    @Test("300 damaged workbooks read in halves match a whole read, record for record or error for error")
    func damagedWorkbooks() {
        var generator = SeededRandom(fallback: 20261124, label: "damaged workbooks")
        let base = Array(Self.workbook(items: 60).utf8)
        let damage: [[UInt8]] = ["\"", "'", "[", "]", "{", "\n", "\n  - ", "\n- ", "&a ", "*a", "|\n", "#", "\t", ": ", "---\n", "\n  "].map { Array($0.utf8) }
        var readInHalves = 0, readable = 0
        for _ in 0..<300 {
            let bytes = generator.damaged(base, with: damage)
            if Self.expectSameAsWholeRead(String(decoding: bytes, as: UTF8.self)) { readInHalves += 1 }
            if (try? YAMLReader.parse(bytes, file: "t.yaml", splitAbove: .max)) != nil { readable += 1 }
        }
        // Most damage lands away from the cut, so most readable texts must really have been read in halves.
        #expect(readInHalves > readable / 2, "read in halves: \(readInHalves) of \(readable) readable")
    }
}

extension String {
    fileprivate func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
