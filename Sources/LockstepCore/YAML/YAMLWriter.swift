/// Writes `YAMLNode`s as the workbook format's documentation writes them.
///
/// Our own emitter rather than libyaml's: libyaml cannot indent block sequences under
/// their key (`  - id: …`), so every save would reformat a hand-written workbook and
/// bury the real change in its git diff. The format only needs mappings, sequences and
/// scalars, and the one subtle part — when a scalar needs quotes — is tested by
/// round-tripping through libyaml.
public enum YAMLWriter {
    public static func write(_ node: YAMLNode) -> String {
        var out = ""
        switch node.content {
        case .mapping(let entries):
            for (index, entry) in entries.enumerated() {
                // A blank line before each top-level section that spans several lines.
                if index > 0, !fitsOnOneLine(entry.value) { out += "\n" }
                writeEntry(entry, indent: 0, into: &out)
            }
        default:
            writeValue(node, indent: 0, into: &out)
            out += "\n"
        }
        return out
    }

    /// `key: value` and the lines under it, the key at `indent`, ending in a line break.
    static func entryText(_ entry: YAMLNode.Entry, indent: Int) -> String {
        var out = ""
        writeEntry(entry, indent: indent, into: &out)
        return out
    }

    /// `- item` and the lines under it, the dash at `indent`, ending in a line break.
    static func itemText(_ item: YAMLNode, indent: Int) -> String {
        var out = ""
        writeItem(item, indent: indent, into: &out)
        return out
    }

    private static func writeEntry(_ entry: YAMLNode.Entry, indent: Int, into out: inout String) {
        out += String(repeating: " ", count: indent) + scalarText(entry.key, inFlow: false) + ":"
        writeAfterKey(entry.value, indent: indent, into: &out)
    }

    /// The value after `key:` (or after `- `): inline when it fits, else on the following lines.
    private static func writeAfterKey(_ value: YAMLNode, indent: Int, into out: inout String) {
        if fitsOnOneLine(value) {
            out += " " + inline(value) + "\n"
            return
        }
        out += "\n"
        writeValue(value, indent: indent + 2, into: &out)
    }

    private static func writeValue(_ node: YAMLNode, indent: Int, into out: inout String) {
        let pad = String(repeating: " ", count: indent)
        switch node.content {
        case .scalar:
            out += pad + inline(node)
        case .mapping(let entries):
            for entry in entries { writeEntry(entry, indent: indent, into: &out) }
        case .sequence(let items):
            for item in items { writeItem(item, indent: indent, into: &out) }
        }
    }

    private static func writeItem(_ item: YAMLNode, indent: Int, into out: inout String) {
        let pad = String(repeating: " ", count: indent)
        if case .mapping(let entries) = item.content, !entries.isEmpty, !fitsOnOneLine(item) {
            // `- first: value` then the other keys aligned under `first`.
            var body = ""
            for entry in entries { writeEntry(entry, indent: indent + 2, into: &body) }
            out += pad + "- " + body.dropFirst(indent + 2)
        } else if fitsOnOneLine(item) {
            out += pad + "- " + inline(item) + "\n"
        } else {
            out += pad + "-\n"
            writeValue(item, indent: indent + 2, into: &out)
        }
    }

    /// Scalars, empty collections and flow-styled collections of scalars stay on one line.
    static func fitsOnOneLine(_ node: YAMLNode) -> Bool {
        switch node.content {
        case .scalar: return true
        case .sequence(let items):
            return items.isEmpty || (node.style == .flow && items.allSatisfy { $0.scalar != nil })
        case .mapping(let entries):
            return entries.isEmpty || (node.style == .flow && entries.allSatisfy { $0.value.scalar != nil })
        }
    }

    static func inline(_ node: YAMLNode) -> String {
        switch node.content {
        case .scalar: return scalarText(node, inFlow: false)
        case .sequence(let items):
            return "[" + items.map { scalarText($0, inFlow: true) }.joined(separator: ", ") + "]"
        case .mapping(let entries):
            if entries.isEmpty { return "{}" }
            let body = entries.map { scalarText($0.key, inFlow: true) + ": " + scalarText($0.value, inFlow: true) }
            return "{ " + body.joined(separator: ", ") + " }"
        }
    }

    static func scalarText(_ node: YAMLNode, inFlow: Bool) -> String {
        guard case .scalar(let text, let isString) = node.content else { return "" }
        if !isString || ScalarStyle.canBePlain(text, inFlow: inFlow) { return text }
        return ScalarStyle.doubleQuoted(text)
    }

    /// A changed scalar written as the one it replaces was: in the same quotes where they can
    /// hold the new text, plain where plain still reads back as the same string.
    static func scalarText(_ node: YAMLNode, like style: SourceSpan.Style, inFlow: Bool) -> String {
        guard case .scalar(let text, let isString) = node.content, isString else { return scalarText(node, inFlow: inFlow) }
        switch style {
        case .doubleQuoted:
            return ScalarStyle.doubleQuoted(text)
        case .singleQuoted where ScalarStyle.canBeSingleQuoted(text):
            return "'" + text.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "''") + "'"
        default:
            return scalarText(node, inFlow: inFlow)
        }
    }
}
