#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Whole-file reads and atomic writes over POSIX calls (the core avoids Foundation to start fast).
public enum FileSystem {
    public struct Failure: Error, Equatable, Sendable {
        public var path: String
        public var reason: String
        /// The file is no longer the one read before (`readRange`).
        public var changed = false

        public init(path: String, reason: String, changed: Bool = false) {
            self.path = path
            self.reason = reason
            self.changed = changed
        }
    }

    /// The whole content of a regular file of at most `limit` bytes. A FIFO, device, socket or
    /// folder is refused before a byte is read (opened without blocking, so a FIFO with no writer
    /// cannot hang the caller), and a larger file is refused by its size.
    public static func readBytes(_ path: String, limit: Int = .max) throws(Failure) -> [UInt8] {
        try readFile(path, limit: limit).bytes
    }

    /// The file's bytes and how it looked when opened — taken from the same open file, so no
    /// save that replaces it meanwhile can pass for what was read. With `prefix`, only up to that
    /// many bytes are read, whatever the file's size.
    public static func readFile(
        _ path: String, limit: Int = .max, prefix: Int? = nil
    ) throws(Failure)
        -> (bytes: [UInt8], stamp: FileStamp)
    {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { throw Failure(path: path, reason: lastError()) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw Failure(path: path, reason: lastError()) }
        if let kind = notAFile(info.st_mode) { throw Failure(path: path, reason: "it is \(kind), not a file") }
        if prefix == nil, Int(info.st_size) > limit {
            throw Failure(path: path, reason: "it is \(Int(info.st_size)) bytes, over the limit of \(limit)")
        }
        let wanted = prefix ?? .max
        var bytes: [UInt8] = []
        bytes.reserveCapacity(min(Int(info.st_size), wanted) + 1)
        var chunk = [UInt8](repeating: 0, count: min(1 << 16, max(1, wanted)))
        while bytes.count < wanted {
            let asked = min(chunk.count, wanted - bytes.count)
            let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, asked) }
            if count < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                throw Failure(path: path, reason: lastError())
            }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[..<count])
            // A file that grows while read is still held to the limit.
            if prefix == nil, bytes.count > limit {
                throw Failure(path: path, reason: "it is over the limit of \(limit) bytes")
            }
        }
        return (bytes, FileStamp(info))
    }

    /// Bytes `range` of a file read before, read again while it is still the file `stamp`
    /// describes (same file, size and time of change): a part of a large file can be read when
    /// needed rather than the whole file held.
    public static func readRange(
        _ path: String, _ range: Range<Int>, unchanged stamp: FileStamp
    ) throws(Failure)
        -> [UInt8]
    {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { throw Failure(path: path, reason: lastError()) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw Failure(path: path, reason: lastError()) }
        guard FileStamp(info) == stamp, range.upperBound <= stamp.size else {
            throw Failure(path: path, reason: "it changed since it was read", changed: true)
        }
        var failure: Int32 = 0
        let bytes = [UInt8](unsafeUninitializedCapacity: range.count) { buffer, filled in
            while filled < range.count {
                let count = pread(
                    fd, buffer.baseAddress! + filled, range.count - filled, off_t(range.lowerBound + filled))
                if count < 0, errno == EINTR { continue }
                guard count > 0 else {
                    failure = count < 0 ? errno : EIO
                    return
                }
                filled += count
            }
        }
        guard failure == 0 else { throw Failure(path: path, reason: String(cString: strerror(failure))) }
        return bytes
    }

    /// At most the first `count` bytes of a regular file (a FIFO or device refused as `readFile` does).
    public static func readPrefix(_ path: String, count: Int) throws(Failure) -> [UInt8] {
        try readFile(path, prefix: count).bytes
    }

    /// The absolute path with every symlink resolved; for a file not there yet, its folder's
    /// real path and its name. Nil when the folder does not exist either.
    public static func realPath(_ path: String) -> String? {
        if let resolved = realpath(path, nil) {
            defer { free(resolved) }
            return String(cString: resolved)
        }
        guard let folder = realpath(folder(of: path), nil) else { return nil }
        defer { free(folder) }
        let name = path.split(separator: "/").last.map(String.init) ?? path
        return String(cString: folder) + "/" + name
    }

    /// True when `path` (symlinks resolved) lies inside `folder`'s tree. A path that leads
    /// nowhere counts as inside: nothing can be read through it, and reading it says so.
    public static func isInside(_ path: String, folder: String) -> Bool {
        guard let real = realPath(path), access(real, F_OK) == 0 else { return true }
        guard let root = realPath(folder) else { return false }
        return root == "/" || real == root || real.hasPrefix(root + "/")
    }

    /// What a file mode names when it is not a regular file: "a directory", "a FIFO"…
    public static func notAFile(_ mode: mode_t) -> String? {
        switch mode & S_IFMT {
        case S_IFREG: return nil
        case S_IFDIR: return "a directory"
        case S_IFIFO: return "a FIFO (named pipe)"
        case S_IFSOCK: return "a socket"
        case S_IFCHR, S_IFBLK: return "a device"
        default: return "not a regular file"
        }
    }

    /// The folder holding `path`: `.` for a bare name.
    public static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    static func writeAll(_ bytes: [UInt8], to fd: Int32, path: String) throws(Failure) {
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + written, $0.count - written) }
            if count < 0 {
                if errno == EINTR { continue }
                throw Failure(path: path, reason: lastError())
            }
            written += count
        }
    }

    public static func exists(_ path: String) -> Bool { access(path, F_OK) == 0 }

    public static func environment(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }

    public static func lastError() -> String { String(cString: strerror(errno)) }
}

extension FileSystem {
    /// How the file at `path` (through any symlink) looks now; nil when nothing is there.
    public static func stamp(of path: String) -> FileStamp? {
        var info = stat()
        return stat(path, &info) == 0 ? FileStamp(info) : nil
    }

    /// Size and modification time, to tell whether a file changed since it was read; empty when it cannot be read.
    public static func stamp(_ path: String) -> String {
        var info = stat()
        guard stat(path, &info) == 0 else { return "" }
        return "\(info.st_size)@\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
    }
}
