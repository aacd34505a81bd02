#if canImport(Glibc)
import Glibc
#endif
import LockstepCore

/// Reads lines from a file descriptor that is not a terminal: no prompt, no escape codes.
///
/// Lines are read into a buffer of our own rather than with `getline`, which would grow a line
/// without end on `/dev/zero` or a file with no line breaks: a line longer than `lineLimit`
/// stops the run with an error.
public final class PlainLineReader: LineReader {
    /// Far longer than any command; a longer "line" is not a script.
    public static let lineLimit = 1 << 20
    /// The largest script file read; `LOCKSTEP_MAX_SCRIPT_MB` raises it.
    public static var scriptLimit: Int { (FileSystem.environment("LOCKSTEP_MAX_SCRIPT_MB").flatMap(Int.init) ?? 16) * 1_000_000 }

    private let descriptor: Int32
    private let ownsDescriptor: Bool
    public let sourceName: String
    public var isInteractive: Bool { false }
    private var pending: [UInt8] = []
    private var ended = false
    private var lineNumber = 0

    /// Standard input.
    public init() {
        descriptor = STDIN_FILENO
        ownsDescriptor = false
        sourceName = "<stdin>"
    }

    /// A script file: a regular file within the size limit, or why not.
    public init(path: String) throws(FileSystem.Failure) {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { throw FileSystem.Failure(path: path, reason: FileSystem.lastError()) }
        var info = stat()
        fstat(fd, &info)
        if let kind = FileSystem.notAFile(info.st_mode) {
            close(fd)
            throw FileSystem.Failure(path: path, reason: "it is \(kind), not a file of commands")
        }
        if Int(info.st_size) > Self.scriptLimit {
            close(fd)
            throw FileSystem.Failure(path: path, reason: "it is \(Int(info.st_size)) bytes, over the \(Self.scriptLimit / 1_000_000) MB a script may be "
                                     + "(LOCKSTEP_MAX_SCRIPT_MB raises it)")
        }
        descriptor = fd
        ownsDescriptor = true
        sourceName = path
    }

    deinit {
        if ownsDescriptor { close(descriptor) }
    }

    public func readLine(prompt: String) -> LineInput {
        while true {
            if let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
                lineNumber += 1
                var line = pending[..<newline]
                if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
                let text = String(decoding: line, as: UTF8.self)
                pending.removeSubrange(...newline)
                return .line(text)
            }
            if pending.count > Self.lineLimit {
                ended = true
                pending = []
                return .failed("line \(lineNumber + 1) of \(sourceName) is longer than \(Self.lineLimit / 1_000_000) MB: this is not a file of commands")
            }
            guard !ended else {
                guard !pending.isEmpty else { return .end }
                lineNumber += 1
                defer { pending = [] }
                return .line(String(decoding: pending, as: UTF8.self))
            }
            var chunk = [UInt8](repeating: 0, count: 1 << 16)
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                if errno == EAGAIN {
                    var ready = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
                    _ = poll(&ready, 1, -1)
                    continue
                }
                if errno == EISDIR { return .failed("\(sourceName) is a directory, not commands") }
                ended = true
                continue
            }
            if count == 0 { ended = true } else { pending.append(contentsOf: chunk[..<count]) }
        }
    }
}
