import CYAML

/// Where a node was written: its bytes in the file and how it was written there. A save keeps
/// every node it did not change by copying these bytes (see `YAMLReprinter`).
struct SourceSpan: Equatable {
    enum Style: UInt8 {
        case plain, singleQuoted, doubleQuoted, literal, folded
        /// Collections: `key:` with lines under it, or `[a, b]` / `{ a: b }`.
        case block, flow
        /// A copy of an anchored node, made where `*name` was written: only replaceable whole.
        case alias

        init(_ scalar: yaml_scalar_style_t) {
            switch scalar {
            case YAML_SINGLE_QUOTED_SCALAR_STYLE: self = .singleQuoted
            case YAML_DOUBLE_QUOTED_SCALAR_STYLE: self = .doubleQuoted
            case YAML_LITERAL_SCALAR_STYLE: self = .literal
            case YAML_FOLDED_SCALAR_STYLE: self = .folded
            default: self = .plain
            }
        }
    }

    /// The node's first byte, and the byte after its last (for a block collection, after its
    /// last node's text).
    var start: UInt32
    var end: UInt32
    var style: Style

    init(start: UInt32, end: UInt32, style: Style) {
        self.start = start
        self.end = end
        self.style = style
    }

    var range: Range<Int> { Int(start)..<Int(end) }
}

/// Turns libyaml's positions, counted in characters, into byte offsets of UTF-8 text. Events
/// arrive nearly in text order, so a cursor moved from the last answer does linear work overall.
/// Unchecked: it reads a buffer that lives for one read, on the one thread doing that read.
struct CharacterOffsets: @unchecked Sendable {
    let text: UnsafeBufferPointer<UInt8>
    private var character = 0
    private var byte = 0

    init(text: UnsafeBufferPointer<UInt8>) {
        self.text = text
        // libyaml reads a UTF-8 byte order mark without counting it as a character.
        if text.count >= 3, text[0] == 0xEF, text[1] == 0xBB, text[2] == 0xBF { byte = 3 }
    }

    mutating func byte(ofCharacter target: Int) -> Int {
        while character < target, byte < text.count {
            byte += 1
            while byte < text.count, text[byte] & 0xC0 == 0x80 { byte += 1 }
            character += 1
        }
        while character > target, byte > 0 {
            byte -= 1
            while byte > 0, text[byte] & 0xC0 == 0x80 { byte -= 1 }
            character -= 1
        }
        return byte
    }
}
