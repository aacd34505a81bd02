import LockstepCore

/// The commands every session has, whatever plugins are loaded.
enum Builtins {
    static let all: [ShellCommand] = [
        help, plugins, load, unload, open, new, save, reload, undo, redo, set, add, edit, rename, remove, list, find, show, check, rules,
        explain, waive,
        exportReport, exportDiagram, serve, focus, tour, pluginAdd, pluginRemove, quit, exit,
    ]
}

/// `quit`: a clean end of the session, which is not an error.
struct QuitRequest: Error {
    /// Leave without asking about unsaved changes.
    let discardChanges: Bool
}
