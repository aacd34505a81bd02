/// Decides when a string can be written without quotes and still read back as the same string.
enum ScalarStyle {
    static func canBePlain(_ text: String, inFlow: Bool) -> Bool {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else { return false }
        if first == " " || last == " " || last == ":" { return false }
        if "-?:,[]{}#&*!|>'\"%@`".unicodeScalars.contains(first) { return false }
        if readsAsOtherType(text) { return false }
        var previous: Unicode.Scalar = " "
        for scalar in text.unicodeScalars {
            if scalar.value < 0x20 || scalar.value == 0x7F || scalar == "\u{FEFF}" || scalar == "\u{85}"
                || scalar == "\u{2028}" || scalar == "\u{2029}" { return false }
            if scalar == "#" && previous == " " { return false }
            if previous == ":" && scalar == " " { return false }
            if inFlow && ",[]{}".unicodeScalars.contains(scalar) { return false }
            previous = scalar
        }
        return true
    }

    /// Single quotes hold any printable text on one line (a quote is doubled); they have no escapes.
    static func canBeSingleQuoted(_ text: String) -> Bool {
        !text.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F || (0x80...0x9F).contains($0.value)
            || $0 == "\u{FEFF}" || $0 == "\u{2028}" || $0 == "\u{2029}" }
    }

    /// Plain text some common YAML reader would take for something other than a string: YAML
    /// 1.1 readers (PyYAML, libyaml's users, go-yaml v2) as well as 1.2 ones (ruamel, Yams).
    static func readsAsOtherType(_ text: String) -> Bool {
        // Booleans of both versions, nulls, 1.1's infinities and not-a-number, its merge key
        // `<<` and value key `=` (PyYAML refuses a whole file with a plain `=`).
        let reserved: Set<String> = ["true", "false", "yes", "no", "on", "off", "y", "n", "null", "~",
                                     ".inf", "-.inf", "+.inf", ".nan", "<<", "="]
        if reserved.contains(text.lowercased()) { return true }
        guard let first = text.unicodeScalars.first else { return true }
        let numberStart = "0123456789+-.".unicodeScalars.contains(first)
        let numberish = text.unicodeScalars.allSatisfy { "0123456789+-._:eExXoOabcdefABCDEFTZtz ".unicodeScalars.contains($0) }
        return numberStart && numberish
    }

    static func doubleQuoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            case "\u{85}": out += "\\N"
            case "\u{2028}": out += "\\L"
            case "\u{2029}": out += "\\P"
            case "\u{FEFF}": out += "\\uFEFF"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    out += "\\x" + String(repeating: "0", count: 2 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
