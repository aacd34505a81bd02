/// One lexical unit of an expression, with where it starts.
struct ExpressionToken: Equatable {
    enum Kind: Equatable {
        case number(Double)
        case string(String)
        case date(Day)
        case duration(WorkbookDuration)
        /// A field or named reference; `quoted` when written in backticks.
        case name(String, quoted: Bool)
        /// `and`, `or`, `not`, `in`, `contains`, `starts`, `with`, `is`, `empty`, `true`, `false`, `today`.
        case keyword(String)
        /// `=`, `==`, `!=`, `<`, `<=`, `>`, `>=`, `-`, `+`, `(`, `)`, `[`, `]`, `,`.
        case symbol(String)
        case end
    }

    var kind: Kind
    var offset: Int
    /// The text as written, for messages.
    var text: String
}

/// Splits an expression into tokens; every failure names the character.
struct ExpressionLexer {
    static let keywords: Set<String> = ["and", "or", "not", "in", "contains", "starts", "with", "is", "empty",
                                        "true", "false", "today"]

    let source: String
    let characters: [Character]

    init(_ source: String) {
        self.source = source
        self.characters = Array(source)
    }

    func tokens() throws(ExpressionError) -> [ExpressionToken] {
        var tokens: [ExpressionToken] = []
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if character.isWhitespace {
                index += 1
                continue
            }
            let start = index
            if character.isNumber {
                tokens.append(try number(from: &index))
            } else if character == "\"" || character == "'" {
                tokens.append(try string(from: &index))
            } else if character == "`" {
                guard let close = characters[(index + 1)...].firstIndex(of: "`") else {
                    throw ExpressionError("this backtick is never closed: write `Field Name`", at: start, in: source)
                }
                let name = String(characters[(index + 1)..<close])
                guard !name.isEmpty else { throw ExpressionError("empty field name between backticks", at: start, in: source) }
                index = close + 1
                tokens.append(ExpressionToken(kind: .name(name, quoted: true), offset: start, text: "`\(name)`"))
            } else if character.isLetter || character == "_" {
                tokens.append(word(from: &index))
            } else if let symbol = symbol(at: index) {
                index += symbol.count
                tokens.append(ExpressionToken(kind: .symbol(symbol == "==" ? "=" : symbol), offset: start, text: symbol))
            } else {
                throw ExpressionError("unexpected character '\(character)'", at: start, in: source)
            }
        }
        tokens.append(ExpressionToken(kind: .end, offset: characters.count, text: "the end"))
        return tokens
    }

    private func symbol(at index: Int) -> String? {
        let two = index + 1 < characters.count ? String(characters[index...(index + 1)]) : ""
        if ["==", "!=", "<=", ">="].contains(two) { return two }
        let one = String(characters[index])
        return ["=", "<", ">", "-", "+", "(", ")", "[", "]", ","].contains(one) ? one : nil
    }

    /// A word: a keyword, or a name. Hyphens join kebab-case ids (`lead-gen`) when a letter follows;
    /// subtraction needs spaces around its `-`.
    private func word(from index: inout Int) -> ExpressionToken {
        let start = index
        while index < characters.count {
            let character = characters[index]
            if character.isLetter || character.isNumber || character == "_" {
                index += 1
            } else if character == "-", index + 1 < characters.count, characters[index + 1].isLetter {
                index += 1
            } else {
                break
            }
        }
        let text = String(characters[start..<index])
        let lowered = text.lowercased()
        if Self.keywords.contains(lowered) { return ExpressionToken(kind: .keyword(lowered), offset: start, text: text) }
        return ExpressionToken(kind: .name(text, quoted: false), offset: start, text: text)
    }

    /// `50`, `2.5`, `48h`, `2026-06-01`.
    private func number(from index: inout Int) throws(ExpressionError) -> ExpressionToken {
        let start = index
        while index < characters.count, characters[index].isNumber || characters[index] == "." || characters[index] == "-"
                || characters[index].isLetter || characters[index] == "_" {
            // A '-' continues the token only inside a date (digits on both sides, after 4 digits).
            if characters[index] == "-" {
                let next = index + 1 < characters.count ? characters[index + 1] : " "
                let soFar = String(characters[start..<index])
                guard next.isNumber, soFar.count == 4 || soFar.count == 7 else { break }
            }
            index += 1
        }
        let text = String(characters[start..<index])
        if text.contains("-") {
            guard let day = Day(iso: text) else {
                throw ExpressionError("'\(text)' is not a date: write YYYY-MM-DD, e.g. 2026-06-01", at: start, in: source)
            }
            return ExpressionToken(kind: .date(day), offset: start, text: text)
        }
        if let last = text.last, last.isLetter {
            guard let duration = WorkbookDuration(text) else {
                throw ExpressionError("'\(text)' is neither a number nor a duration (30m, 48h, 2d, 2w)", at: start, in: source)
            }
            return ExpressionToken(kind: .duration(duration), offset: start, text: text)
        }
        guard let value = Double(text.replacingAll("_", with: "")), value.isFinite else {
            throw ExpressionError("'\(text)' is not a number", at: start, in: source)
        }
        return ExpressionToken(kind: .number(value), offset: start, text: text)
    }

    /// `"US"` or `'US'`, with `\"` and `\\` escapes.
    private func string(from index: inout Int) throws(ExpressionError) -> ExpressionToken {
        let start = index
        let quote = characters[index]
        index += 1
        var value = ""
        while index < characters.count, characters[index] != quote {
            if characters[index] == "\\", index + 1 < characters.count {
                index += 1
            }
            value.append(characters[index])
            index += 1
        }
        guard index < characters.count else {
            throw ExpressionError("this quote is never closed: add \(quote) at the end of the text", at: start, in: source)
        }
        index += 1
        return ExpressionToken(kind: .string(value), offset: start, text: String(characters[start..<index]))
    }
}
