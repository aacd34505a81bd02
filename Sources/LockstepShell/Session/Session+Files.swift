import LockstepCore

extension Session {
    /// Reads a workbook file and makes it the session's workbook.
    func open(_ path: String) throws(CommandError) {
        let bytes: [UInt8]
        do {
            bytes = try FileSystem.readBytes(path)
        } catch {
            throw .workbook(WorkbookLoadError(errors: [.unreadable(file: path, reason: error.reason)]))
        }
        let loaded: Workbook
        do {
            loaded = try WorkbookLoader(registry: registry).decode(bytes, file: path)
        } catch {
            throw .workbook(error)
        }
        replace(with: loaded, path: path, fingerprint: Fingerprint(bytes))
        savedText = WorkbookText(bytes: bytes, workbook: loaded)
    }

    /// Starts an empty workbook with every plugin loaded, to be saved to `path`; with a
    /// template, each plugin fills in what that CRM ships with.
    func startNew(path: String?, name: String?, template: String? = nil) throws(CommandError) {
        if let path, FileSystem.exists(path) {
            throw .failed("\(path) already exists", fix: "open it with 'open \(path)', or choose another file name")
        }
        var workbook = Workbook(name: name, plugins: registry.names)
        if let template {
            guard WorkbookTemplates.names.contains(template) else {
                throw .unknown("template", template, among: WorkbookTemplates.names)
            }
            let parts = registry.available.compactMap { $0.template(template) }
            var text = "lockstep: 1\n" + (name.map { "name: \"\($0)\"\n" } ?? "") + "plugins: [\(registry.names.joined(separator: ", "))]\n"
            for part in parts { text += "\n" + part }
            do {
                let loader = WorkbookLoader(registry: registry)
                let composed = try loader.decode(Array(text.utf8), file: path ?? "\(template) template")
                // Read back as 'save' will write it, so the lines in messages are the saved file's.
                workbook = try loader.decode(Array(WorkbookEncoder(registry: registry).encode(composed).utf8), file: path ?? "untitled")
            } catch {
                throw .workbook(error)
            }
        }
        replace(with: workbook, path: path, fingerprint: nil)
        stateID = -1  // a new workbook is unsaved until the first save
    }

    /// Writes the workbook atomically, refusing to overwrite a file someone else changed.
    func save(to target: String?, force: Bool) throws(CommandError) -> String {
        guard let destination = target ?? path else {
            throw .usage("this workbook has no file yet", fix: "name one: save FILE.yaml")
        }
        let onDisk = try? FileSystem.readBytes(destination)
        if !force {
            if destination == path, let onDisk, Fingerprint(onDisk) != fingerprint {
                throw .failed("\(destination) changed on disk since it was opened",
                              fix: "save to another file (save FILE), or overwrite with 'save --force' (the other changes are lost)")
            }
            if destination != path, onDisk != nil {
                throw .failed("\(destination) already exists", fix: "choose another name, or overwrite it with 'save \(destination) --force'")
            }
        }
        let (bytes, keptLayout) = WorkbookEncoder(registry: registry).encode(workbook, keeping: savedText)
        if !keptLayout, savedText != nil {
            emit(.note("note: the file's layout could not be kept for this change; the workbook was written out whole"))
        }
        do {
            try FileSystem.writeAtomically(bytes, to: destination)
        } catch {
            throw .failed("cannot save \(destination): \(error.reason)", fix: "check the folder exists and is writable, or save elsewhere")
        }
        path = destination
        fingerprint = Fingerprint(bytes)
        savedText = WorkbookText(bytes: bytes, workbook: workbook)
        savedStateID = stateID
        return destination
    }
}

/// The templates `new --template` offers: the default stages of the common CRMs, each filled
/// in by the plugins that know that CRM. Kept out of the core, which knows nothing of sales.
enum WorkbookTemplates {
    static let names = ["salesforce", "hubspot", "waterfall"]
}
