#if canImport(Glibc)
import Glibc
#endif
import LockstepCore

/// The shell's history: an append-only file, so two shells open at once keep both their lines.
///
/// libedit's own history file is rewritten whole on save, which loses the other shell's lines.
public struct HistoryFile: Sendable {
    public static let keptLines = 1_000
    public let path: String

    public init(path: String) { self.path = path }

    /// `$XDG_STATE_HOME/lockstep/history`, else `~/.local/state/lockstep/history`.
    public static func standard() -> HistoryFile? {
        StateFolder.path.map { HistoryFile(path: $0 + "/history") }
    }

    /// The most recent lines, oldest first.
    public func load() -> [String] {
        guard let bytes = try? FileSystem.readBytes(path) else { return [] }
        let lines = bytes.split(separator: UInt8(ascii: "\n")).map { String(decoding: $0, as: UTF8.self) }
        return Array(lines.suffix(Self.keptLines))
    }

    /// Appends one line with a single `write` on an `O_APPEND` descriptor, which the kernel
    /// keeps whole even when another shell appends at the same moment.
    public func append(_ line: String) {
        guard !line.contains("\n") else { return }
        StateFolder.make(FileSystem.folder(of: path))
        let fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return }
        defer { close(fd) }
        let bytes = Array((line + "\n").utf8)
        _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
    }
}
