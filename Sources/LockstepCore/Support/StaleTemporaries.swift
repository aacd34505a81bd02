#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The temporary files a save makes beside its target, and the cleaning up of those a killed
/// process left behind: `.NAME.lockstep-PID-TOKEN.tmp`, so the process that made one is known.
public enum StaleTemporaries {
    static func name(for target: String, token: String) -> String {
        FileSystem.folder(of: target) + "/" + prefix(of: target) + "\(getpid())-\(token).tmp"
    }

    private static func prefix(of target: String) -> String {
        "." + (target.split(separator: "/").last.map(String.init) ?? target) + ".lockstep-"
    }

    /// Removes the temporary files of `target` whose process is gone; returns how many.
    @discardableResult
    public static func clean(beside target: String) -> Int {
        guard let folder = opendir(FileSystem.folder(of: target)) else { return 0 }
        defer { closedir(folder) }
        let prefix = prefix(of: target)
        var removed = 0
        while let entry = readdir(folder) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            guard name.hasPrefix(prefix), name.hasSuffix(".tmp"),
                let pid = Int32(name.dropFirst(prefix.count).prefix { $0 != "-" }),
                kill(pid, 0) != 0, errno == ESRCH
            else { continue }
            if unlink(FileSystem.folder(of: target) + "/" + name) == 0 { removed += 1 }
        }
        return removed
    }
}
