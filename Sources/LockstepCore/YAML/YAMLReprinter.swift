/// Saves a changed document by changing only the text of what changed.
///
/// Three versions meet here: the file's text as read (with where each node was written), the
/// values that text meant when read (`before`), and the values to save (`after`). Only where
/// `before` and `after` differ is text written anew; every other byte — comments, blank lines,
/// quoting, flow or block style, indentation, keys the writer would have filled in — is copied.
/// Comparing `after` with `before` rather than with the text means defaults the writer adds
/// (a stage's name when the file left it out) are never taken for changes.
///
/// The approach of recast and ruamel.yaml's round trip: the nodes left alone keep their
/// original text. Where a change cannot be made in place (a key sharing its line with a list
/// dash, an alias), the smallest enclosing entry or item is written anew instead.
struct YAMLReprinter {
    /// A change to the original text: the bytes in `range` become `text`.
    struct Patch {
        var range: Range<Int>
        var text: [UInt8]
        /// How deep the change was made: tells text inserted at the end of an item's last line
        /// into the item from text inserted after it.
        var depth = 0
    }

    /// Thrown where a node cannot be changed in place; its entry or list item is written whole.
    struct NeedsReprint: Error {}

    /// A piece of the new text that must read as `expected`: a changed top-level entry, or one
    /// changed item of a top-level list. Checking the pieces proves a large file's save without
    /// reading the whole file back.
    struct Piece {
        var key: String
        /// The entry's value, or the item when `isItem`.
        var expected: YAMLNode
        var isItem: Bool
        var text: [UInt8]
    }

    let text: [UInt8]
    var patches: [Patch] = []
    /// How deep the node being changed lies: 0 the document, 1 a top-level value.
    var depth = 0
    /// The top-level key being changed, and the pieces changed so far.
    var section: String?
    var pieces: [Piece] = []
    /// Changed items of the current top-level list, by their old lines (or new text when inserted).
    var itemPieces: [(expected: YAMLNode, lines: Range<Int>?, text: String?)] = []

    init(text: [UInt8]) { self.text = text }

    /// The new text and the pieces of it that changed; nil when the document's top is not a
    /// mapping the reprinter can follow.
    static func reprint(
        _ text: [UInt8], root: SourceNode, before: YAMLNode, after: YAMLNode
    ) -> (bytes: [UInt8], pieces: [Piece])? {
        guard root.span?.style == .block, root.isMapping else { return nil }
        var reprinter = YAMLReprinter(text: text)
        do {
            try reprinter.mapping(root, before, after, inFlow: false)
        } catch {
            return nil
        }
        guard let bytes = reprinter.applied() else { return nil }
        return (bytes, reprinter.pieces)
    }

    /// The new text of old lines `lines`, a node at `depth`: the patches inside them applied,
    /// with text inserted after their last line only when made inside the node (deeper).
    func newText(of lines: Range<Int>, depth: Int) -> [UInt8]? {
        var inner = YAMLReprinter(text: text)
        inner.patches = patches.compactMap { patch in
            // A removal may take a blank line beyond the lines with it: only its part inside counts.
            if patch.text.isEmpty, patch.range.overlaps(lines) {
                return Patch(range: patch.range.clamped(to: lines), text: [], depth: patch.depth)
            }
            guard patch.range.lowerBound >= lines.lowerBound, patch.range.upperBound <= lines.upperBound else {
                return nil
            }
            guard patch.range.isEmpty else { return patch }
            let inside =
                patch.range.lowerBound == lines.upperBound
                ? patch.depth > depth : patch.range.lowerBound > lines.lowerBound
            return inside ? patch : nil
        }
        return inner.applied(to: lines)
    }

    /// The original text with every patch applied; nil if two patches overlap (never expected:
    /// the caller then writes the whole document anew rather than risk a wrong file).
    func applied(to slice: Range<Int>? = nil) -> [UInt8]? {
        let bounds = slice ?? 0..<text.count
        let sorted = patches.enumerated().sorted {
            ($0.element.range.lowerBound, $0.element.range.upperBound, $0.offset)
                < ($1.element.range.lowerBound, $1.element.range.upperBound, $1.offset)
        }.map(\.element)
        var out: [UInt8] = []
        out.reserveCapacity(bounds.count + sorted.reduce(0) { $0 + $1.text.count })
        var position = bounds.lowerBound
        for patch in sorted {
            guard patch.range.lowerBound >= position, patch.range.upperBound <= bounds.upperBound else { return nil }
            out.append(contentsOf: text[position..<patch.range.lowerBound])
            out.append(contentsOf: patch.text)
            position = patch.range.upperBound
        }
        out.append(contentsOf: text[position..<bounds.upperBound])
        return out
    }

    // MARK: - Values

    /// Changes the text of `source` (which read as `before`) so it reads as `after`.
    mutating func value(_ source: SourceNode, _ before: YAMLNode, _ after: YAMLNode, inFlow: Bool) throws(NeedsReprint)
    {
        if before == after { return }
        depth += 1
        defer { depth -= 1 }
        guard let span = source.span, span.style != .alias else { throw NeedsReprint() }
        switch (before.content, after.content) {
        case (.scalar, .scalar) where source.scalar != nil:
            let rendered = YAMLWriter.scalarText(after, like: span.style, inFlow: inFlow)
            patches.append(Patch(range: Int(span.start)..<contentEnd(source), text: Array(rendered.utf8)))
        case (.mapping, .mapping) where source.isMapping:
            try mapping(source, before, after, inFlow: inFlow)
        case (.sequence, .sequence) where source.isSequence:
            try sequence(source, before, after, inFlow: inFlow)
        default:
            throw NeedsReprint()
        }
    }

    /// A flow collection (`[a, b]`, `{ a: b }`) is written again on one line, keeping the text
    /// of the scalars that did not change; one that no longer fits on a line is written whole.
    mutating func flow(_ source: SourceNode, _ before: YAMLNode, _ after: YAMLNode) throws(NeedsReprint) {
        guard YAMLWriter.fitsOnOneLine(YAMLNode(after.content, style: .flow)), let span = source.span else {
            throw NeedsReprint()
        }
        let rendered: String
        switch (before.content, after.content) {
        case (.sequence(let old), .sequence(let items)):
            var kept: [YAMLNode: String] = [:]
            if let written = source.items, written.count == old.count {
                for (item, node) in zip(old, written) { kept[item] = originalText(node) }
            }
            rendered =
                "[" + items.map { kept[$0] ?? YAMLWriter.scalarText($0, inFlow: true) }.joined(separator: ", ") + "]"
        case (.mapping(let old), .mapping(let entries)):
            var kept: [String: (value: YAMLNode, text: String)] = [:]
            for (key, node) in source.entries ?? [] {
                guard let name = key.scalar, let value = old.first(where: { $0.key.scalar == name })?.value,
                    let original = originalText(node)
                else { continue }
                kept[name] = (value, original)
            }
            let body = entries.map { entry in
                let name = entry.key.scalar ?? ""
                let value = kept[name].flatMap { $0.value == entry.value ? $0.text : nil }
                return YAMLWriter.scalarText(entry.key, inFlow: true) + ": "
                    + (value ?? YAMLWriter.scalarText(entry.value, inFlow: true))
            }.joined(separator: ", ")
            let spaced = Int(span.start) + 1 < text.count && text[Int(span.start) + 1] == UInt8(ascii: " ")
            rendered = entries.isEmpty ? "{}" : spaced ? "{ " + body + " }" : "{" + body + "}"
        default:
            throw NeedsReprint()
        }
        patches.append(Patch(range: Int(span.start)..<Int(span.end), text: Array(rendered.utf8)))
    }

    /// The node's text as written in the file, when it is one line.
    func originalText(_ node: SourceNode) -> String? {
        guard let span = node.span, span.style != .alias, span.style != .literal, span.style != .folded else {
            return nil
        }
        let bytes = text[Int(span.start)..<contentEnd(node)]
        return bytes.contains(UInt8(ascii: "\n")) ? nil : String(decoding: bytes, as: UTF8.self)
    }

    // MARK: - Lines

    /// The byte after the node's last non-blank byte: a block scalar's span runs on over the
    /// line breaks after it.
    func contentEnd(_ node: SourceNode) -> Int {
        guard let span = node.span else { return 0 }
        var end = Int(span.end)
        while end > Int(span.start), [0x20, 0x0A, 0x0D, 0x09].contains(text[end - 1]) { end -= 1 }
        return end
    }

    /// The first byte of the line holding `offset`.
    func lineStart(_ offset: Int) -> Int {
        var start = offset
        while start > 0, text[start - 1] != UInt8(ascii: "\n") { start -= 1 }
        return start
    }

    /// The byte after the line break that ends the line holding `offset` (the text's end when
    /// its last line has none): what follows a node on its line, a comment, goes with it.
    func lineEnd(_ offset: Int) -> Int {
        var end = offset
        while end < text.count, text[end] != UInt8(ascii: "\n") { end += 1 }
        return min(end + 1, text.count)
    }

    /// True when only spaces stand before `offset` on its line.
    func startsLine(_ offset: Int) -> Bool {
        text[lineStart(offset)..<offset].allSatisfy { $0 == UInt8(ascii: " ") }
    }

    /// Where the whole-line comments directly above the line at `start` begin: they belong to
    /// what follows them, so they leave with it.
    func commentsAbove(_ start: Int) -> Int {
        var first = start
        while first > 0 {
            let previous = lineStart(first - 1)
            let line = text[previous..<(first - 1)].drop { $0 == UInt8(ascii: " ") }
            guard line.first == UInt8(ascii: "#") else { break }
            first = previous
        }
        return first
    }

    /// True when the line starting at `offset` holds nothing but spaces.
    func isBlankLine(_ offset: Int) -> Bool {
        guard offset < text.count else { return false }
        return text[offset..<lineEnd(offset)].allSatisfy {
            $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r")
        }
    }

    /// Lines to take out for a removed entry or item: with the blank line after them when one
    /// stands before them too (or nothing but their parent's key does), so no gap is left doubled.
    func removal(_ lines: Range<Int>) -> Range<Int> {
        if lines.upperBound == text.count, lines.lowerBound > 0, isBlankLine(lineStart(lines.lowerBound - 1)) {
            return lineStart(lines.lowerBound - 1)..<lines.upperBound  // the file ends here: no blank line left last
        }
        guard isBlankLine(lines.upperBound) else { return lines }
        let before = lines.lowerBound == 0 ? nil : lineStart(lines.lowerBound - 1)
        let previousIsBlank = before.map(isBlankLine) ?? true
        let previousOpens = before.map { text[$0..<(lines.lowerBound - 1)].last == UInt8(ascii: ":") } ?? true
        return previousIsBlank || previousOpens ? lines.lowerBound..<lineEnd(lines.upperBound) : lines
    }

    /// Spaces from the line's start to `offset`.
    func column(_ offset: Int) -> Int { offset - lineStart(offset) }

    /// Text to insert at `offset`, behind a line break when the file's last line has none.
    mutating func insert(_ rendered: String, at offset: Int) {
        let needsBreak = offset == text.count && offset > 0 && text[offset - 1] != UInt8(ascii: "\n")
        patches.append(
            Patch(range: offset..<offset, text: Array(((needsBreak ? "\n" : "") + rendered).utf8), depth: depth))
    }
}
