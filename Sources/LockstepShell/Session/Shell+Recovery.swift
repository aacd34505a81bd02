import LockstepCore

extension Shell {
    /// Offers the changes journaled by earlier sessions on the open workbook that ended without
    /// saving: re-apply them (through the commands, so undo takes them back), discard them, or
    /// show them first. Without a terminal it only says they are there.
    func offerRecovery() {
        session.needsRecoveryCheck = false
        guard let journal = session.journal, let path = session.path, let real = FileSystem.realPath(path) else {
            return
        }
        for entry in journal.leftBehind(for: real) {
            guard !entry.commands.isEmpty else {
                Journal.remove(entry)
                continue
            }
            let count = entry.commands.count == 1 ? "1 unsaved change" : "\(entry.commands.count) unsaved changes"
            guard reader.isInteractive else {
                session.output.writeError(
                    "note: \(count) to \(session.displayName) from a session that ended without saving are kept; "
                        + "open it in the shell to re-apply or discard them\n")
                continue
            }
            var intro =
                "\(count) to \(session.displayName) from a session that ended without saving (process \(entry.pid))."
            if let base = entry.base, base != session.fingerprint {
                intro += "\nThe file has changed since; re-applying puts them on top of what it holds now."
            }
            session.emit(.text(intro))
            list(entry.commands.prefix(Self.listedAtFirst))
            if entry.commands.count > Self.listedAtFirst {
                session.emit(.text("  … and \(entry.commands.count - Self.listedAtFirst) more ('s' shows them all)"))
            }
            decide(entry, count: count)
        }
    }

    /// How many journaled commands are listed before the question.
    static let listedAtFirst = 10

    private func list(_ commands: ArraySlice<String>) {
        for (number, command) in zip(commands.indices, commands) {
            session.emit(.text("  \(number + 1). \(Sanitized.visible(command))"))
        }
    }

    private func decide(_ entry: Journal.Entry, count: String) {
        while true {
            let answer = reader.readLine(prompt: "[r]e-apply, [d]iscard or [s]how them? ")
            guard case .line(let text) = answer else {
                session.emit(.note("\nkept them: the next start on \(session.displayName) offers them again"))
                return
            }
            switch text.trimmed.lowercased().first {
            case "s":
                list(entry.commands[...])
            case "r":
                reapply(entry)
                return
            case "d":
                Journal.remove(entry)
                session.emit(.note("discarded \(count)"))
                return
            default:
                session.emit(.note("kept them: the next start on \(session.displayName) offers them again"))
                return
            }
        }
    }

    /// Runs the journaled commands again (see `Session.replay`).
    private func reapply(_ entry: Journal.Entry) {
        let failed = session.replay(entry.commands).count
        Journal.remove(entry)
        let applied = entry.commands.count - failed
        let notApplied = failed == 0 ? "" : " (\(failed) no longer applied, as said above)"
        session.emit(
            .note(
                "re-applied \(applied) of \(entry.commands.count) changes\(notApplied); 'undo' takes them back one at a time, 'save' keeps them"
            ))
    }
}
