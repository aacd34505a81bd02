import CYAML

/// Reads one YAML document into `YAMLNode`s straight from libyaml's events.
///
/// Written against libyaml's event API rather than a YAML library's generic tree: the tree
/// here is plain structs with positions, which is all the workbook decoders need, and it
/// avoids building a second, heavier tree first (see issue notes on large workbooks).
public enum YAMLReader {
    /// The largest number of nodes aliases may copy, so `*a` bombs fail fast instead of eating memory.
    static let aliasExpansionLimit = 100_000
    /// Workbooks nest a handful of levels; a limit keeps hostile input from exhausting the stack
    /// (releasing a very deep tree recurses once per level).
    static let depthLimit = 64

    /// Parses `bytes`; nil when they hold no document at all (empty, or only comments).
    public static func parse(_ bytes: [UInt8], file: String) throws(WorkbookError) -> YAMLNode? {
        if bytes.isEmpty { return nil }
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else {
            throw .unreadable(file: file, reason: "out of memory")
        }
        defer { yaml_parser_delete(&parser) }
        var builder = TreeBuilder(file: file)
        let outcome: Result<YAMLNode?, WorkbookError> = bytes.withUnsafeBufferPointer { buffer in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var event = yaml_event_t()
            while true {
                guard yaml_parser_parse(&parser, &event) == 1 else {
                    return .failure(syntaxError(parser, bytes: bytes, file: file))
                }
                defer { yaml_event_delete(&event) }
                do throws(WorkbookError) {
                    if try builder.consume(event) { return .success(builder.root) }
                } catch {
                    return .failure(error)
                }
            }
        }
        return try outcome.get()
    }

    private static func syntaxError(_ parser: yaml_parser_t, bytes: [UInt8], file: String) -> WorkbookError {
        if parser.error == YAML_READER_ERROR {
            let offset = min(parser.problem_offset, bytes.count - 1)
            return .notText(location(ofOffset: offset, in: bytes, file: file), byte: bytes[max(0, offset)])
        }
        let problem = parser.problem.map { String(cString: $0) } ?? "unreadable YAML"
        var context: String?
        if let text = parser.context.map({ String(cString: $0) }) {
            context = "\(text) (started at line \(parser.context_mark.line + 1), column \(parser.context_mark.column + 1))"
        }
        let at = SourceLocation(file: file, line: parser.problem_mark.line + 1, column: parser.problem_mark.column + 1)
        return .syntax(at, problem: problem, context: context)
    }

    /// Line and column (in characters) of a byte offset, for errors libyaml reports by offset.
    static func location(ofOffset offset: Int, in bytes: [UInt8], file: String) -> SourceLocation {
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

/// Assembles nodes from the event stream with an explicit stack (no recursion on deep input).
private struct TreeBuilder {
    /// An open collection; children are appended in place so no array is ever copied.
    struct Frame {
        var header: YAMLNode
        var isMapping: Bool
        var items: [YAMLNode] = []
        var entries: [YAMLNode.Entry] = []
        var pendingKey: YAMLNode?
        var anchor: String?
    }

    let file: String
    var stack: [Frame] = []
    var root: YAMLNode?
    var anchors: [String: YAMLNode] = [:]
    var documents = 0
    var aliasedNodes = 0

    init(file: String) { self.file = file }

    /// Takes one event; true when the stream has ended.
    mutating func consume(_ event: yaml_event_t) throws(WorkbookError) -> Bool {
        let line = event.start_mark.line + 1, column = event.start_mark.column + 1
        switch event.type {
        case YAML_STREAM_END_EVENT:
            return true
        case YAML_DOCUMENT_START_EVENT:
            documents += 1
            if documents > 1 { throw .secondDocument(SourceLocation(file: file, line: line, column: column)) }
        case YAML_SCALAR_EVENT:
            let scalar = event.data.scalar
            let text = String(decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self)
            let node = YAMLNode(.scalar(text, quoted: scalar.style != YAML_PLAIN_SCALAR_STYLE), line: line, column: column)
            add(node, anchor: Self.string(scalar.anchor))
        case YAML_SEQUENCE_START_EVENT where stack.count >= YAMLReader.depthLimit,
             YAML_MAPPING_START_EVENT where stack.count >= YAMLReader.depthLimit:
            throw .syntax(SourceLocation(file: file, line: line, column: column),
                          problem: "lists and mappings nest more than \(YAMLReader.depthLimit) levels deep", context: nil)
        case YAML_SEQUENCE_START_EVENT:
            let start = event.data.sequence_start
            let style: YAMLNode.Style = start.style == YAML_FLOW_SEQUENCE_STYLE ? .flow : .block
            let header = YAMLNode(.sequence([]), line: line, column: column, style: style)
            stack.append(Frame(header: header, isMapping: false, anchor: Self.string(start.anchor)))
        case YAML_MAPPING_START_EVENT:
            let start = event.data.mapping_start
            let style: YAMLNode.Style = start.style == YAML_FLOW_MAPPING_STYLE ? .flow : .block
            let header = YAMLNode(.mapping([]), line: line, column: column, style: style)
            stack.append(Frame(header: header, isMapping: true, anchor: Self.string(start.anchor)))
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            let frame = stack.removeLast()
            var node = frame.header
            node.content = frame.isMapping ? .mapping(frame.entries) : .sequence(frame.items)
            add(node, anchor: frame.anchor)
        case YAML_ALIAS_EVENT:
            let name = Self.string(event.data.alias.anchor) ?? ""
            let at = SourceLocation(file: file, line: line, column: column)
            guard var node = anchors[name] else {
                throw .syntax(at, problem: "unknown alias '*\(name)'", context: nil)
            }
            aliasedNodes += node.nodeCount
            if aliasedNodes > YAMLReader.aliasExpansionLimit {
                throw .syntax(at, problem: "aliases expand to more than \(YAMLReader.aliasExpansionLimit) nodes", context: nil)
            }
            node.line = line
            node.column = column
            add(node, anchor: nil)
        default:
            break
        }
        return false
    }

    private mutating func add(_ node: YAMLNode, anchor: String?) {
        if let anchor { anchors[anchor] = node }
        guard !stack.isEmpty else {
            root = node
            return
        }
        let top = stack.count - 1
        if !stack[top].isMapping {
            stack[top].items.append(node)
        } else if let key = stack[top].pendingKey {
            stack[top].entries.append(YAMLNode.Entry(key: key, value: node))
            stack[top].pendingKey = nil
        } else {
            stack[top].pendingKey = node
        }
    }

    private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)) }
    }
}

extension YAMLNode {
    /// How many nodes this one holds, itself included.
    var nodeCount: Int {
        switch content {
        case .scalar: return 1
        case .sequence(let items): return items.reduce(1) { $0 + $1.nodeCount }
        case .mapping(let entries): return entries.reduce(1) { $0 + $1.key.nodeCount + $1.value.nodeCount }
        }
    }
}
