import LockstepCore

#if canImport(Glibc)
import Glibc
#endif

/// The recovery journal: each command that changed the workbook, appended and flushed before the
/// command reports success, so kill -9, a closed terminal or a crash lose no edit. The next
/// session on the same file offers to re-apply them, as vim offers its swap file.
///
/// One file per session, `journal/HASH-PID.journal` under the state folder, keyed by the
/// workbook's real path; it says which file it applies to and that file's fingerprint, then
/// lists the commands as typed. A clean save, or leaving the shell, removes it.
final class Journal {
    /// A journal some earlier session left: the commands it holds and what they apply to.
    struct Entry: Equatable {
        var file: String
        var workbook: String
        /// What the workbook's file held when the first command was recorded; nil for a workbook
        /// not yet saved.
        var base: Fingerprint?
        var pid: Int32
        /// When that process started, to tell it from a later one given the same id.
        var started: UInt64?
        var commands: [String]
    }

    static let header = "lockstep journal 1"
    let folder: String
    private var descriptor: Int32 = -1
    private(set) var path: String?

    init(folder: String) { self.folder = folder }

    /// The journal folder under `$XDG_STATE_HOME/lockstep`; nil where there is no state folder.
    static func standard() -> Journal? {
        StateFolder.path.map { Journal(folder: $0 + "/journal") }
    }

    deinit { if descriptor >= 0 { close(descriptor) } }

    var isRecording: Bool { descriptor >= 0 }

    /// Starts this session's journal for the workbook at `realPath`, as read (`base`).
    func start(workbook realPath: String, base: Fingerprint?) {
        discard()
        StateFolder.make(folder)
        let file = folder + "/" + Self.key(realPath) + "-\(getpid()).journal"
        let fd = open(file, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard fd >= 0 else { return }  // nowhere to write: the session goes on, unjournaled
        descriptor = fd
        path = file
        let baseLine = base.map { "base \($0.size) \(String($0.hash, radix: 16))" } ?? "base none"
        append([Self.header, "workbook " + Self.escaped(realPath), baseLine, "pid " + LiveProcess.current])
    }

    /// Appends one command and flushes it to the disk.
    func record(_ statement: String) {
        guard isRecording else { return }
        append([Self.escaped(statement)])
    }

    /// Ends and removes this session's journal: its changes were saved or given up.
    func discard() {
        guard descriptor >= 0 else { return }
        close(descriptor)
        descriptor = -1
        if let path { unlink(path) }
        path = nil
    }

    /// The journals of sessions on `realPath` whose process is gone, oldest process first.
    func leftBehind(for realPath: String) -> [Entry] {
        guard let directory = opendir(folder) else { return [] }
        defer { closedir(directory) }
        let prefix = Self.key(realPath) + "-"
        var entries: [Entry] = []
        while let item = readdir(directory) {
            let name = withUnsafeBytes(of: item.pointee.d_name) {
                String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self)
            }
            guard name.hasPrefix(prefix), name.hasSuffix(".journal"), folder + "/" + name != path,
                let entry = Self.read(folder + "/" + name), entry.workbook == realPath,
                entry.pid != getpid(), !LiveProcess.isRunning(entry.pid, startedAt: entry.started)
            else { continue }
            entries.append(entry)
        }
        return entries.sorted { $0.pid < $1.pid }
    }

    static func remove(_ entry: Entry) { unlink(entry.file) }

    /// A journal file read back; nil when it is not one (a journal is at most a few MB of commands).
    static func read(_ file: String) -> Entry? {
        guard let bytes = try? FileSystem.readBytes(file, limit: 64 << 20) else { return nil }
        let lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map {
            String(decoding: $0, as: UTF8.self)
        }
        guard lines.count >= 4, lines[0] == header, lines[1].hasPrefix("workbook "), lines[2].hasPrefix("base "),
            lines[3].hasPrefix("pid ")
        else { return nil }
        let process = lines[3].dropFirst(4).split(separator: " ")
        guard let first = process.first, let pid = Int32(first) else { return nil }
        let started = process.count > 1 ? UInt64(process[1]) : nil
        let baseWords = lines[2].split(separator: " ")
        var base: Fingerprint?
        if baseWords.count == 3, let size = Int(baseWords[1]), let hash = UInt64(baseWords[2], radix: 16) {
            base = Fingerprint(size: size, hash: hash)
        }
        // A last line cut short by a crash has no line break after it: it is left out.
        let commands = lines[4...].dropLast().map(unescaped)
        return Entry(
            file: file, workbook: unescaped(String(lines[1].dropFirst(9))), base: base, pid: pid, started: started,
            commands: Array(commands))
    }

    /// Writes the lines with one `write` and flushes them, so each command is on disk before
    /// the command that made it reports success.
    private func append(_ lines: [String]) {
        let bytes = Array(lines.map { $0 + "\n" }.joined().utf8)
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress! + written, $0.count - written) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return }
            written += count
        }
        fdatasync(descriptor)
    }

    /// FNV-1a of the real path, in hex: a file name for any path.
    static func key(_ realPath: String) -> String {
        String(Fingerprint(Array(realPath.utf8)).hash, radix: 16)
    }

    /// One command per line: backslashes and line breaks are escaped.
    static func escaped(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            default: out.append(character)
            }
        }
        return out
    }

    static func unescaped(_ text: String) -> String {
        var out = ""
        var escaping = false
        for character in text {
            if escaping {
                out.append(character == "n" ? "\n" : character == "r" ? "\r" : character)
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else {
                out.append(character)
            }
        }
        return out
    }
}
