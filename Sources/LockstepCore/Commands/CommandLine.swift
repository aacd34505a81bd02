/// Splits what the user typed into statements and words, the way a shell would.
public enum CommandLineSyntax {
    /// A word and the character offset where it started in the line.
    public struct Word: Equatable, Sendable {
        public var text: String
        public var offset: Int
    }

    /// `word` written so that `words` reads it back as one word: what a program that builds a
    /// command line for the shell (the `explain` subcommand) hands it.
    public static func quoted(_ word: String) -> String {
        guard !word.isEmpty else { return "\"\"" }
        var out = ""
        for character in word {
            if character.isWhitespace || "\"'\\;#`".contains(character) { out.append("\\") }
            out.append(character)
        }
        return out
    }

    /// Splits on `;` outside quotes: `open a.yaml; coverage`.
    public static func statements(_ line: String) -> [String] {
        var statements: [String] = []
        var current = ""
        var quote: Character?
        var escaped = false
        for character in line {
            if escaped {
                escaped = false
            } else if character == "\\" && quote != "'" {
                escaped = true
            } else if let open = quote {
                if character == open { quote = nil }
            } else if character == "\"" || character == "'" || character == "`" {
                quote = character
            } else if character == ";" {
                statements.append(current)
                current = ""
                continue
            }
            current.append(character)
        }
        statements.append(current)
        return statements.filter { !$0.allSatisfy(\.isWhitespace) }
    }

    /// Words with quotes removed; `"two words"` is one word. A `#` starting a word begins a comment.
    public static func words(_ line: String) throws(CommandError) -> [Word] {
        var words: [Word] = []
        var current = ""
        var start: Int?
        var quote: (character: Character, offset: Int)?
        var escaped = false
        for (offset, character) in line.enumerated() {
            // Nothing typed or pasted may carry a terminal escape into the workbook.
            if character.unicodeScalars.contains(where: { Sanitized.needsEscape($0, keepingLayout: true) }) {
                throw .usage("the line holds a control character at column \(offset + 1) ('\(Sanitized.visible(String(character)))')",
                             fix: "type the text without it; names and texts may not hold escape sequences")
            }
            if escaped {
                current.append(character)
                escaped = false
            } else if let open = quote {
                if character == open.character { quote = nil } else { current.append(character) }
            } else if character == "\\" {
                escaped = true
                start = start ?? offset
            } else if character == "\"" || character == "'" {
                quote = (character, offset)
                start = start ?? offset
            } else if character.isWhitespace {
                if let begin = start { words.append(Word(text: current, offset: begin)) }
                current = ""
                start = nil
            } else if character == "#" && start == nil {
                break
            } else {
                current.append(character)
                start = start ?? offset
            }
        }
        if let open = quote {
            throw .usage("unclosed quote \(open.character) at column \(open.offset + 1)", fix: "close the quote, or put a backslash before it")
        }
        if let begin = start { words.append(Word(text: current, offset: begin)) }
        return words
    }
}

/// A command's arguments and options, parsed against its spec.
public struct Invocation: Sendable {
    public let spec: CommandSpec
    public let arguments: [String]
    public let options: [String: String]
    /// The text after the command's name, unparsed: for expressions such as `where score > 50`.
    public let rest: String

    public func argument(_ position: Int) -> String? {
        position < arguments.count ? arguments[position] : nil
    }

    public func option(_ name: String) -> String? { options[name] }

    public func flag(_ name: String) -> Bool { options[name] != nil }

    /// Parses `words` (after the command name) against `spec`.
    public init(spec: CommandSpec, words: [CommandLineSyntax.Word], line: String) throws(CommandError) {
        self.spec = spec
        let nameCount = spec.words.count
        let restOffset = words.count > nameCount ? words[nameCount].offset : line.count
        rest = String(line.dropFirst(restOffset)).trimmed
        var arguments: [String] = []
        var options: [String: String] = [:]
        var index = nameCount
        while index < words.count {
            let word = words[index].text
            index += 1
            guard word.hasPrefix("--"), word.count > 2 else {
                arguments.append(word)
                continue
            }
            let parts = word.split(separator: "=", maxSplits: 1).map(String.init)
            guard let option = spec.options.first(where: { $0.name == parts[0] }) else {
                let suggestion = Suggestion.phrase(for: parts[0], in: spec.options.map(\.name))
                throw .usage("\(spec.name): unknown option '\(parts[0])'\(suggestion)", fix: "see 'help \(spec.name)'")
            }
            if let valueName = option.valueName {
                let value: String
                if parts.count == 2 {
                    value = parts[1]
                } else if index < words.count {
                    value = words[index].text
                    index += 1
                } else {
                    throw .usage("\(spec.name): option \(option.name) needs a value", fix: "write \(option.name) \(valueName)")
                }
                // A list option given again adds to the list; any other, given twice, would silently lose one value.
                if let earlier = options[option.name] {
                    guard option.isList else {
                        throw .usage("\(spec.name): \(option.name) is given twice ('\(Sanitized.excerpt(earlier))' and '\(Sanitized.excerpt(value))')",
                                     fix: "give \(option.name) once")
                    }
                    options[option.name] = earlier + "," + value
                } else {
                    options[option.name] = value
                }
            } else {
                options[option.name] = ""
            }
        }
        let required = spec.arguments.filter { !$0.isOptional }.count
        if arguments.count < required {
            let missing = spec.arguments[arguments.count].name
            throw .usage("\(spec.name): missing \(missing)", fix: "usage: \(spec.usage)")
        }
        if arguments.count > spec.arguments.count, spec.arguments.last?.name.hasSuffix("…") != true {
            throw .usage("\(spec.name): unexpected argument '\(arguments[spec.arguments.count])'", fix: "usage: \(spec.usage)")
        }
        self.arguments = arguments
        self.options = options
    }
}
