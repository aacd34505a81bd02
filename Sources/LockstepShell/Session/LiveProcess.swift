import LockstepCore

#if canImport(Glibc)
import Glibc
#endif

/// Whether the process that wrote a journal is still running. A process id alone is not
/// enough: a killed shell can linger as a zombie until its parent reaps it, and ids are
/// reused. Linux's `/proc/PID/stat` gives the state and the start time that tell them apart.
enum LiveProcess {
    /// The process's start time (clock ticks after boot), or nil when it is gone or a zombie.
    static func startTime(of pid: Int32) -> UInt64? {
        guard let bytes = try? FileSystem.readBytes("/proc/\(pid)/stat", limit: 4096),
            let close = bytes.lastIndex(of: UInt8(ascii: ")"))
        else { return nil }
        // After the command name in parentheses: state, then fields 4… ; the start time is field 22.
        let fields = bytes[(close + 2)...].split(separator: UInt8(ascii: " ")).map {
            String(decoding: $0, as: UTF8.self)
        }
        guard fields.count > 19, fields[0] != "Z", fields[0] != "X" else { return nil }
        return UInt64(fields[19])
    }

    /// This process's identity as a journal records it: `PID START`.
    static var current: String { "\(getpid()) \(startTime(of: getpid()) ?? 0)" }

    /// True while the process `pid` that started at `start` runs.
    static func isRunning(_ pid: Int32, startedAt start: UInt64?) -> Bool {
        guard let now = startTime(of: pid) else { return false }
        return start == nil || start == 0 || now == start
    }
}
