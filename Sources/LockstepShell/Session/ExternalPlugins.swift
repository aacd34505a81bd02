import LockstepCore
import LockstepPluginHost

extension WorkbookLoader {
    /// A loader over `registry` that starts the plugins a workbook names by path through `resolver`.
    static func withExternalPlugins(_ registry: PluginRegistry, resolver: PluginResolver?) -> WorkbookLoader {
        guard let resolver else { return WorkbookLoader(registry: registry) }
        return WorkbookLoader(registry: registry) { entry, file in resolver.resolve(entry, workbook: file) }
    }
}

extension PluginResolver {
    /// A resolver keeping signatures in the state folder (`plugins/`), for this run.
    static func standard() -> PluginResolver {
        PluginResolver(cacheFolder: StateFolder.path.map { $0 + "/plugins" }, lockstepVersion: Lockstep.version)
    }
}
