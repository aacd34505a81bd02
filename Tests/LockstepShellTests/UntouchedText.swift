@testable import LockstepCore

/// What a save must not have changed: the text of every value, item and section whose value did
/// not change, and every comment line outside the items that changed or left.
enum UntouchedText {
    static func problems(before: [UInt8], beforeModel: YAMLNode, after: String, afterModel: YAMLNode) -> [String] {
        guard let root = try? YAMLReader.parseKeepingLayout(before, file: "before") else {
            return ["the earlier text does not parse"]
        }
        var walk = Walk(text: YAMLReprinter(text: before), after: after)
        walk.visit(root, beforeModel, afterModel)
        // Comment lines outside what changed are all still there.
        var remaining = after.split(separator: "\n").map { String($0) }.filter {
            $0.trimmingPrefix(while: { $0 == " " }).first == "#"
        }
        var offset = 0
        for line in before.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            defer { offset += line.count + 1 }
            let text = String(decoding: line, as: UTF8.self)
            guard text.trimmingPrefix(while: { $0 == " " }).first == "#",
                !walk.touched.contains(where: { $0.contains(offset) })
            else { continue }
            if let found = remaining.firstIndex(of: text) {
                remaining.remove(at: found)
            } else {
                walk.problems.append("the comment line '\(text)' is gone")
            }
        }
        return walk.problems
    }

    struct Walk {
        let text: YAMLReprinter
        let after: String
        var problems: [String] = []
        /// Lines of values that changed or left, with the comment lines above them.
        var touched: [Range<Int>] = []

        /// From the start of the node's first line to the end of its last.
        func lines(_ node: SourceNode) -> Range<Int> {
            text.lineStart(Int(node.span!.start))..<text.lineEnd(text.contentEnd(node))
        }

        /// A block collection's lines; a scalar's or flow collection's own text, since a sibling on
        /// the same line may have changed.
        func extent(_ node: SourceNode) -> Range<Int> {
            guard let span = node.span, span.style == .block else {
                return Int(node.span!.start)..<text.contentEnd(node)
            }
            return lines(node)
        }

        mutating func visit(_ node: SourceNode, _ old: YAMLNode, _ new: YAMLNode) {
            let range = extent(node)
            if old == new {
                let written = String(decoding: text.text[range], as: UTF8.self)
                if !after.contains(written.hasSuffix("\n") ? String(written.dropLast()) : written) {
                    problems.append("unchanged text is gone: '\(written.prefix(120))'")
                }
                return
            }
            switch (old.content, new.content) {
            case (.mapping, .mapping) where node.isMapping:
                for (key, value) in node.entries ?? [] {
                    guard let name = key.scalar, let oldValue = old.value(at: name) else { continue }
                    if let newValue = new.value(at: name) {
                        visit(value, oldValue, newValue)
                    } else {
                        touched.append(
                            text.commentsAbove(text.lineStart(Int(key.span!.start)))..<lines(value).upperBound)
                    }
                }
            case (.sequence(let oldItems), .sequence(let newItems))
            where node.isSequence && node.items?.count == oldItems.count:
                for (item, oldItem) in zip(node.items ?? [], oldItems) {
                    let id = oldItem.value(at: "id")?.scalar
                    if let id, let newItem = newItems.first(where: { $0.value(at: "id")?.scalar == id }) {
                        visit(item, oldItem, newItem)
                    } else if id != nil || !newItems.contains(oldItem) {
                        touched.append(text.commentsAbove(lines(item).lowerBound)..<lines(item).upperBound)
                    }
                }
            default:
                touched.append(text.commentsAbove(text.lineStart(range.lowerBound))..<text.lineEnd(range.upperBound))
            }
        }
    }
}
