/// Data written into Markdown so that it can only ever read as text: a client's name never
/// becomes a heading, a link, an image, an HTML element or a table cell break.
public enum MarkdownText {
    /// Characters that make structure anywhere in a line: emphasis, code, links and images,
    /// HTML, table cells, strikethrough, entities, escapes.
    static let inlineMarkup: Set<Character> = ["\\", "`", "*", "_", "[", "]", "<", ">", "|", "&", "~"]
    /// Per ASCII byte: printable and no markup, so a text made only of these needs no escaping.
    static let plainBytes: [Bool] = (0..<128).map { byte in
        byte >= 0x20 && byte < 0x7F && !inlineMarkup.contains(Character(Unicode.Scalar(UInt8(byte))))
    }
    /// `text` for a table cell, a list item or a sentence — always after something else on its
    /// line, so it never starts one: line breaks become spaces (no heading, list or quote can
    /// begin), markup characters are escaped with a backslash (CommonMark prints them as they
    /// are), control characters are shown as escapes.
    public static func inline(_ text: String) -> String {
        // Most text is plain ASCII with nothing to escape: checked byte by byte, it is returned
        // as it is (a 20,000-row inventory would otherwise be split into graphemes twice over).
        if text.utf8.allSatisfy({ $0 < 0x80 && plainBytes[Int($0)] }) { return text }
        var out = ""
        for character in Sanitized.visible(text, keepingLayout: true) {
            switch character {
            case "\n", "\r", "\t": out += " "
            case _ where inlineMarkup.contains(character): out += "\\" + String(character)
            default: out.append(character)
            }
        }
        return out
    }

    /// `text` as a code span: fenced by one more backtick than it holds in a row, so it cannot
    /// close early; pipes escaped for a table cell; line breaks as spaces.
    public static func code(_ text: String) -> String {
        let flat = String(
            Sanitized.visible(text, keepingLayout: true).map { $0 == "\n" || $0 == "\r" || $0 == "\t" ? " " : $0 })
        var longest = 0, run = 0
        for character in flat {
            run = character == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        let fence = String(repeating: "`", count: longest + 1)
        let padded = flat.first == "`" || flat.last == "`" ? " " + flat + " " : flat
        return fence + padded.split(separator: "|", omittingEmptySubsequences: false).joined(separator: "\\|") + fence
    }
}
