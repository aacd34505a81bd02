/// Collects every problem found while decoding a workbook, so one load reports them all.
public final class DecodeContext {
    public let file: String
    public private(set) var errors: [WorkbookError] = []
    /// The file's number in `FileNames`, looked up once for the many locations made here.
    private let fileNumber: Int32

    public init(file: String) {
        self.file = file
        fileNumber = FileNames.number(of: file)
    }

    public func report(_ error: WorkbookError) { errors.append(error) }

    /// Items before those this context decodes, when a list is read a run at a time (see
    /// `ListRuns`): `decodeEach` numbers its items on from them.
    var itemsBefore = 0

    /// Takes on what a context that read part of the same file reported.
    func absorb(_ other: DecodeContext) {
        errors += other.errors
        warnings += other.warnings
    }

    /// Said to the user without stopping the load (a plugin that could not validate its section).
    public private(set) var warnings: [String] = []

    public func warn(_ message: String) { warnings.append(message) }

    /// Names given in lists (the stages, personas and needs an item refers to) repeat across
    /// thousands of items: each distinct one too long for Swift to keep inline is stored once.
    private var listedNames: Set<String> = []

    func shared(_ name: String) -> String {
        guard name.utf8.count > 15 else { return name }
        return listedNames.insert(name).memberAfterInsert
    }

    public func location(of node: SourceNode) -> SourceLocation {
        SourceLocation(fileNumber: fileNumber, line: node.line, column: node.column)
    }

    /// Reads `node` as a mapping allowed to hold `keys`; reports and returns nil otherwise.
    /// `what` names the mapping in messages; it is only worked out when there is an error.
    public func mapping(_ node: SourceNode, what: @autoclosure @escaping () -> String, keys: [String]) -> MappingReader?
    {
        guard let entries = node.entries else {
            report(
                .wrongType(
                    location(of: node), what: what(), expected: "a mapping of keys", found: node.quotedForMessage))
            return nil
        }
        // A workbook mapping has a handful of keys: a list searched in order beats hashing them.
        // Keys are compared as bytes: the allowed key's own string is kept, none is made.
        var values: [MappingReader.Value] = []
        values.reserveCapacity(entries.count)
        for entry in entries {
            guard let position = entry.key.position(in: keys) else {
                guard let text = entry.key.scalar else {
                    report(
                        .wrongType(
                            location(of: entry.key), what: "a key in \(what())", expected: "a plain name",
                            found: entry.key.quotedForMessage))
                    continue
                }
                report(
                    .unknownKey(
                        location(of: entry.key), key: text, what: what(),
                        suggestion: Suggestion.closest(to: text, in: keys)))
                continue
            }
            if let first = values.first(where: { $0.position == position }) {
                report(.duplicateKey(location(of: entry.key), key: keys[position], first: location(of: first.keyNode)))
                continue
            }
            values.append(
                MappingReader.Value(key: keys[position], position: position, node: entry.value, keyNode: entry.key))
        }
        return MappingReader(node: node, describe: what, values: values, context: self)
    }

    /// Reads one item of a list: named by its id in messages (`stage 'discovery'`), else by position.
    public func item(
        _ node: SourceNode, kind: String, number: Int, keys: [String],
        in parent: @autoclosure @escaping () -> String? = nil
    ) -> MappingReader? {
        mapping(
            node,
            what: {
                var name = "\(kind) #\(number)"
                if let id = node.entries?.first(where: { $0.key.hasText("id") })?.value.scalar, Identifier.isValid(id) {
                    name = "\(kind) '\(id)'"
                }
                return parent().map { "\(name) of \($0)" } ?? name
            }(), keys: keys)
    }

    /// Decodes each node of a list with `decode` (given the node, its 1-based number and the
    /// context to report to); a long list is split between the processor's cores. Problems are
    /// reported in the list's order, as one pass would report them.
    public func decodeEach<Value: Sendable>(
        _ nodes: [SourceNode],
        _ decode: @Sendable (SourceNode, Int, DecodeContext) -> Value?
    ) -> [Value] {
        guard !nodes.isEmpty else { return [] }
        let file = file, itemsBefore = itemsBefore
        var partErrors: [WorkbookError] = []
        // Each part decodes straight into its own slots of the one result, so a long list is never
        // held twice over (once in parts, once merged); an item that failed leaves its slot empty,
        // and the slots are closed up in place afterwards.
        let values = [Value](unsafeUninitializedCapacity: nodes.count) { buffer, initialized in
            let slots = Slots(base: buffer.baseAddress!)
            let parts = ParallelParts.map(nodes.count, minimumPerPart: 2_000) { range in
                let context = DecodeContext(file: file)
                var filled = [Bool](repeating: false, count: range.count)
                // Each part reads through its own document object (sharing the same storage): every
                // node handed around counts a reference to its document, and parts counting on one
                // object from several cores would queue for it.
                let document = nodes[range.lowerBound].document.copy()
                for index in range {
                    let node = SourceNode(document: document, index: nodes[index].index)
                    if let value = decode(node, itemsBefore + index + 1, context) {
                        (slots.base + index).initialize(to: value)
                        filled[index - range.lowerBound] = true
                    }
                }
                return (range: range, filled: filled, errors: context.errors)
            }
            var next = 0
            for part in parts {
                partErrors += part.errors
                for (offset, isFilled) in part.filled.enumerated() where isFilled {
                    let index = part.range.lowerBound + offset
                    if index != next { (slots.base + next).moveInitialize(from: slots.base + index, count: 1) }
                    next += 1
                }
            }
            initialized = next
        }
        errors += partErrors
        return values
    }

    /// Reads `node` as a list; `null` or nothing counts as empty.
    public func sequence(_ node: SourceNode?, what: @autoclosure () -> String) -> [SourceNode] {
        guard let node, !node.isNull else { return [] }
        guard let items = node.items else {
            report(.wrongType(location(of: node), what: what(), expected: "a list", found: node.quotedForMessage))
            return []
        }
        return items
    }
}

/// A value with the place it was read from, for references and later error messages.
public struct Located<Value: Sendable>: Sendable {
    public var value: Value
    public var location: SourceLocation?

    public init(_ value: Value, at location: SourceLocation?) {
        self.value = value
        self.location = location
    }
}

extension Located: Equatable where Value: Equatable {}

/// The result's storage as the parts of `decodeEach` write it: each part writes only the slots
/// of its own range, so sharing the pointer between threads is safe.
private struct Slots<Value>: @unchecked Sendable {
    let base: UnsafeMutablePointer<Value>
}
