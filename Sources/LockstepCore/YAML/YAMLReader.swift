import CYAML

/// Reads one YAML document into a flat `SourceDocument` straight from libyaml's events.
///
/// Written against libyaml's event API rather than a YAML library's generic tree: records with
/// positions are all the workbook decoders need, and building a generic tree of objects first
/// costs several times the parse itself on a large workbook.
public enum YAMLReader {
    /// The largest number of nodes aliases may copy, so `*a` bombs fail fast instead of eating memory.
    static let aliasExpansionLimit = 100_000
    /// Workbooks nest a handful of levels; a limit keeps hostile input from exhausting the
    /// stack of a decoder that follows it down.
    static let depthLimit = 64

    /// Positions are kept in 32 bits: a workbook is far smaller than this.
    static let sizeLimit = Int(UInt32.max / 2)

    /// Parses `bytes`; nil when they hold no document at all (empty, or only comments).
    ///
    /// A file of `splitAbove` bytes or more has its longest list section cut in two and the
    /// halves read at once on two cores (see `SectionSplit`); the document is the same as one
    /// read whole, and any doubt about the cut falls back to reading it whole.
    public static func parse(
        _ bytes: [UInt8], file: String, splitAbove: Int = 1 << 20
    ) throws(WorkbookError) -> SourceNode? {
        if bytes.isEmpty { return nil }
        try refuseOtherKinds(bytes, file: file)
        if bytes.count >= splitAbove, ParallelParts.processorCount > 1, let split = SectionSplit(bytes),
            let document = readInHalves(bytes, at: split, file: file)
        {
            return document.root
        }
        let builder = try bytes.withUnsafeBufferPointer { read($0, file: file) }.get()
        return builder.records.isEmpty ? nil : SourceDocument(records: builder.records, text: builder.text).root
    }

    /// Refuses a file that is no YAML text at all, by what it is, before any of it is parsed.
    static func refuseOtherKinds(_ bytes: [UInt8], file: String) throws(WorkbookError) {
        if let kind = FileKind.container(bytes)?.what {
            throw .otherKind(
                file: file, what: kind,
                fix: "open the workbook's .yaml file; a spreadsheet of content comes in with "
                    + "'import activities FILE.csv' once saved as CSV")
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            throw .otherKind(
                file: file, what: "UTF-16 text", fix: "save the workbook as UTF-8 (iconv -f UTF-16 -t UTF-8)")
        }
        guard bytes.count < sizeLimit else {
            throw .unreadable(file: file, reason: "it is over \(sizeLimit / 1_000_000_000) GB, far beyond any workbook")
        }
    }

    /// Parses `bytes` whole, noting where each node was written, so a save can keep the text of
    /// every node it does not change. Nil when they hold no document.
    static func parseKeepingLayout(_ bytes: [UInt8], file: String) throws(WorkbookError) -> SourceNode? {
        if bytes.isEmpty || bytes.count >= sizeLimit { return nil }
        let builder = try bytes.withUnsafeBufferPointer { read($0, file: file, recordingSpans: true) }.get()
        return builder.records.isEmpty
            ? nil : SourceDocument(records: builder.records, text: builder.text, spans: builder.spans).root
    }

    /// The records of one YAML text, or why it could not be read. `capacity`: the bytes of the
    /// whole document the records will end up in; `depthOffset`: see `DocumentBuilder`.
    static func read(
        _ bytes: UnsafeBufferPointer<UInt8>, file: String, capacity: Int? = nil,
        depthOffset: Int = 0, recordingSpans: Bool = false
    ) -> Result<DocumentBuilder, WorkbookError> {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else {
            return .failure(.unreadable(file: file, reason: "out of memory"))
        }
        defer { yaml_parser_delete(&parser) }
        var builder = DocumentBuilder(
            file: file, expectedBytes: capacity ?? bytes.count, depthOffset: depthOffset,
            recordingSpansOf: recordingSpans ? bytes : nil)
        yaml_parser_set_input_string(&parser, bytes.baseAddress, bytes.count)
        var event = yaml_event_t()
        while true {
            guard yaml_parser_parse(&parser, &event) == 1 else {
                return .failure(syntaxError(parser, bytes: bytes, file: file))
            }
            defer { yaml_event_delete(&event) }
            do throws(WorkbookError) {
                if try builder.consume(event) { return .success(builder) }
            } catch {
                return .failure(error)
            }
        }
    }

    private static func syntaxError(
        _ parser: yaml_parser_t, bytes: UnsafeBufferPointer<UInt8>, file: String
    ) -> WorkbookError {
        if parser.error == YAML_READER_ERROR {
            // libyaml's offset for a bad byte can be off by its read-ahead: find the byte ourselves.
            // Whichever comes first: a byte that is not UTF-8, or a control character YAML refuses.
            let control = bytes.firstIndex { ($0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D) || $0 == 0x7F }
            if let bad = firstInvalidUTF8(bytes), bad < (control ?? .max) {
                return .notUTF8(location(ofOffset: bad, in: bytes, file: file), byte: bytes[bad])
            }
            let offset = control ?? min(parser.problem_offset, bytes.count - 1)
            return .notText(location(ofOffset: offset, in: bytes, file: file), byte: bytes[max(0, offset)])
        }
        let problem = parser.problem.map { String(cString: $0) } ?? "unreadable YAML"
        var context: String?
        if let text = parser.context.map({ String(cString: $0) }) {
            context =
                "\(text) (started at line \(parser.context_mark.line + 1), column \(parser.context_mark.column + 1))"
        }
        let at = SourceLocation(file: file, line: parser.problem_mark.line + 1, column: parser.problem_mark.column + 1)
        return .syntax(at, problem: problem, context: context)
    }

    /// The offset of the first byte that does not belong to a valid UTF-8 sequence.
    static func firstInvalidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            let length: Int
            switch lead {
            case 0x00...0x7F: index += 1; continue
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return index
            }
            guard index + length <= bytes.count else { return index }
            for next in 1..<length where bytes[index + next] & 0xC0 != 0x80 { return index }
            if (lead == 0xE0 && bytes[index + 1] < 0xA0) || (lead == 0xED && bytes[index + 1] > 0x9F)
                || (lead == 0xF0 && bytes[index + 1] < 0x90) || (lead == 0xF4 && bytes[index + 1] > 0x8F)
            {
                return index
            }
            index += length
        }
        return nil
    }

    /// Line and column (in characters) of a byte offset, for errors libyaml reports by offset.
    static func location(ofOffset offset: Int, in bytes: UnsafeBufferPointer<UInt8>, file: String) -> SourceLocation {
        var line = 1, column = 1
        for byte in bytes[..<max(0, offset)] {
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return SourceLocation(file: file, line: line, column: column)
    }
}
