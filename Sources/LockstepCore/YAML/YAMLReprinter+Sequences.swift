extension YAMLReprinter {
    /// A block list's items matched by their `id` (or their value), kept items patched in place,
    /// new ones inserted after the item that precedes them, removed ones taken out with their
    /// comment lines, and a moved item carried with its own text and comments.
    mutating func sequence(
        _ source: SourceNode, _ before: YAMLNode, _ after: YAMLNode, inFlow: Bool
    ) throws(NeedsReprint) {
        guard case .sequence(let old) = before.content, case .sequence(let new) = after.content,
            let items = source.items, let span = source.span, !items.isEmpty
        else { throw NeedsReprint() }
        if inFlow || span.style == .flow { return try flow(source, before, after) }
        // An emptied list is written `[]` by its entry; a miscount means the text is not the list read.
        guard items.count == old.count, !new.isEmpty else { throw NeedsReprint() }
        var dashes: [Int] = []
        for item in items {
            guard let dash = dash(before: item) else { throw NeedsReprint() }
            dashes.append(dash)
        }
        let indent = column(dashes[0])
        let spaced = spacedApart(items, dashes: dashes)
        let plan = try ItemPlan(old: old, new: new)
        // A top-level list's changed items are checked one by one (see `Piece`).
        let recording = depth == 1
        var changed: [(expected: YAMLNode, lines: Range<Int>?, text: String?)] = []
        defer { if recording { itemPieces = changed } }
        for (oldIndex, newIndex) in plan.kept where old[oldIndex] != new[newIndex] {
            if recording { changed.append((new[newIndex], block(items[oldIndex], dash: dashes[oldIndex]), nil)) }
            do {
                try value(items[oldIndex], old[oldIndex], new[newIndex], inFlow: false)
            } catch {
                let start = dashes[oldIndex]
                let rendered = YAMLWriter.itemText(new[newIndex], indent: indent).dropFirst(indent)
                patches.append(Patch(range: start..<lineEnd(contentEnd(items[oldIndex])), text: Array(rendered.utf8)))
            }
        }
        for oldIndex in plan.removed {
            guard startsLine(dashes[oldIndex]) else { throw NeedsReprint() }
            patches.append(Patch(range: removal(block(items[oldIndex], dash: dashes[oldIndex])), text: []))
        }
        for (newIndex, movedFrom) in plan.inserted {
            var rendered = YAMLWriter.itemText(new[newIndex], indent: indent)
            if let oldIndex = movedFrom {
                rendered =
                    moved(items[oldIndex], dash: dashes[oldIndex], from: old[oldIndex], to: new[newIndex]) ?? rendered
            }
            if recording { changed.append((new[newIndex], nil, rendered)) }
            // Items set apart by blank lines get one too.
            if let anchor = plan.keptBefore(newIndex) {
                insert((spaced ? "\n" : "") + rendered, at: lineEnd(contentEnd(items[anchor])))
            } else {
                guard startsLine(dashes[0]) else { throw NeedsReprint() }
                insert(rendered + (spaced ? "\n" : ""), at: commentsAbove(lineStart(dashes[0])))
            }
        }
    }

    /// An item's lines: the comment lines above it, its dash, through the end of its last line.
    private func block(_ item: SourceNode, dash: Int) -> Range<Int> {
        commentsAbove(lineStart(dash))..<lineEnd(contentEnd(item))
    }

    /// True when a blank line stands between each item and the next.
    private func spacedApart(_ items: [SourceNode], dashes: [Int]) -> Bool {
        guard items.count > 1 else { return false }
        return (1..<items.count).allSatisfy { index in
            isBlankLine(lineEnd(contentEnd(items[index - 1])))
                && lineEnd(contentEnd(items[index - 1])) < commentsAbove(lineStart(dashes[index]))
        }
    }

    /// A moved item's own text, with its changes made; nil to write it anew.
    private func moved(_ item: SourceNode, dash: Int, from before: YAMLNode, to after: YAMLNode) -> String? {
        let range = block(item, dash: dash)
        var inner = YAMLReprinter(text: text)
        guard (try? inner.value(item, before, after, inFlow: false)) != nil, var bytes = inner.applied(to: range) else {
            return nil
        }
        if bytes.last != UInt8(ascii: "\n") { bytes.append(UInt8(ascii: "\n")) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The dash of a block list item: only spaces and line breaks stand between it and the item.
    private func dash(before item: SourceNode) -> Int? {
        guard let span = item.span, span.style != .alias else { return nil }
        var offset = Int(span.start) - 1
        while offset >= 0, text[offset] == UInt8(ascii: " ") || text[offset] == UInt8(ascii: "\n") { offset -= 1 }
        return offset >= 0 && text[offset] == UInt8(ascii: "-") ? offset : nil
    }
}

/// Which items of a list stayed, left, arrived or moved between two versions of it.
struct ItemPlan {
    /// Old and new positions of items that stay where they were (changed or not), by new position.
    var kept: [(old: Int, new: Int)] = []
    var removed: [Int] = []
    /// New positions to insert at, each with the old position of an item that moved there.
    var inserted: [(new: Int, movedFrom: Int?)] = []
    private var keptOld: [Int?]

    /// Lists longer than this that cannot be matched by id are written whole: matching them by
    /// value takes time proportional to the product of their lengths.
    static let valueMatchLimit = 1_000_000

    init(old: [YAMLNode], new: [YAMLNode]) throws(YAMLReprinter.NeedsReprint) {
        // The usual save of a long list: the same items in the same order, a few changed.
        if old.count == new.count, zip(old, new).allSatisfy({ Self.sameIdentity($0, $1) }) {
            keptOld = Array(new.indices)
            kept = new.indices.map { ($0, $0) }
            return
        }
        keptOld = Array(repeating: nil, count: new.count)
        let matches = try Self.matches(old, new)
        // The longest run of matches in the same order stays; other matches moved.
        let staying = Set(Self.longestIncreasing(matches.map(\.old)).map { matches[$0].new })
        var movedFrom: [Int: Int] = [:]
        var matchedOld = Set<Int>()
        for match in matches {
            matchedOld.insert(match.old)
            if staying.contains(match.new) { keptOld[match.new] = match.old } else { movedFrom[match.new] = match.old }
        }
        // Between two items that stayed, unmatched old and new items pair up in order: an item
        // renamed or changed in its id is the same item, edited where it stands.
        var pendingOld = (0..<old.count).filter { !matchedOld.contains($0) }[...]
        var lastOld = -1
        for newIndex in new.indices {
            if let oldIndex = keptOld[newIndex] {
                lastOld = oldIndex
                continue
            }
            guard movedFrom[newIndex] == nil else { continue }
            let nextKept = keptOld[(newIndex + 1)...].lazy.compactMap { $0 }.first ?? old.count
            while let skipped = pendingOld.first, skipped <= lastOld { pendingOld.removeFirst() }
            if let candidate = pendingOld.first, candidate > lastOld, candidate < nextKept {
                pendingOld.removeFirst()
                keptOld[newIndex] = candidate
                lastOld = candidate
            }
        }
        for newIndex in new.indices {
            if let oldIndex = keptOld[newIndex] {
                kept.append((oldIndex, newIndex))
            } else {
                inserted.append((newIndex, movedFrom[newIndex]))
            }
        }
        let stayed = Set(kept.map(\.old))
        removed = old.indices.filter { !stayed.contains($0) }
    }

    /// The old position of the nearest item before `newIndex` that stayed.
    func keptBefore(_ newIndex: Int) -> Int? {
        keptOld[..<newIndex].lazy.reversed().compactMap { $0 }.first
    }

    /// Items matched by identity (their `id`, or the value of a scalar), else by equal value.
    private static func matches(
        _ old: [YAMLNode], _ new: [YAMLNode]
    ) throws(YAMLReprinter.NeedsReprint) -> [(old: Int, new: Int)] {
        let oldKeys = old.map(identity), newKeys = new.map(identity)
        if let oldUnique = unique(oldKeys), unique(newKeys) != nil {
            return newKeys.enumerated().compactMap { newIndex, key in oldUnique[key!].map { ($0, newIndex) } }
        }
        guard old.count * new.count <= valueMatchLimit else { throw YAMLReprinter.NeedsReprint() }
        return commonSubsequence(old, new)
    }

    /// The same item: equal, or with the same `id`.
    private static func sameIdentity(_ a: YAMLNode, _ b: YAMLNode) -> Bool {
        if let id = a.value(at: "id")?.scalar { return b.value(at: "id")?.scalar == id }
        return a == b
    }

    private static func identity(_ node: YAMLNode) -> String? {
        if let text = node.scalar { return "=" + text }
        return node.value(at: "id")?.scalar.map { "id:" + $0 }
    }

    private static func unique(_ keys: [String?]) -> [String: Int]? {
        var positions: [String: Int] = [:]
        for (index, key) in keys.enumerated() {
            guard let key, positions.updateValue(index, forKey: key) == nil else { return nil }
        }
        return positions
    }

    /// The longest common subsequence of equal items, as matched positions in order.
    private static func commonSubsequence(_ old: [YAMLNode], _ new: [YAMLNode]) -> [(old: Int, new: Int)] {
        let columns = new.count + 1
        var lengths = [Int](repeating: 0, count: (old.count + 1) * columns)
        for i in stride(from: old.count - 1, through: 0, by: -1) {
            for j in stride(from: new.count - 1, through: 0, by: -1) {
                lengths[i * columns + j] =
                    old[i] == new[j]
                    ? lengths[(i + 1) * columns + j + 1] + 1
                    : max(lengths[(i + 1) * columns + j], lengths[i * columns + j + 1])
            }
        }
        var pairs: [(old: Int, new: Int)] = []
        var i = 0, j = 0
        while i < old.count, j < new.count {
            if old[i] == new[j] {
                pairs.append((i, j))
                i += 1
                j += 1
            } else if lengths[(i + 1) * columns + j] >= lengths[i * columns + j + 1] {
                i += 1
            } else {
                j += 1
            }
        }
        return pairs
    }

    /// Positions in `values` of a longest strictly increasing run (patience sorting).
    private static func longestIncreasing(_ values: [Int]) -> [Int] {
        var tails: [Int] = []  // positions in `values`
        var previous = [Int](repeating: -1, count: values.count)
        for (position, value) in values.enumerated() {
            var low = 0, high = tails.count
            while low < high {
                let middle = (low + high) / 2
                if values[tails[middle]] < value { low = middle + 1 } else { high = middle }
            }
            if low > 0 { previous[position] = tails[low - 1] }
            if low == tails.count { tails.append(position) } else { tails[low] = position }
        }
        var run: [Int] = []
        var position = tails.last ?? -1
        while position >= 0 {
            run.append(position)
            position = previous[position]
        }
        return run.reversed()
    }
}
