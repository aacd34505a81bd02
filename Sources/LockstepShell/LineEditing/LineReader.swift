/// What one read of a line produced.
public enum LineInput: Equatable, Sendable {
    case line(String)
    /// Ctrl-C: the line was discarded; the shell shows a new prompt.
    case interrupted
    /// Ctrl-D on an empty line, or the end of a script.
    case end
    /// The input cannot be read as commands (a line of megabytes, a directory): the run stops.
    case failed(String)
}

/// The seam between the shell and whatever supplies lines: libedit, a pipe, or a test.
public protocol LineReader: AnyObject {
    /// True when a person is typing: prompts, questions and colour make sense.
    var isInteractive: Bool { get }
    /// Where the current line came from, for messages: `script.lks`, `-c`, `<stdin>`.
    var sourceName: String { get }
    func readLine(prompt: String) -> LineInput
    /// Reads the answer to a question: on a terminal, only what is typed after the question
    /// is shown, never a line pasted ahead of it.
    func readAnswer(prompt: String) -> LineInput
    /// Remembers a line the user entered, for the Up arrow and Ctrl-R.
    func remember(_ line: String)
}

extension LineReader {
    public func remember(_ line: String) {}
    public func readAnswer(prompt: String) -> LineInput { readLine(prompt: prompt) }
}

/// Lines given up front: `lockstep -c "a; b"`, and whole sessions in tests.
public final class ScriptedLineReader: LineReader {
    private let lines: [String]
    private var position = 0
    public let isInteractive: Bool
    public let sourceName: String
    /// The prompts shown, for tests of the prompt.
    public private(set) var prompts: [String] = []

    public init(_ lines: [String], sourceName: String = "-c", interactive: Bool = false) {
        self.lines = lines
        self.sourceName = sourceName
        self.isInteractive = interactive
    }

    public func readLine(prompt: String) -> LineInput {
        prompts.append(prompt)
        guard position < lines.count else { return .end }
        defer { position += 1 }
        // Control characters stand for the keys: "\u{3}" is Ctrl-C, "\u{4}" is Ctrl-D.
        switch lines[position] {
        case "\u{3}": return .interrupted
        case "\u{4}": return .end
        default: return .line(lines[position])
        }
    }
}
