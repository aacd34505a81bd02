extension YAMLReader {
    /// The document read as two texts at once (see `SectionSplit`): the file without the second
    /// half of its longest list, and that half alone. Their records are merged into exactly
    /// those a whole read makes. Nil, for a whole read instead, when either text cannot be read
    /// or the halves do not meet where the cut says they should.
    static func readInHalves(_ bytes: [UInt8], at split: SectionSplit, file: String) -> SourceDocument? {
        let (whole, half) = ParallelParts.pair(
            {
                let rest = Array(bytes[..<split.cut]) + bytes[split.end...]
                return rest.withUnsafeBufferPointer { read($0, file: file, capacity: bytes.count) }
            },
            {
                bytes.withUnsafeBufferPointer {
                    read(UnsafeBufferPointer(rebasing: $0[split.cut..<split.end]), file: file, depthOffset: 1)
                }
            })
        // Anchors in the half could be named again by aliases after it, which the other text
        // cannot see; and an alias copies records whose text lies elsewhere, which the merge
        // below does not follow. Such a file (rare in a workbook) is read whole.
        guard case .success(var rest) = consume whole, case .success(let list) = consume half,
            list.anchors.isEmpty, rest.aliasedNodes == 0
        else { return nil }
        return merge(list, into: &rest, at: split) ? SourceDocument(records: rest.records, text: rest.text) : nil
    }

    /// Puts the list's records into `rest`'s, where the list's first half ends; false when the
    /// two do not meet where the cut says they should.
    private static func merge(_ list: DocumentBuilder, into rest: inout DocumentBuilder, at split: SectionSplit) -> Bool
    {
        let column = UInt32(split.indent + 1)
        guard let listRoot = list.records.first, listRoot.kind == .sequence, listRoot.line == 1,
            listRoot.column == column,
            let position = listPosition(in: rest.records, split: split)
        else { return false }
        let insertAt = Int(rest.records[position].end)
        // What follows the list must start exactly where the line after the list does: were
        // the cut inside a quoted string or a bracketed list, the text after it would have
        // been read as part of that string or list.
        if let endIndent = split.endIndent {
            guard insertAt < rest.records.count, rest.records[insertAt].line == UInt32(split.linesBeforeCut + 1),
                rest.records[insertAt].column == UInt32(endIndent + 1)
            else { return false }
        } else if insertAt != rest.records.count {
            return false
        }
        // What comes after the list in the file (records and text) moves behind its second half,
        // so the records and text come out in the order a whole read gives them.
        let added = UInt32(list.records.count - 1)
        var after = Array(rest.records[insertAt...])
        rest.records.removeSubrange(insertAt...)
        let textAfter = after.first { $0.kind.isScalar }.map { Int($0.start) } ?? rest.text.count
        let movedText = Array(rest.text[textAfter...])
        rest.text.removeSubrange(textAfter...)
        for index in after.indices {
            after[index].end += added
            after[index].line += UInt32(split.linesInHalf)
            if after[index].kind.isScalar { after[index].start += UInt32(list.text.count) }
        }
        // The list and the collections holding it end later now.
        for index in 0...position where rest.records[index].end >= UInt32(insertAt) {
            rest.records[index].end += added
        }
        rest.records[position].count += listRoot.count
        let textShift = UInt32(textAfter), base = UInt32(insertAt) - 1, lineShift = UInt32(split.linesBeforeCut)
        rest.records.reserveCapacity(rest.records.count + list.records.count + after.count)
        for var record in list.records.dropFirst() {
            record.end += base
            record.line += lineShift
            if record.kind.isScalar { record.start += textShift }
            rest.records.append(record)
        }
        rest.records += after
        rest.text += list.text
        rest.text += movedText
        return true
    }

    /// The list's record in the first text: the value of the key on the split's key line,
    /// starting where the split says the list's first item does.
    private static func listPosition(in records: [SourceDocument.Record], split: SectionSplit) -> Int? {
        guard let value = topLevelValue(onKeyLine: split.keyLine, in: records) else { return nil }
        let list = records[value]
        guard list.kind == .sequence, list.line == UInt32(split.firstItemLine), list.column == UInt32(split.indent + 1)
        else { return nil }
        return value
    }

    /// The position of the value whose key starts line `keyLine` at column 1, in a document
    /// whose top node is a mapping: where a cut list's records are found again after a read.
    static func topLevelValue(onKeyLine keyLine: Int, in records: [SourceDocument.Record]) -> Int? {
        guard let root = records.first, root.kind == .mapping else { return nil }
        var child = 1
        for _ in 0..<(Int(root.count) / 2) {
            let key = records[child], value = Int(key.end)
            if key.line == UInt32(keyLine), key.column == 1 { return value }
            child = Int(records[value].end)
        }
        return nil
    }
}
