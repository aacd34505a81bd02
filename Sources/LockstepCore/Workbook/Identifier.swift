/// The rules for item ids: lower-case words of letters and digits joined by single hyphens.
public enum Identifier {
    public static func isValid(_ id: String) -> Bool {
        var previousWasHyphen = true
        for byte in id.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                previousWasHyphen = false
            case UInt8(ascii: "-") where !previousWasHyphen:
                previousWasHyphen = true
            default:
                return false
            }
        }
        return !id.isEmpty && !previousWasHyphen
    }

    /// A valid id made from a display name: `New Business` → `new-business`.
    public static func suggest(from text: String) -> String {
        var words: [String] = []
        var word = ""
        // Letters with diacritics keep their letter: `Banque Lémanique` → `banque-lemanique`.
        for character in Transliteration.ascii(text).lowercased() {
            if character.isASCII, character.isLetter || character.isNumber {
                word.append(character)
            } else if !word.isEmpty {
                words.append(word)
                word = ""
            }
        }
        if !word.isEmpty { words.append(word) }
        return words.isEmpty ? "my-id" : words.joined(separator: "-")
    }
}
