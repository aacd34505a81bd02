import LockstepCore
import LockstepPluginHost

extension WorkbookLoader {
    /// A loader over `registry` that starts the plugins a workbook names by path through `resolver`.
    /// `warn` is told what a plugin could not do without stopping the load.
    static func withExternalPlugins(
        _ registry: PluginRegistry, resolver: PluginResolver?, warn: (@Sendable (String) -> Void)? = nil
    ) -> WorkbookLoader {
        guard let resolver else { return WorkbookLoader(registry: registry, warn: warn) }
        return WorkbookLoader(
            registry: registry, external: { entry, file in resolver.resolve(entry, workbook: file) }, warn: warn)
    }
}

extension PluginResolver {
    /// A resolver keeping signatures in the state folder (`plugins/`), for this run.
    static func standard(builtIn: PluginRegistry) -> PluginResolver {
        PluginResolver(
            cacheFolder: StateFolder.path.map { $0 + "/plugins" }, lockstepVersion: Lockstep.version, builtIn: builtIn)
    }
}

extension Session {
    /// The plugin `entry` names: a built-in one, or a program by its path (written as the workbook
    /// will keep it: relative to the workbook's folder when inside it), started and asked its
    /// signature. Returns the name to list under `plugins:`.
    func findPlugin(_ entry: String, command: String) throws(CommandError) -> String {
        if registry.plugin(named: entry) != nil { return entry }
        guard let resolver = pluginResolver, WorkbookLoader.isExternal(entry) || PluginResolver.installed(entry) != nil
        else {
            throw .usage(
                "\(command): unknown plugin '\(Sanitized.excerpt(entry))'\(Suggestion.phrase(for: entry, in: registry.names))",
                fix:
                    "'plugins' lists the plugins there are; a plugin of your own is named by its path, e.g. ./plugins/meddicc.py"
            )
        }
        let file = path ?? "untitled.yaml"
        let folder = FileSystem.realPath(FileSystem.folder(of: file).isEmpty ? "." : FileSystem.folder(of: file)) ?? "."
        var written = entry
        if WorkbookLoader.isExternal(entry),
            let absolute = FileSystem.realPath(
                FileSystem.folder(of: entry).isEmpty ? "." : FileSystem.folder(of: entry))
        {
            let full = absolute + "/" + (entry.split(separator: "/").last.map(String.init) ?? entry)
            written = full.hasPrefix(folder + "/") ? "./" + full.dropFirst(folder.count + 1) : full
        }
        switch resolver.resolve(written, workbook: file) {
        case .success:
            registry = builtIn.adding(resolver.plugins)
            return written
        case .failure(let failure):
            throw .failed(
                "\(command): plugin '\(Sanitized.excerpt(entry))' cannot be used: \(failure.reason)",
                fix: "'lockstep plugin test \(Sanitized.excerpt(entry))' shows what it answers")
        }
    }
}
