#if canImport(Glibc)
import Glibc
#endif

/// Reads lines from a file descriptor that is not a terminal: no prompt, no escape codes.
public final class PlainLineReader: LineReader {
    private let file: UnsafeMutablePointer<FILE>?
    private let ownsFile: Bool
    public let sourceName: String
    public var isInteractive: Bool { false }

    /// Standard input.
    public init() {
        file = fdopen(STDIN_FILENO, "r")
        ownsFile = false
        sourceName = "<stdin>"
    }

    /// A script file; nil when it cannot be opened.
    public init?(path: String) {
        guard let opened = fopen(path, "r") else { return nil }
        file = opened
        ownsFile = true
        sourceName = path
    }

    deinit {
        if ownsFile, let file { fclose(file) }
    }

    public func readLine(prompt: String) -> LineInput {
        guard let file else { return .end }
        var buffer: UnsafeMutablePointer<CChar>?
        var capacity = 0
        defer { free(buffer) }
        let count = getline(&buffer, &capacity, file)
        guard count >= 0, let buffer else { return .end }
        var line = String(decoding: UnsafeRawBufferPointer(start: buffer, count: count), as: UTF8.self)
        while line.last == "\n" || line.last == "\r\n" || line.last == "\r" { line.removeLast() }
        return .line(line)
    }
}
