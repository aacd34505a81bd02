#if canImport(Glibc)
import Glibc
#endif
import CEditLine

/// Completion's answer: the word being completed and what it may become.
public struct CompletionResult: Equatable, Sendable {
    public var partial: String
    public var candidates: [String]
    /// False inside a list (`--stage a,b`): a completed element is followed by a comma or the
    /// end, not a space that would split the list.
    public var endsWord: Bool

    public init(partial: String, candidates: [String], endsWord: Bool = true) {
        self.partial = partial
        self.candidates = candidates
        self.endsWord = endsWord
    }
}

/// Line editing on a terminal with libedit's native API: history, Ctrl-R, completion, Ctrl-C.
public final class EditLineReader: LineReader {
    public let isInteractive = true
    public let sourceName = "<terminal>"
    /// Given the text before the cursor, what may complete it.
    public var completer: (String) -> CompletionResult = { _ in CompletionResult(partial: "", candidates: []) }

    private let editLine: OpaquePointer
    private let history: OpaquePointer
    private let output: UnsafeMutablePointer<FILE>
    private var prompt: UnsafeMutablePointer<CChar>?
    private var wasInterrupted = false

    /// nil when libedit cannot start on this terminal; the shell then reads plain lines.
    public init?(programName: String, history lines: [String]) {
        Self.setUTF8Locale()
        // Editing needs a terminal to draw on: when stdout is piped, draw on stderr.
        // `stdin` and friends are C globals Swift 6 will not touch; open our own streams.
        guard let input = fdopen(STDIN_FILENO, "r"), let errors = fdopen(STDERR_FILENO, "w"),
              let drawOn = fdopen(isatty(STDOUT_FILENO) == 1 ? STDOUT_FILENO : STDERR_FILENO, "w") else { return nil }
        output = drawOn
        guard let editLine = el_init(programName, input, drawOn, errors) else { return nil }
        guard let history = lk_history_init() else {
            el_end(editLine)
            return nil
        }
        self.editLine = editLine
        self.history = history
        lk_history_set_size(history, 1_000)
        lk_history_set_unique(history, 1)
        for line in lines { lk_history_enter(history, line) }
        lk_el_set_clientdata(editLine, Unmanaged.passUnretained(self).toOpaque())
        lk_el_set_editor(editLine, "emacs")
        lk_el_set_signal(editLine, 1)
        lk_el_release_interrupt_key(editLine)
        lk_el_set_history(editLine, history)
        lk_el_set_prompt_esc(editLine, Self.promptCallback, 1)
        lk_el_add_function(editLine, "lockstep-complete", "complete commands and ids", Self.completeCallback)
        lk_el_add_function(editLine, "lockstep-interrupt", "discard the line", Self.interruptCallback)
        lk_el_bind(editLine, "^I", "lockstep-complete")
        lk_el_bind(editLine, "^C", "lockstep-interrupt")
        lk_el_bind(editLine, "^R", "em-inc-search-prev")
        el_source(editLine, nil)
    }

    deinit {
        el_end(editLine)
        history_end(history)
        free(prompt)
    }

    public func readLine(prompt text: String) -> LineInput {
        free(prompt)
        prompt = strdup(text)
        wasInterrupted = false
        var count: Int32 = 0
        let line = el_gets(editLine, &count)
        // A SIGINT that reached us anyway (a terminal that kept ^C as its interrupt) also only
        // discards the line.
        if wasInterrupted || (line == nil && Interrupt.isRequested) {
            Interrupt.clear()
            fputs("\n", output)
            fflush(output)
            return .interrupted
        }
        guard let line, count > 0 else {
            fputs("\n", output)
            fflush(output)
            return .end
        }
        var text = String(cString: line)
        while text.last == "\n" || text.last == "\r" { text.removeLast() }
        return .line(text)
    }

    /// The question appears only after everything printed before it, and input that was
    /// already waiting (the rest of a paste: `list activities` answering "Import? [y/N]") is
    /// discarded first, as sudo and ssh do at their prompts.
    public func readAnswer(prompt text: String) -> LineInput {
        fflush(nil)  // every output stream
        tcflush(STDIN_FILENO, TCIFLUSH)
        return readLine(prompt: text)
    }

    public func remember(_ line: String) {
        lk_history_enter(history, line)
    }

    private static func reader(_ editLine: OpaquePointer?) -> EditLineReader? {
        guard let editLine, let data = lk_el_get_clientdata(editLine) else { return nil }
        return Unmanaged<EditLineReader>.fromOpaque(data).takeUnretainedValue()
    }

    private static let promptCallback: lk_prompt_fn = { editLine in
        reader(editLine)?.prompt
    }

    private static let interruptCallback: lk_key_fn = { editLine, _ in
        reader(editLine)?.wasInterrupted = true
        return UInt8(CC_EOF)
    }

    private static let completeCallback: lk_key_fn = { editLine, _ in
        guard let editLine, let reader = reader(editLine), let info = el_line(editLine)?.pointee else {
            return UInt8(CC_ERROR)
        }
        let typed = UnsafeRawBufferPointer(start: info.buffer, count: info.cursor - info.buffer)
        return reader.complete(String(decoding: typed, as: UTF8.self))
    }

    /// More candidates than this are listed only after a "y" to the question.
    static let listWithoutAsking = 100

    /// Inserts what all candidates share; lists them when that adds nothing.
    private func complete(_ before: String) -> UInt8 {
        let result = completer(before)
        guard !result.candidates.isEmpty else { return UInt8(CC_ERROR) }
        let shared = CompletionText.commonPrefix(result.candidates)
        var insertion = CompletionText.suffix(of: shared, after: result.partial)
        if result.candidates.count == 1, result.endsWord, !shared.hasSuffix("/") { insertion += " " }
        if !insertion.isEmpty {
            el_insertstr(editLine, insertion)
            return UInt8(CC_REFRESH)
        }
        // As bash does: a long list is shown only when asked for.
        if result.candidates.count > Self.listWithoutAsking {
            fputs("\nDisplay all \(result.candidates.count) possibilities? (y or n)", output)
            fflush(output)
            var key: CChar = 0
            guard el_getc(editLine, &key) == 1, key == CChar(UInt8(ascii: "y")) || key == CChar(UInt8(ascii: "Y")) else {
                fputs("\n", output)
                return UInt8(CC_REDISPLAY)
            }
        }
        fputs("\n" + CompletionText.columns(result.candidates, width: terminalWidth() ?? 80) + "\n", output)
        fflush(output)
        return UInt8(CC_REDISPLAY)
    }

    /// libedit drops every non-ASCII key unless the locale's character type is UTF-8.
    private static func setUTF8Locale() {
        let chosen = setlocale(LC_CTYPE, "").map { String(cString: $0) } ?? "C"
        if chosen == "C" || chosen == "POSIX" { setlocale(LC_CTYPE, "C.UTF-8") }
    }
}
