#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Replaces a file's content so that nothing is ever lost: every save, export and generated
/// document goes through here.
///
/// - The target is resolved first: a symlink is written through to the file it names (the link
///   stays a link); a FIFO, device, socket or directory is refused before anything is opened.
/// - An advisory lock on the target's folder is held from the caller's "changed on disk?" check
///   to the rename, so two savers cannot both pass the check and one silently undo the other.
/// - The new text goes to a temporary file created exclusively (`O_EXCL | O_NOFOLLOW`, so a
///   planted symlink is never followed) under an unpredictable name beside the target, is
///   flushed, takes the old file's mode, owner and group where permitted, and is renamed over
///   the target: a crash or a full disk leaves the old file or the new one, never half of one.
/// - A file with several hard links is written in place after the temporary copy succeeded, so
///   every link sees the change (the caller is told, as that write is not atomic).
/// - The destination's content is never read.
public enum SafeWrite {
    /// How the text reached the disk.
    public struct Outcome: Equatable, Sendable {
        /// The file written: the target, or the file its symlink names.
        public var path: String
        /// More than one when the file is hard-linked and was written in place.
        public var links: Int
        /// The written file as it was when the lock was let go: what a later save compares with.
        public var stamp: FileStamp
    }

    /// What stands at a path, looked at without opening it.
    public enum Existing: Equatable, Sendable {
        case missing
        case file(FileStamp)
    }

    /// Writes `bytes` to `path`. `check` runs under the lock with what is on disk now, and may
    /// throw to refuse (a file changed since it was read, a file that already exists).
    public static func write<E: Error>(
        _ bytes: [UInt8], to path: String, check: (Existing) throws(E) -> Void
    ) throws -> Outcome {
        let target = try resolve(path)
        let folder = FileSystem.folder(of: target)
        let lock = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard lock >= 0 else { throw FileSystem.Failure(path: path, reason: FileSystem.lastError()) }
        defer { close(lock) }
        while flock(lock, LOCK_EX) != 0 {
            guard errno == EINTR else { throw FileSystem.Failure(path: path, reason: FileSystem.lastError()) }
        }
        let existing = try look(at: target, named: path)
        try check(existing)
        let temporary = try createTemporary(beside: target, copying: existing)
        do {
            try FileSystem.writeAll(bytes, to: temporary.descriptor, path: path)
            guard fsync(temporary.descriptor) == 0 else {
                throw FileSystem.Failure(path: path, reason: FileSystem.lastError())
            }
            var info = stat()
            fstat(temporary.descriptor, &info)
            close(temporary.descriptor)
            if case .file(let stamp) = existing, stamp.links > 1 {
                let written = try overwriteInPlace(target, with: bytes, path: path)
                unlink(temporary.path)
                return Outcome(path: target, links: stamp.links, stamp: written)
            }
            guard rename(temporary.path, target) == 0 else {
                throw FileSystem.Failure(path: path, reason: FileSystem.lastError())
            }
            fsync(lock)  // the rename itself reaches the disk
            return Outcome(path: target, links: 1, stamp: FileStamp(info))
        } catch {
            close(temporary.descriptor)
            unlink(temporary.path)
            throw error
        }
    }

    /// Writes `bytes` to `path` whatever is there now (a generated file).
    public static func write(_ bytes: [UInt8], to path: String) throws(FileSystem.Failure) -> Outcome {
        do {
            return try write(bytes, to: path) { (_: Existing) throws(Never) in }
        } catch {
            throw (error as? FileSystem.Failure) ?? FileSystem.Failure(path: path, reason: "\(error)")
        }
    }

    /// The file a path names: itself, or the end of its chain of symlinks (a dangling link's
    /// target is created). Refused when that is not a regular file.
    public static func resolve(_ path: String) throws(FileSystem.Failure) -> String {
        var current = path
        for _ in 0..<40 {
            var info = stat()
            guard lstat(current, &info) == 0 else {
                guard errno == ENOENT else { throw FileSystem.Failure(path: path, reason: FileSystem.lastError()) }
                return current
            }
            guard (info.st_mode & S_IFMT) == S_IFLNK else {
                if let kind = FileSystem.notAFile(info.st_mode) {
                    throw FileSystem.Failure(path: path, reason: "it is \(kind), not a file")
                }
                return current
            }
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let length = readlink(current, &buffer, buffer.count - 1)
            guard length >= 0 else { throw FileSystem.Failure(path: path, reason: FileSystem.lastError()) }
            let link = String(decoding: buffer[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            current = link.hasPrefix("/") ? link : FileSystem.folder(of: current) + "/" + link
        }
        throw FileSystem.Failure(path: path, reason: "it is a chain of more than 40 symlinks")
    }

    private static func look(at target: String, named path: String) throws(FileSystem.Failure) -> Existing {
        var info = stat()
        guard stat(target, &info) == 0 else {
            guard errno == ENOENT else { throw FileSystem.Failure(path: path, reason: FileSystem.lastError()) }
            return .missing
        }
        if let kind = FileSystem.notAFile(info.st_mode) {
            throw FileSystem.Failure(path: path, reason: "it is \(kind), not a file")
        }
        return .file(FileStamp(info))
    }

    /// A new file beside `target` that nobody else can have made: a random name, created
    /// exclusively; with the existing file's mode, owner and group.
    private static func createTemporary(
        beside target: String, copying existing: Existing
    ) throws(FileSystem.Failure)
        -> (path: String, descriptor: Int32)
    {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<16 {
            let path = StaleTemporaries.name(for: target, token: String(generator.next() as UInt64, radix: 36))
            let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
            if descriptor < 0 {
                if errno == EEXIST { continue }
                throw FileSystem.Failure(path: target, reason: FileSystem.lastError())
            }
            if case .file(let stamp) = existing {
                _ = fchown(descriptor, stamp.owner, stamp.group)  // permitted for root, or to keep one's own group
                fchmod(descriptor, stamp.mode)
            } else {
                let mask = umask(0)
                umask(mask)
                fchmod(descriptor, 0o666 & ~mask)
            }
            return (path, descriptor)
        }
        throw FileSystem.Failure(path: target, reason: "no unused name for a temporary file beside it")
    }

    private static func overwriteInPlace(
        _ target: String, with bytes: [UInt8], path: String
    ) throws(FileSystem.Failure) -> FileStamp {
        let descriptor = open(target, O_WRONLY | O_TRUNC | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else { throw FileSystem.Failure(path: path, reason: FileSystem.lastError()) }
        defer { close(descriptor) }
        try FileSystem.writeAll(bytes, to: descriptor, path: path)
        guard fsync(descriptor) == 0 else { throw FileSystem.Failure(path: path, reason: FileSystem.lastError()) }
        var info = stat()
        fstat(descriptor, &info)
        return FileStamp(info)
    }
}

/// What a file was when looked at: enough to tell that it changed, and what to keep when replacing it.
public struct FileStamp: Equatable, Sendable {
    public var device: UInt64
    public var inode: UInt64
    public var size: Int
    public var modified: Int
    public var links: Int
    public var mode: mode_t
    public var owner: uid_t
    public var group: gid_t

    init(_ info: stat) {
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
        size = Int(info.st_size)
        modified = Int(info.st_mtim.tv_sec) * 1_000_000_000 + Int(info.st_mtim.tv_nsec)
        links = Int(info.st_nlink)
        mode = info.st_mode & 0o7777
        owner = info.st_uid
        group = info.st_gid
    }

    /// True when both look at the same content: same file, size and modification time.
    public func sameContent(as other: FileStamp) -> Bool {
        device == other.device && inode == other.inode && size == other.size && modified == other.modified
    }
}
