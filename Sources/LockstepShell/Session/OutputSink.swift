#if canImport(Glibc)
import Glibc
#endif

/// Where the shell writes: standard output for data, standard error for messages.
public protocol OutputSink: AnyObject {
    func write(_ text: String)
    func writeError(_ text: String)
}

/// The process's own standard output and error, written unbuffered so the two interleave right.
public final class StandardOutput: OutputSink {
    /// Why standard output could not be written (a full disk, a closed pipe); nil while all went out.
    public private(set) var failure: String?

    public init() {}
    public func write(_ text: String) {
        if let reason = Self.write(text, to: STDOUT_FILENO), failure == nil { failure = reason }
    }
    public func writeError(_ text: String) { _ = Self.write(text, to: STDERR_FILENO) }

    /// Writes all of `text`; the OS's reason when it could not.
    private static func write(_ text: String, to fd: Int32) -> String? {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let count = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                return String(cString: strerror(errno))
            }
            bytes = bytes.dropFirst(count)
        }
        return nil
    }
}

/// Output kept in memory, for tests of whole sessions.
public final class BufferedOutput: OutputSink {
    public private(set) var standardOutput = ""
    public private(set) var standardError = ""

    public init() {}
    public func write(_ text: String) { standardOutput += text }
    public func writeError(_ text: String) { standardError += text }
}
