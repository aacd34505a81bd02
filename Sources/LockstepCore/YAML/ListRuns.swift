/// A large workbook's longest list, cut into runs of items of about `every` bytes, so that the
/// list can be read and decoded a run at a time: the parsed text of the whole list, several
/// times the file's size, is then never held beside the model built from it.
///
/// The cuts come from the text's shape, as `SectionSplit`'s does, and are settled the same way:
/// a cut inside anything spanning lines leaves a run that libyaml rejects or reads as something
/// else than a list at the list's indentation, and the file is then read whole.
struct ListRuns: Sendable {
    /// 1-based line of the list's `key:` (at column 1), and of its first item.
    let keyLine: Int
    let firstItemLine: Int
    /// The column of the list's `- ` (0-based).
    let indent: Int
    /// Byte offsets: run `i` is `bounds[i]..<bounds[i + 1]`; the first bound is the first item's
    /// line, the last where the list ends.
    let bounds: [Int]
    /// Line breaks before each bound.
    let linesBefore: [Int]
    /// How far the line at the list's end is indented; nil when the list ends the text.
    let endIndent: Int?
    /// How many items the list holds, as its lines say: room is made for them once, rather
    /// than the section's storage growing (and copied) run after run.
    let items: Int

    var count: Int { bounds.count - 1 }

    /// The bytes of run `index` in the file.
    func range(_ index: Int) -> Range<Int> { bounds[index]..<bounds[index + 1] }

    init?(_ bytes: [UInt8], every: Int) {
        guard
            let (section, end, endLine, endIndent) = bytes.withUnsafeBufferPointer({
                SectionSplit.walk(in: $0, middle: $0.count / 2, every: every)
            }), !section.cuts.isEmpty
        else { return nil }
        keyLine = section.keyLine
        firstItemLine = section.firstItemLine
        indent = section.indent
        bounds = [section.firstItemStart] + section.cuts.map(\.offset) + [end]
        linesBefore = [section.firstItemLine - 1] + section.cuts.map { $0.line - 1 } + [endLine - 1]
        self.endIndent = endIndent
        items = section.itemLines
    }
}

extension YAMLReader {
    /// The file without the list's items, its key left with no value, the lines after the list
    /// numbered as in the file; nil when it does not read as that.
    static func readRest(_ bytes: [UInt8], runs: ListRuns, file: String) -> SourceNode? {
        let text = Array(bytes[..<runs.bounds[0]]) + bytes[runs.bounds[runs.count]...]
        guard case .success(var rest) = text.withUnsafeBufferPointer({ read($0, file: file) }),
            rest.anchors.isEmpty, rest.aliasedNodes == 0,
            let value = listValue(in: rest.records, runs: runs)
        else { return nil }
        // What follows the list must start exactly where the list did: were the list's end
        // misjudged, the text after it would have been read as part of something else.
        let after = value + 1
        if let endIndent = runs.endIndent {
            guard after < rest.records.count, rest.records[after].line == UInt32(runs.firstItemLine),
                rest.records[after].column == UInt32(endIndent + 1)
            else { return nil }
        } else if after != rest.records.count {
            return nil
        }
        let listLines = UInt32(runs.linesBefore[runs.count] - runs.linesBefore[0])
        for index in after..<rest.records.count { rest.records[index].line += listLines }
        return SourceDocument(records: rest.records, text: rest.text).root
    }

    /// Run `index` of the list, given its bytes (`runs.range(index)` of the file): a list whose
    /// items carry their lines in the whole file; nil when it does not read as a list at the
    /// list's indentation on its own.
    static func readRun(_ text: [UInt8], runs: ListRuns, index: Int, file: String) -> SourceNode? {
        let parsed = text.withUnsafeBufferPointer { read($0, file: file, depthOffset: 1) }
        guard case .success(var run) = parsed, run.anchors.isEmpty, run.aliasedNodes == 0, let root = run.records.first,
            root.kind == .sequence, root.line == 1, root.column == UInt32(runs.indent + 1),
            root.end == run.records.count
        else { return nil }
        let shift = UInt32(runs.linesBefore[index])
        for record in run.records.indices { run.records[record].line += shift }
        return SourceDocument(records: run.records, text: run.text).root
    }

    /// The position of the list key's value (an empty scalar, its items cut away) in the rest's
    /// records.
    private static func listValue(in records: [SourceDocument.Record], runs: ListRuns) -> Int? {
        guard let value = topLevelValue(onKeyLine: runs.keyLine, in: records),
            records[value].kind == .plainScalar, records[value].count == 0
        else { return nil }
        return value
    }
}
