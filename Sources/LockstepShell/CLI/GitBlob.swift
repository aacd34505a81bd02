import LockstepCore

#if canImport(Glibc)
import Glibc
#endif

/// A workbook as a commit holds it: `git:REV:PATH`, read with `git show REV:./PATH`.
///
/// Why posix_spawn rather than swift-subprocess: one synchronous, bounded read on a command
/// line that is otherwise synchronous; the package's API is async and would bring its
/// dependencies into the build for this one call.
enum GitBlob {
    struct Failure: Error {
        let reason: String
    }

    /// `(REV, PATH)` for `git:REV:PATH`; nil for an ordinary path.
    static func parse(_ text: String) -> (revision: String, path: String)? {
        guard text.hasPrefix("git:") else { return nil }
        let rest = text.dropFirst(4)
        guard let colon = rest.firstIndex(of: ":") else { return nil }
        return (String(rest[..<colon]), String(rest[rest.index(after: colon)...]))
    }

    /// The file's bytes at `revision`, at most `limit` of them.
    static func contents(revision: String, path: String, limit: Int) throws(Failure) -> [UInt8] {
        guard !revision.isEmpty, !revision.hasPrefix("-"), !path.isEmpty else {
            throw Failure(reason: "write it git:REVISION:PATH, e.g. git:HEAD~1:examples/acme.yaml")
        }
        let object = revision + ":" + (path.hasPrefix("/") || path.hasPrefix("./") ? path : "./" + path)
        var output: [Int32] = [0, 0], errors: [Int32] = [0, 0]
        guard pipe(&output) == 0, pipe(&errors) == 0 else { throw Failure(reason: FileSystem.lastError()) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, output[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errors[1], 2)
        posix_spawn_file_actions_addclose(&actions, output[0])
        posix_spawn_file_actions_addclose(&actions, errors[0])
        let arguments = ["git", "show", object]
        var argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var child: pid_t = 0
        let spawned = posix_spawnp(&child, "git", &actions, nil, &argv, environ)
        close(output[1])
        close(errors[1])
        defer { close(output[0]); close(errors[0]) }
        guard spawned == 0 else { throw Failure(reason: "cannot run git: \(String(cString: strerror(spawned)))") }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        var tooLarge = false
        while true {
            let count = read(output[0], &buffer, buffer.count)
            if count < 0, errno == EINTR { continue }
            if count <= 0 { break }
            if bytes.count + count > limit {
                tooLarge = true
                kill(child, SIGTERM)
                break
            }
            bytes += buffer[..<count]
        }
        let message = read(errors[0], &buffer, 4096)
        var status: Int32 = 0
        while waitpid(child, &status, 0) < 0, errno == EINTR {}
        if tooLarge { throw Failure(reason: "the file is over the limit of \(limit / 1_000_000) MB") }
        guard status == 0 else {
            // git's own first line says why (an unknown revision, a path not in it).
            let said = message > 0 ? String(decoding: buffer[..<message], as: UTF8.self) : "git show failed"
            let line = said.split(separator: "\n").first.map(String.init) ?? said
            throw Failure(
                reason: Sanitized.excerpt(line.hasPrefix("fatal: ") ? String(line.dropFirst(7)) : line, limit: 160))
        }
        return bytes
    }
}
