extension YAMLReprinter {
    /// A mapping's entries matched by key: changed values patched in place, new keys inserted
    /// after the key that precedes them, removed keys taken out with their comment lines.
    mutating func mapping(
        _ source: SourceNode, _ before: YAMLNode, _ after: YAMLNode, inFlow: Bool
    ) throws(NeedsReprint) {
        guard case .mapping(let old) = before.content, case .mapping(let new) = after.content,
            let sourceEntries = source.entries, let span = source.span, !sourceEntries.isEmpty, !new.isEmpty
        else { throw NeedsReprint() }
        if inFlow || span.style == .flow { return try flow(source, before, after) }
        var written: [String: (key: SourceNode, value: SourceNode)] = [:]
        for entry in sourceEntries {
            guard let name = entry.key.scalar, entry.key.span != nil, written[name] == nil else { throw NeedsReprint() }
            written[name] = entry
        }
        let indent = column(Int(sourceEntries[0].key.span!.start))
        var previous: Int?  // where the last entry kept in the file ends
        for entry in new {
            guard let name = entry.key.scalar else { throw NeedsReprint() }
            guard let (key, value) = written[name] else {
                let rendered = insert(entry, indent: indent, after: previous, first: sourceEntries[0])
                if depth == 0 {
                    pieces.append(Piece(key: name, expected: entry.value, isItem: false, text: Array(rendered.utf8)))
                }
                continue
            }
            let patchesBefore = patches.count
            section = name
            itemPieces = []
            if let oldValue = old.first(where: { $0.key.scalar == name })?.value, oldValue != entry.value {
                do {
                    try self.value(value, oldValue, entry.value, inFlow: false)
                } catch {
                    itemPieces = []
                    reprint(entry, key: key, value: value)
                }
            } else if !old.contains(where: { $0.key.scalar == name }) {
                // Written in the file, but not a value it was read as: write what is meant now.
                reprint(entry, key: key, value: value)
            }
            if depth == 0, patches.count > patchesBefore {
                try recordPieces(name, key: key, value: value, expected: entry.value)
            }
            previous = lineEnd(contentEnd(value))
        }
        for (name, (key, value)) in written
        where old.contains(where: { $0.key.scalar == name }) && !new.contains(where: { $0.key.scalar == name }) {
            let start = Int(key.span!.start)
            guard startsLine(start) else { throw NeedsReprint() }  // `- key:` leaves with its item
            patches.append(
                Patch(range: removal(commentsAbove(lineStart(start))..<lineEnd(contentEnd(value))), text: []))
        }
    }

    /// What a changed top-level entry must read as: each changed item of a list, or the whole entry.
    private mutating func recordPieces(
        _ name: String, key: SourceNode, value: SourceNode, expected: YAMLNode
    ) throws(NeedsReprint) {
        if !itemPieces.isEmpty {
            for item in itemPieces {
                guard let text = item.text.map({ Array($0.utf8) }) ?? item.lines.flatMap({ newText(of: $0, depth: 1) })
                else {
                    throw NeedsReprint()
                }
                pieces.append(Piece(key: name, expected: item.expected, isItem: true, text: text))
            }
            itemPieces = []
            return
        }
        guard let text = newText(of: lineStart(Int(key.span!.start))..<lineEnd(contentEnd(value)), depth: 0) else {
            throw NeedsReprint()
        }
        pieces.append(Piece(key: name, expected: expected, isItem: false, text: text))
    }

    /// A new entry, after the entry written before it, or ahead of the first one; returns its text.
    @discardableResult
    private mutating func insert(
        _ entry: YAMLNode.Entry, indent: Int, after previous: Int?,
        first: (key: SourceNode, value: SourceNode)
    ) -> String {
        var rendered = YAMLWriter.entryText(entry, indent: indent)
        // A new top-level section that spans lines gets the blank line the writer puts before one.
        if indent == 0, !YAMLWriter.fitsOnOneLine(entry.value) { rendered = "\n" + rendered }
        if let previous {
            insert(rendered, at: previous)
        } else {
            let start = Int(first.key.span!.start)
            if startsLine(start) {
                insert(rendered, at: commentsAbove(lineStart(start)))
            } else {
                // The first key shares its line with a list dash: the new key goes after it.
                insert(rendered, at: lineEnd(contentEnd(first.value)))
            }
        }
        return rendered
    }

    /// The entry written anew from its key to the end of its value's last line.
    private mutating func reprint(_ entry: YAMLNode.Entry, key: SourceNode, value: SourceNode) {
        let start = Int(key.span!.start)
        let rendered = YAMLWriter.entryText(entry, indent: column(start)).dropFirst(column(start))
        patches.append(Patch(range: start..<lineEnd(contentEnd(value)), text: Array(rendered.utf8)))
    }
}
