/// The plugins Lockstep can load, and the rules for loading them in a valid order.
public struct PluginRegistry: Sendable {
    public let available: [any Plugin]

    public init(_ plugins: [any Plugin]) { self.available = plugins }

    /// This registry with `plugins` too (the external plugins a workbook named); a name already
    /// known keeps its first plugin.
    public func adding(_ plugins: [any Plugin]) -> PluginRegistry {
        PluginRegistry(available + plugins.filter { plugin in !available.contains { $0.name == plugin.name } })
    }

    public var names: [String] { available.map(\.name) }

    public func plugin(named name: String) -> (any Plugin)? {
        available.first { $0.name == name }
    }

    /// The plugin that owns a top-level section key.
    public func owner(ofSection key: String) -> (any Plugin)? {
        available.first { plugin in plugin.sections.contains { $0.key == key } }
    }

    /// `names` plus everything they need, dependencies first, each once.
    public func withDependencies(_ names: [String]) -> [String] {
        var ordered: [String] = []
        func visit(_ name: String, depth: Int) {
            guard depth < 16, !ordered.contains(name), let plugin = plugin(named: name) else { return }
            for dependency in plugin.dependencies { visit(dependency, depth: depth + 1) }
            ordered.append(name)
        }
        for name in names { visit(name, depth: 0) }
        return ordered
    }

    /// Loaded plugins that need `name`.
    public func dependents(of name: String, among loaded: [String]) -> [String] {
        loaded.filter { plugin(named: $0)?.dependencies.contains(name) ?? false }
    }
}
