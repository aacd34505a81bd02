import CYAML

/// Appends records to a flat document from the event stream, with an explicit stack of the
/// collections still open (no recursion on deep input).
struct DocumentBuilder {
    typealias Record = SourceDocument.Record

    let file: String
    var records: [Record] = []
    var text: [UInt8] = []
    /// Open collections, by their record's position.
    var open: [Int] = []
    /// Anchors of open collections, registered when they close (kept apart from `open`, which
    /// is read for every node and should not copy strings).
    var openAnchors: [Int: String] = [:]
    /// Anchored nodes by name: the position of their record once complete.
    var anchors: [String: Int] = [:]
    var documents = 0
    var aliasedNodes = 0
    /// How deep the text's top node sits in the whole document: 1 for the second half of a
    /// section's list (see `SectionSplit`), so the depth limit applies as in a whole read.
    let depthOffset: Int
    /// Where each record's node was written, one per record; nil unless a save asked for them
    /// (loading never needs them, so it never pays for them).
    var spans: [SourceSpan]?
    /// libyaml counts positions in characters; spans are in bytes.
    var offsets: CharacterOffsets?

    init(file: String, expectedBytes: Int, depthOffset: Int = 0, recordingSpansOf source: UnsafeBufferPointer<UInt8>? = nil) {
        self.file = file
        self.depthOffset = depthOffset
        if let source {
            spans = []
            offsets = CharacterOffsets(text: source)
        }
        // A workbook has roughly one node per ten bytes and a little less text than bytes.
        records.reserveCapacity(expectedBytes / 10)
        text.reserveCapacity(expectedBytes)
    }

    /// Takes one event; true when the stream has ended.
    mutating func consume(_ event: yaml_event_t) throws(WorkbookError) -> Bool {
        let line = UInt32(truncatingIfNeeded: event.start_mark.line + 1)
        let column = UInt32(truncatingIfNeeded: event.start_mark.column + 1)
        switch event.type {
        case YAML_STREAM_END_EVENT:
            return true
        case YAML_DOCUMENT_START_EVENT:
            documents += 1
            if documents > 1 { throw .secondDocument(location(line, column)) }
        case YAML_SCALAR_EVENT:
            let scalar = event.data.scalar
            let kind: Record.Kind = scalar.style == YAML_PLAIN_SCALAR_STYLE ? .plainScalar : .quotedScalar
            let start = UInt32(truncatingIfNeeded: text.count)
            text.append(contentsOf: UnsafeBufferPointer(start: scalar.value, count: scalar.length))
            add(Record(kind: kind, line: line, column: column, start: start, count: UInt32(truncatingIfNeeded: scalar.length),
                       end: UInt32(truncatingIfNeeded: records.count + 1)), anchor: Self.string(scalar.anchor))
            if spans != nil { record(span(event, style: SourceSpan.Style(scalar.style))) }
        case YAML_SEQUENCE_START_EVENT where open.count + depthOffset >= YAMLReader.depthLimit,
             YAML_MAPPING_START_EVENT where open.count + depthOffset >= YAMLReader.depthLimit:
            throw .syntax(location(line, column), problem: "lists and mappings nest more than \(YAMLReader.depthLimit) levels deep", context: nil)
        case YAML_SEQUENCE_START_EVENT:
            openCollection(.sequence, line: line, column: column, anchor: Self.string(event.data.sequence_start.anchor))
            if spans != nil { record(span(event, style: event.data.sequence_start.style == YAML_FLOW_SEQUENCE_STYLE ? .flow : .block)) }
        case YAML_MAPPING_START_EVENT:
            openCollection(.mapping, line: line, column: column, anchor: Self.string(event.data.mapping_start.anchor))
            if spans != nil { record(span(event, style: event.data.mapping_start.style == YAML_FLOW_MAPPING_STYLE ? .flow : .block)) }
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            let index = open.removeLast()
            records[index].end = UInt32(truncatingIfNeeded: records.count)
            if let anchor = openAnchors.removeValue(forKey: index) { anchors[anchor] = index }
            if spans != nil { closeSpan(index, event) }
        case YAML_ALIAS_EVENT:
            try copyAnchored(named: Self.string(event.data.alias.anchor) ?? "", line: line, column: column,
                             written: spans == nil ? nil : span(event, style: .alias))
        default:
            break
        }
        return false
    }

    private mutating func openCollection(_ kind: Record.Kind, line: UInt32, column: UInt32, anchor: String?) {
        countChild()
        if let anchor { openAnchors[records.count] = anchor }
        open.append(records.count)
        records.append(Record(kind: kind, line: line, column: column, start: 0, count: 0, end: 0))
    }

    private mutating func add(_ record: Record, anchor: String?) {
        countChild()
        if let anchor { anchors[anchor] = records.count }
        records.append(record)
    }

    private mutating func countChild() {
        if let parent = open.last { records[parent].count += 1 }
    }

    /// An alias stands for a copy of the anchored node, placed where the alias was written.
    private mutating func copyAnchored(named name: String, line: UInt32, column: UInt32, written: SourceSpan?) throws(WorkbookError) {
        guard let source = anchors[name] else {
            throw .syntax(location(line, column), problem: "unknown alias '*\(name)'", context: nil)
        }
        let copied = records[source..<Int(records[source].end)]
        aliasedNodes += copied.count
        if aliasedNodes > YAMLReader.aliasExpansionLimit {
            throw .syntax(location(line, column), problem: "aliases expand to more than \(YAMLReader.aliasExpansionLimit) nodes", context: nil)
        }
        countChild()
        let shift = Int64(records.count) - Int64(source)
        let first = records.count
        records.append(contentsOf: copied.map { record in
            var moved = record
            moved.end = UInt32(truncatingIfNeeded: Int64(record.end) + shift)
            return moved
        })
        records[first].line = line
        records[first].column = column
        // The copies' text lies at the anchor: a save may only replace the alias as a whole.
        if let written { spans!.append(contentsOf: repeatElement(written, count: copied.count)) }
    }

    private mutating func record(_ span: SourceSpan) { spans!.append(span) }

    private mutating func span(_ event: yaml_event_t, style: SourceSpan.Style) -> SourceSpan {
        let start = offsets!.byte(ofCharacter: Int(event.start_mark.index))
        let end = offsets!.byte(ofCharacter: Int(event.end_mark.index))
        return SourceSpan(start: UInt32(truncatingIfNeeded: start), end: UInt32(truncatingIfNeeded: end), style: style)
    }

    /// A flow collection ends after its bracket; a block one where its last node's text ends
    /// (libyaml places its end at the next token, past any comments and blank lines).
    private mutating func closeSpan(_ index: Int, _ event: yaml_event_t) {
        if spans![index].style == .flow {
            spans![index].end = UInt32(truncatingIfNeeded: offsets!.byte(ofCharacter: Int(event.end_mark.index)))
        } else {
            spans![index].end = spans![records.count - 1].end
        }
    }

    private func location(_ line: UInt32, _ column: UInt32) -> SourceLocation {
        SourceLocation(file: file, line: Int(line), column: Int(column))
    }

    private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)) }
    }
}
