import LockstepCore

#if canImport(Glibc)
import Glibc
#endif

/// Where the shell keeps what outlives a session: `$XDG_STATE_HOME/lockstep`, else
/// `~/.local/state/lockstep` (the history, the recovery journals).
enum StateFolder {
    static var path: String? {
        if let xdg = FileSystem.environment("XDG_STATE_HOME"), xdg.hasPrefix("/") { return xdg + "/lockstep" }
        if let home = FileSystem.environment("HOME"), !home.isEmpty { return home + "/.local/state/lockstep" }
        return nil
    }

    /// Creates `folder` and the folders above it, readable by the user alone.
    static func make(_ folder: String) {
        var prefix = ""
        for part in folder.split(separator: "/") {
            prefix += "/" + part
            mkdir(prefix, 0o700)
        }
    }
}
