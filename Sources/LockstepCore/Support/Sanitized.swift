/// Text from a file or a user made safe to quote in a message: control characters shown as
/// escapes (`\e`, `\x07`) rather than sent to the terminal, and long values cut short.
public enum Sanitized {
    /// `text` with every control character visible, cut to `limit` characters with `…`.
    public static func excerpt(_ text: some StringProtocol, limit: Int = 60) -> String {
        let shown = visible(text)
        return shown.count > limit ? String(shown.prefix(limit)) + "…" : shown
    }

    /// `text` with C0 and C1 controls, DEL and the line and paragraph separators escaped;
    /// tab and newline kept only where `keepingLayout` says so.
    public static func visible(_ text: some StringProtocol, keepingLayout: Bool = false) -> String {
        guard text.unicodeScalars.contains(where: { needsEscape($0, keepingLayout: keepingLayout) }) else {
            return String(text)
        }
        var out = ""
        for scalar in text.unicodeScalars {
            guard needsEscape(scalar, keepingLayout: keepingLayout) else {
                out.unicodeScalars.append(scalar)
                continue
            }
            switch scalar {
            case "\u{1B}": out += "\\e"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                let hex = String(scalar.value, radix: 16)
                out +=
                    scalar.value <= 0xFF
                    ? "\\x" + String(repeating: "0", count: 2 - hex.count) + hex
                    : "\\u{" + hex + "}"
            }
        }
        return out
    }

    /// True when `text` holds a control character other than a tab or line break: read byte by
    /// byte, as the workbook reader asks it of every text it decodes.
    public static func hasControl(_ text: String) -> Bool {
        var previous: UInt8 = 0, beforePrevious: UInt8 = 0
        for byte in text.utf8 {
            if (byte < 0x20 && byte != 0x09 && byte != 0x0A) || byte == 0x7F { return true }
            if previous == 0xC2, (0x80...0x9F).contains(byte) { return true }  // C1 controls
            if beforePrevious == 0xE2, previous == 0x80, byte == 0xA8 || byte == 0xA9 { return true }  // U+2028, U+2029
            beforePrevious = previous
            previous = byte
        }
        return false
    }

    /// Controls a terminal would act on: C0 (but tab and newline when keeping layout), DEL, C1,
    /// and the Unicode line and paragraph separators.
    static func needsEscape(_ scalar: Unicode.Scalar, keepingLayout: Bool) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A: return !keepingLayout
        case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029: return true
        default: return false
        }
    }
}
