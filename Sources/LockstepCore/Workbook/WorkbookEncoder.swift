/// Turns a workbook back into YAML text, sections in a stable order so diffs stay small.
public struct WorkbookEncoder: Sendable {
    public let registry: PluginRegistry

    public init(registry: PluginRegistry) { self.registry = registry }

    public func encode(_ workbook: Workbook) -> String {
        var pairs: [(String, YAMLNode)] = [("lockstep", .literal(String(Workbook.formatVersion)))]
        if let name = workbook.name { pairs.append(("name", .string(name))) }
        pairs.append(("plugins", .sequence(workbook.plugins.map { .string($0) }, style: .flow)))
        for key in sectionKeys(workbook) {
            guard let section = workbook.sections[key] else { continue }
            pairs.append((key, section.encode()))
        }
        if !workbook.checks.isEmpty { pairs.append(("checks", workbook.checks.encode())) }
        return YAMLWriter.write(.mapping(pairs))
    }

    /// The file's own order for the sections it had, then new sections in their usual place.
    private func sectionKeys(_ workbook: Workbook) -> [String] {
        let usual = workbook.sections.values.map { type(of: $0) }
            .sorted { $0.writeOrder < $1.writeOrder }.map { $0.key }
        let kept = workbook.keyOrder.filter { workbook.sections[$0] != nil }
        var keys = kept
        for key in usual where !keys.contains(key) {
            // Insert before the first kept section that usually comes after it.
            let order = workbook.sections[key].map { type(of: $0).writeOrder } ?? 0
            let position = keys.firstIndex { other in (workbook.sections[other].map { type(of: $0).writeOrder } ?? 0) > order }
            keys.insert(key, at: position ?? keys.count)
        }
        return keys
    }
}
