/// Byte-wise text helpers for completion: libedit's buffer is UTF-8 bytes, and comparing as
/// bytes keeps offsets right where canonical equivalence would shift them.
public enum CompletionText {
    public static func hasBytePrefix(_ text: String, _ prefix: String) -> Bool {
        text.utf8.starts(with: prefix.utf8)
    }

    public static func commonPrefix(_ words: [String]) -> String {
        guard var prefix = words.first.map({ Array($0.utf8) }) else { return "" }
        for word in words.dropFirst() {
            let bytes = Array(word.utf8)
            var length = 0
            while length < min(prefix.count, bytes.count), prefix[length] == bytes[length] { length += 1 }
            prefix = Array(prefix[..<length])
        }
        // Never cut a multi-byte character in half.
        while let last = prefix.last, last & 0xC0 == 0x80 || last >= 0xC0 { prefix.removeLast() }
        return String(decoding: prefix, as: UTF8.self)
    }

    /// What remains of `word` after the `typed` part.
    public static func suffix(of word: String, after typed: String) -> String {
        guard hasBytePrefix(word, typed) else { return "" }
        return String(decoding: Array(word.utf8).dropFirst(typed.utf8.count), as: UTF8.self)
    }

    /// Candidates laid out in columns across `width`.
    public static func columns(_ words: [String], width: Int) -> String {
        let cell = (words.map(\.count).max() ?? 0) + 2
        let perLine = max(1, width / cell)
        var lines: [String] = []
        var index = 0
        while index < words.count {
            let row = words[index..<min(index + perLine, words.count)]
            lines.append(row.map { $0 + String(repeating: " ", count: cell - $0.count) }.joined().trailingSpacesTrimmed)
            index += perLine
        }
        return lines.joined(separator: "\n")
    }
}

extension String {
    var trailingSpacesTrimmed: String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
