import LockstepCore
import LockstepPluginHost

extension Session {
    /// Reads a workbook file and makes it the session's workbook.
    public func open(_ path: String) throws(CommandError) {
        let bytes: [UInt8], readStamp: FileStamp
        do {
            (bytes, readStamp) = try WorkbookLoader.read(path)
        } catch {
            throw .workbook(error)
        }
        let loaded: Workbook
        _ = loadWarnings.drain()
        do {
            loaded = try loader.decode(bytes, file: path)
        } catch {
            throw .workbook(error)
        }
        registry = builtIn.adding(pluginResolver?.plugins ?? [])
        for warning in loadWarnings.drain() { emit(.note("warning: \(warning)")) }
        replace(with: loaded, path: path, fingerprint: Fingerprint(bytes))
        savedText = WorkbookText(bytes: bytes, workbook: loaded)
        stamp = readStamp
        if let real = try? SafeWrite.resolve(path) { StaleTemporaries.clean(beside: real) }
    }

    /// A loader that finds the external plugins a workbook names, when the session may run them.
    var loader: WorkbookLoader {
        // Warnings come while the file loads; they are said once it is open.
        WorkbookLoader.withExternalPlugins(builtIn, resolver: pluginResolver) { [loadWarnings] warning in
            loadWarnings.append(warning)
        }
    }

    /// Reads the workbook's file again and, unless `discarding`, re-applies this session's
    /// changes on top of it through the commands; returns the changes that no longer applied.
    func reload(discarding: Bool) throws(CommandError) -> (reapplied: Int, failed: [String]) {
        guard let path else {
            throw .usage("this workbook has no file to read again", fix: "open one, or save this one first")
        }
        let changes = discarding ? [] : changesSinceSaved
        try open(path)
        needsRecoveryCheck = false  // the journal goes on with the changes re-applied below
        let failed = replay(changes)
        return (changes.count - failed.count, failed)
    }

    /// Runs earlier changes again through the commands (so undo and the journal see them),
    /// answering yes to what they asked when first made; returns those that failed now.
    func replay(_ statements: [String]) -> [String] {
        let asker = self.asker
        self.asker = { _ in true }
        defer { self.asker = asker }
        return statements.filter { runStatement?($0) != true }
    }

    /// Starts an empty workbook with every plugin loaded, to be saved to `path`; with a
    /// template, each plugin fills in what that CRM ships with.
    func startNew(path: String?, name: String?, template: String? = nil) throws(CommandError) {
        if let path, FileSystem.exists(path) {
            throw .failed("\(path) already exists", fix: "open it with 'open \(path)', or choose another file name")
        }
        var workbook = Workbook(name: name, plugins: registry.names)
        if let template {
            guard templateNames.contains(template) else {
                throw .unknown("template", template, among: templateNames)
            }
            let parts = registry.available.compactMap { $0.template(template) }
            var text =
                "lockstep: 1\n" + (name.map { "name: \"\($0)\"\n" } ?? "")
                + "plugins: [\(registry.names.joined(separator: ", "))]\n"
            for part in parts { text += "\n" + part }
            do {
                let loader = WorkbookLoader(registry: registry)
                let composed = try loader.decode(Array(text.utf8), file: path ?? "\(template) template")
                // Read back as 'save' will write it, so the lines in messages are the saved file's.
                workbook = try loader.decode(
                    Array(WorkbookEncoder(registry: registry).encode(composed).utf8), file: path ?? "untitled")
            } catch {
                throw .workbook(error)
            }
        }
        replace(with: workbook, path: path, fingerprint: nil)
        stateID = -1  // a new workbook is unsaved until the first save
        journalChange()  // `new … --template`: replayed first, when recovering
    }

    /// Writes the workbook safely (see `SafeWrite`), refusing to overwrite a file someone else
    /// changed since it was read, or, for another name, a file that exists, unless forced.
    func save(to target: String?, force: Bool) throws(CommandError) -> String {
        guard let destination = target ?? path else {
            throw .usage("this workbook has no file yet", fix: "name one: save FILE.yaml")
        }
        let (bytes, keptLayout, node) = WorkbookEncoder(registry: registry, wholeCheckLimit: saveCheckLimit).encode(
            workbook, keeping: savedText)
        let outcome: SafeWrite.Outcome
        do {
            outcome = try SafeWrite.write(bytes, to: destination) { (existing) throws(CommandError) in
                guard !force, case .file(let stamp) = existing else { return }
                if destination == path {
                    guard !unchanged(stamp, at: destination) else { return }
                    throw .failed(
                        "\(destination) changed on disk since it was opened",
                        fix:
                            "save to another file (save FILE), or overwrite with 'save --force' (the other changes are lost)"
                    )
                }
                throw .failed(
                    "\(destination) already exists",
                    fix: "choose another name, or overwrite it with 'save \(destination) --force'")
            }
        } catch let refusal as CommandError {
            throw refusal
        } catch {
            let reason = (error as? FileSystem.Failure)?.reason ?? "\(error)"
            throw .failed(
                "cannot save \(destination): \(reason)",
                fix: "check the folder exists and is writable, or save elsewhere")
        }
        if !keptLayout, savedText != nil {
            emit(.note("note: the file's layout could not be kept for this change; the workbook was written out whole"))
        }
        if outcome.links > 1 {
            emit(
                .note(
                    "note: \(destination) has \(outcome.links) hard links; it was written in place so that each of them shows the change"
                ))
        }
        path = destination
        fingerprint = Fingerprint(bytes)
        stamp = outcome.stamp
        // Items added or changed in the session get their places in the file as saved, read back
        // from what was written (a file too large to read again keeps them until it is reopened).
        if bytes.count <= saveCheckLimit,
            let placed = try? WorkbookLoader(registry: registry).decode(bytes, file: destination)
        {
            workbook = placed
        }
        savedText = WorkbookText(bytes: bytes, workbook: workbook, node: node)
        savedStateID = stateID
        journal?.discard()
        changesSinceSaved = []
        return outcome.path == destination ? destination : "\(destination) (through the link to \(outcome.path))"
    }

    /// True when the workbook's file no longer holds what was read or saved (looked at without
    /// the lock: `save` checks again under it).
    var changedOnDisk: Bool {
        guard let path, let now = FileSystem.stamp(of: path) else { return false }
        return !unchanged(now, at: path)
    }

    /// Whether the file still holds what was read or saved: the same file, size and time say so
    /// without reading it; otherwise its content is compared (a file touched but not changed).
    private func unchanged(_ now: FileStamp, at path: String) -> Bool {
        if let stamp, stamp.sameContent(as: now) { return true }
        guard let fingerprint, now.size == fingerprint.size,
            let bytes = try? FileSystem.readBytes(path, limit: WorkbookLoader.sizeLimit)
        else { return false }
        return Fingerprint(bytes) == fingerprint
    }
}

extension Session {
    /// The templates `new --template` offers: those the plugins know (the default stages of the
    /// common CRMs), each filled in by every plugin that knows it.
    var templateNames: [String] { registry.available.flatMap(\.templates).uniqued }
}
