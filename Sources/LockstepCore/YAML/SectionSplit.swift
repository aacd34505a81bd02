#if canImport(Glibc)
import Glibc
#endif

/// Where a large workbook's longest list section is cut in two, so that its second half can be
/// read on another core while the first core reads the rest of the file.
///
/// A workbook is mostly one long list (activities, say) of items that each start on a line of
/// their own with `- ` at the list's indentation. Cutting just before such a line leaves two texts
/// that are each valid YAML: the file without the list's second half, and that second half alone
/// (a list at the same indentation). The cut is only proposed from the text's shape; whether it was
/// sound is settled by reading both halves (see `YAMLReader.readInHalves`): a cut that falls
/// inside anything spanning lines (a quoted string, a `[...]` list) leaves a half ending inside it,
/// which libyaml rejects or reads differently, and the file is then read whole.
struct SectionSplit: Sendable {
    /// 1-based line of the section's key (`activities:`), at column 1, and of its first item.
    let keyLine: Int
    let firstItemLine: Int
    /// The column of the list's `- ` (0-based).
    let indent: Int
    /// Byte offsets: the second half of the list is `cut..<end`.
    let cut: Int
    let end: Int
    /// How far the line at `end` (what follows the list) is indented; nil at the end of the text.
    let endIndent: Int?
    /// Line breaks before the cut, and within the second half.
    let linesBeforeCut: Int
    let linesInHalf: Int

    /// The cut for `bytes`: at the first item past the middle of the file, in the top-level list
    /// that holds the middle. Nil when no list holds it, when the second half would be small, or
    /// when the text has line breaks other than `\n` (libyaml counts those as lines too, and the
    /// line numbers would drift).
    /// `cutFrom`: where to start looking for the item to cut at, instead of the middle (tests
    /// choose their cut with it).
    init?(_ bytes: [UInt8], cutFrom: Int? = nil) {
        guard let split = bytes.withUnsafeBufferPointer({ Self.find(in: $0, cutFrom: cutFrom ?? bytes.count / 2) })
        else { return nil }
        self = split
    }

    private init(
        keyLine: Int, firstItemLine: Int, indent: Int, cut: Int, end: Int, endIndent: Int?, linesBeforeCut: Int,
        linesInHalf: Int
    ) {
        self.keyLine = keyLine
        self.firstItemLine = firstItemLine
        self.indent = indent
        self.cut = cut
        self.end = end
        self.endIndent = endIndent
        self.linesBeforeCut = linesBeforeCut
        self.linesInHalf = linesInHalf
    }

    /// A top-level `key:` whose value may be a block list, while its lines are read.
    struct Section {
        var keyLine: Int
        var firstItemLine = 0
        var firstItemStart = 0
        var indent = -1
        /// Item lines cut at (byte offset, 1-based line), in order.
        var cuts: [(offset: Int, line: Int)] = []
        /// Whether an item of the list starts at or past the middle.
        var reachesMiddle = false
        /// Lines that start an item of the list: its length, unless an item line hides in a
        /// string spanning lines (then the reading falls back, see `ListRuns`).
        var itemLines = 0
    }

    /// The list section of `text` whose items reach `middle`, as its lines end it: the section,
    /// where the list ends (byte offset, its 1-based line, that line's indent; nil at the end of
    /// the text). Cuts are made at the first item at or past `middle`, or, with `every`, at the
    /// first item at least `every` bytes after the previous cut (the first item counts as one).
    static func walk(
        in text: UnsafeBufferPointer<UInt8>, middle: Int, every: Int? = nil
    )
        -> (section: Section, end: Int, endLine: Int, endIndent: Int?)?
    {
        guard let base = text.baseAddress, !hasOtherLineBreaks(text) else { return nil }
        var open: Section?
        var lineNumber = 0
        var start = 0
        func wanted(_ section: Section) -> Bool { every == nil ? !section.cuts.isEmpty : section.reachesMiddle }
        while start < text.count {
            lineNumber += 1
            let stop =
                memchr(base + start, Int32(newline), text.count - start).map {
                    UnsafePointer($0.assumingMemoryBound(to: UInt8.self)) - base
                } ?? text.count
            let line = UnsafeBufferPointer(rebasing: text[start..<stop])
            defer { start = stop + 1 }
            var indent = 0
            while indent < line.count, line[indent] == space { indent += 1 }
            if indent == line.count || line[indent] == hash { continue }  // blank, or a comment
            if line[indent] == tab { return nil }
            if var section = open {
                let item = isItem(line, at: indent)
                if section.indent < 0, item {
                    section.indent = indent
                    section.firstItemLine = lineNumber
                    section.firstItemStart = start
                    section.itemLines = 1
                    open = section
                    continue
                }
                if section.indent >= 0, indent > section.indent || (indent == section.indent && item) {
                    if item, indent == section.indent, lineNumber > section.firstItemLine {
                        section.itemLines += 1
                        if start >= middle { section.reachesMiddle = true }
                        if let every {
                            if start - (section.cuts.last?.offset ?? section.firstItemStart) >= every {
                                section.cuts.append((start, lineNumber))
                            }
                        } else if section.cuts.isEmpty, start >= middle {
                            section.cuts.append((start, lineNumber))
                        }
                        open = section
                    }
                    continue
                }
                if wanted(section) { return (section, start, lineNumber, indent) }
                open = nil
            }
            if indent == 0, isListKey(line) { open = Section(keyLine: lineNumber) }
        }
        guard let section = open, wanted(section) else { return nil }
        // The list runs to the end of the text: every line from the cut on ends in a break but
        // perhaps the last.
        let endsWithBreak = text.last == newline
        return (section, text.count, lineNumber + (endsWithBreak ? 1 : 0), nil)
    }

    private static func find(in text: UnsafeBufferPointer<UInt8>, cutFrom middle: Int) -> SectionSplit? {
        guard let (section, end, endLine, endIndent) = walk(in: text, middle: middle), let cut = section.cuts.first,
            end - cut.offset >= text.count / 8
        else { return nil }
        return SectionSplit(
            keyLine: section.keyLine, firstItemLine: section.firstItemLine, indent: section.indent, cut: cut.offset,
            end: end, endIndent: endIndent, linesBeforeCut: cut.line - 1, linesInHalf: endLine - cut.line)
    }

    /// `- ` (or a lone `-`) at `indent`.
    private static func isItem(_ line: UnsafeBufferPointer<UInt8>, at indent: Int) -> Bool {
        line[indent] == dash && (indent + 1 == line.count || line[indent + 1] == space)
    }

    /// `name:` alone on its line, the name in plain lower-case letters, digits, `_` and `-`.
    private static func isListKey(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        var body = line[...]
        while body.last == space { body = body.dropLast() }
        guard body.count > 1, body.last == colon else { return false }
        let name = body.dropLast()
        guard let first = name.first, (97...122).contains(first) else { return false }
        return name.allSatisfy { (97...122).contains($0) || (48...57).contains($0) || $0 == underscore || $0 == dash }
    }

    /// `\r`, NEL (C2 85), LINE SEPARATOR and PARAGRAPH SEPARATOR (E2 80 A8/A9).
    private static func hasOtherLineBreaks(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = text.baseAddress else { return false }
        if memchr(base, 0x0D, text.count) != nil { return true }
        for (lead, follows) in [
            (UInt8(0xC2), { (rest: UnsafeBufferPointer<UInt8>) in rest.first == 0x85 }),
            (
                UInt8(0xE2),
                { (rest: UnsafeBufferPointer<UInt8>) in rest.count > 1 && rest[0] == 0x80 && rest[1] & 0xFE == 0xA8 }
            ),
        ] {
            var offset = 0
            while offset < text.count, let found = memchr(base + offset, Int32(lead), text.count - offset) {
                let at = UnsafePointer(found.assumingMemoryBound(to: UInt8.self)) - base
                if follows(UnsafeBufferPointer(rebasing: text[(at + 1)...])) { return true }
                offset = at + 1
            }
        }
        return false
    }

    private static let newline = UInt8(ascii: "\n"), space = UInt8(ascii: " "), tab = UInt8(ascii: "\t")
    private static let hash = UInt8(ascii: "#"), dash = UInt8(ascii: "-"), colon = UInt8(ascii: ":")
    private static let underscore = UInt8(ascii: "_")
}
