import LockstepCore

/// A workbook as a commit holds it: `git:REV:PATH`, read with `git show REV:./PATH`.
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
        let result: ChildProcess.Result
        do throws(ChildProcess.Failure) {
            result = try ChildProcess.run(["git", "show", object], outputLimit: limit, timeout: 120)
        } catch {
            switch error {
            case .outputTooLarge: throw Failure(reason: "the file is over the limit of \(limit / 1_000_000) MB")
            case .cannotStart(let reason): throw Failure(reason: "cannot run git: \(reason)")
            case .timedOut(let seconds): throw Failure(reason: "git did not answer within \(seconds) seconds")
            }
        }
        guard result.status == 0 else {
            // git's own first line says why (an unknown revision, a path not in it).
            let said = result.errors.isEmpty ? "git show failed" : result.errors
            let line = said.split(separator: "\n").first.map(String.init) ?? said
            throw Failure(
                reason: Sanitized.excerpt(line.hasPrefix("fatal: ") ? String(line.dropFirst(7)) : line, limit: 160))
        }
        return result.output
    }
}
