/// Latin letters with diacritics written in plain ASCII (`Lémanique` → `Lemanique`, `Straße` →
/// `Strasse`): ids made from names keep their letters, and names compare as people read them.
///
/// Why a table rather than Unicode decomposition: the standard library has no normalisation API
/// without Foundation; the letters of the languages Lockstep's clients write (Latin-1 and Latin
/// Extended-A) are a short table, and combining marks written apart are dropped the same way.
public enum Transliteration {
    private static let table: [Unicode.Scalar: String] = {
        let groups: [(String, String)] = [
            ("àáâãäåāăą", "a"), ("çćĉċč", "c"), ("ďđð", "d"), ("èéêëēĕėęě", "e"), ("ĝğġģ", "g"), ("ĥħ", "h"),
            ("ìíîïĩīĭįı", "i"), ("ĵ", "j"), ("ķ", "k"), ("ĺļľŀł", "l"), ("ñńņňŉ", "n"), ("òóôõöøōŏő", "o"),
            ("ŕŗř", "r"), ("śŝşš", "s"), ("ţťŧ", "t"), ("ùúûüũūŭůűų", "u"), ("ŵ", "w"), ("ýÿŷ", "y"), ("źżž", "z"),
        ]
        var table: [Unicode.Scalar: String] = [:]
        for (letters, plain) in groups {
            for letter in letters.unicodeScalars {
                table[letter] = plain
                for upper in String(letter).uppercased().unicodeScalars where upper != letter {
                    table[upper] = plain.uppercased()
                }
            }
        }
        for (letter, plain) in [
            ("æ", "ae"), ("Æ", "AE"), ("œ", "oe"), ("Œ", "OE"), ("ß", "ss"), ("þ", "th"), ("Þ", "TH"),
            ("ĳ", "ij"), ("Ĳ", "IJ"),
        ] {
            table[letter.unicodeScalars.first!] = plain
        }
        return table
    }()

    /// `text` with each Latin letter's diacritics dropped; other characters as they are.
    public static func ascii(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            if (0x300...0x36F).contains(scalar.value) { continue }  // a combining mark written apart
            if let plain = table[scalar] { out += plain } else { out.unicodeScalars.append(scalar) }
        }
        return out
    }

    /// How a name compares: plain letters, lower case, words joined by single spaces
    /// (`Needs-Analysis`, `needs analysis` and `Needs Analysis` are one name).
    public static func folded(_ text: String) -> String {
        ascii(text).lowercased().split { !$0.isLetter && !$0.isNumber }.joined(separator: " ")
    }
}
