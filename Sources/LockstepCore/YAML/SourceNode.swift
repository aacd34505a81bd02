/// A YAML document as read from a file, stored flat: one record per node in document order
/// and one byte buffer for every scalar's text.
///
/// Why not a tree of nodes: a large workbook has half a million nodes, and a tree of structs
/// holding arrays and strings costs an allocation (and a free) for most of them. Here a whole
/// document is two arrays, a collection's children are the records that follow it, and a
/// scalar becomes a `String` only when a decoder asks for it.
public final class SourceDocument: Sendable {
    struct Record: Equatable {
        enum Kind: UInt8 {
            case plainScalar, quotedScalar, mapping, sequence
            var isScalar: Bool { self == .plainScalar || self == .quotedScalar }
        }
        var kind: Kind
        var line: UInt32
        var column: UInt32
        /// A scalar's first byte in `text`; unused for collections.
        var start: UInt32
        /// A scalar's length in bytes, or how many children a collection has (keys and values
        /// both count in a mapping).
        var count: UInt32
        /// The record after this node and everything inside it: its next sibling.
        var end: UInt32
    }

    let records: [Record]
    let text: [UInt8]
    /// Where each record's node was written; only a read for a save records them.
    let spans: [SourceSpan]?

    init(records: [Record], text: [UInt8], spans: [SourceSpan]? = nil) {
        self.records = records
        self.text = text
        self.spans = spans
    }

    /// Another object over the same records and text.
    func copy() -> SourceDocument { SourceDocument(records: records, text: text, spans: spans) }

    /// The document's top node.
    public var root: SourceNode { SourceNode(document: self, index: 0) }
}

/// One node of a `SourceDocument`: a scalar, a mapping or a list, and where it was written.
public struct SourceNode: Sendable {
    let document: SourceDocument
    let index: Int

    private var record: SourceDocument.Record { document.records[index] }

    /// Where the node was written, when the document was read for a save.
    var span: SourceSpan? { document.spans?[index] }

    /// 1-based line and column of the node's first character.
    public var line: Int { Int(record.line) }
    public var column: Int { Int(record.column) }

    public var isMapping: Bool { record.kind == .mapping }
    public var isSequence: Bool { record.kind == .sequence }
    /// True for a scalar written in quotes (or as a block scalar): never a number, flag or null.
    public var isQuoted: Bool { record.kind == .quotedScalar }

    /// The text of a scalar node, or nil for a collection.
    public var scalar: String? {
        let record = record
        guard record.kind.isScalar else { return nil }
        return document.text.withUnsafeBufferPointer { text in
            String(decoding: UnsafeBufferPointer(rebasing: text[Int(record.start)..<Int(record.start + record.count)]), as: UTF8.self)
        }
    }

    /// Whether this is a scalar reading exactly `expected`, compared without making a string:
    /// decoders ask this of every key they look up.
    public func hasText(_ expected: String) -> Bool {
        let record = record
        guard record.kind.isScalar, expected.utf8.count == Int(record.count) else { return false }
        let start = Int(record.start)
        return document.text.withUnsafeBufferPointer { text in
            let bytes = UnsafeBufferPointer(rebasing: text[start..<(start + Int(record.count))])
            return expected.utf8.withContiguousStorageIfAvailable { $0.elementsEqual(bytes) } ?? expected.utf8.elementsEqual(bytes)
        }
    }

    /// The position in `names` of the one this scalar reads, compared as bytes: how a mapping's
    /// keys are matched against the keys it may hold, so the lengths are compared first.
    public func position(in names: [String]) -> Int? {
        // A key of up to 15 bytes is a small string, made without allocating; two equal small
        // strings compare as two integers.
        guard let text = scalar else { return nil }
        let length = text.utf8.count
        return names.firstIndex { $0.utf8.count == length && $0 == text }
    }

    /// True for `~`, `null` and an empty plain scalar: YAML's ways of writing nothing.
    public var isNull: Bool {
        let record = record
        guard record.kind == .plainScalar else { return false }
        switch record.count {
        case 0: return true
        case 1: return hasText("~")
        case 4: return hasText("null") || hasText("Null") || hasText("NULL")
        default: return false
        }
    }

    /// A list's items in order; nil unless the node is a list.
    public var items: [SourceNode]? {
        guard isSequence else { return nil }
        var items: [SourceNode] = []
        items.reserveCapacity(Int(record.count))
        forEachChild { items.append($0) }
        return items
    }

    /// A mapping's keys and values in written order; nil unless the node is a mapping.
    public var entries: [(key: SourceNode, value: SourceNode)]? {
        guard isMapping else { return nil }
        var entries: [(key: SourceNode, value: SourceNode)] = []
        entries.reserveCapacity(Int(record.count) / 2)
        var key: SourceNode?
        forEachChild { child in
            if let pending = key {
                entries.append((pending, child))
                key = nil
            } else {
                key = child
            }
        }
        return entries
    }

    /// The children follow their parent; each child's `end` is where its next sibling starts.
    private func forEachChild(_ body: (SourceNode) -> Void) {
        let records = document.records
        var child = index + 1
        for _ in 0..<records[index].count {
            body(SourceNode(document: document, index: child))
            child = Int(records[child].end)
        }
    }

    /// How the node reads in an error message: a scalar quoted, a collection by its kind.
    public var quotedForMessage: String {
        switch record.kind {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .plainScalar, .quotedScalar:
            let text = scalar ?? ""
            let shown = text.count > 40 ? String(text.prefix(40)) + "…" : text
            return text.isEmpty ? "an empty value" : "'\(shown)'"
        }
    }
}
