/// Turns a workbook back into YAML text, sections in a stable order so diffs stay small.
public struct WorkbookEncoder: Sendable {
    public let registry: PluginRegistry

    public init(registry: PluginRegistry) { self.registry = registry }

    /// The whole workbook written anew, as the format's documentation writes it.
    public func encode(_ workbook: Workbook) -> String {
        YAMLWriter.write(node(workbook))
    }

    /// The text to save: `original` with only what changed since it was read written anew, so
    /// comments, blank lines, quoting, key order and layout of everything else stay byte for
    /// byte (see `YAMLReprinter`). `keptLayout` is false when the whole workbook had to be
    /// written anew: there was no original, or its patched text would not read back as exactly
    /// this workbook — a check made on every save, so a wrong file is never written.
    public func encode(_ workbook: Workbook, keeping original: WorkbookText?) -> (bytes: [UInt8], keptLayout: Bool) {
        let after = node(workbook)
        guard let original, let root = try? YAMLReader.parseKeepingLayout(original.bytes, file: "saved workbook"),
              let patched = YAMLReprinter.reprint(original.bytes, root: root, before: node(original.workbook), after: after),
              let reread = WorkbookLoader(registry: registry).read(patched), node(reread) == after else {
            return (Array(YAMLWriter.write(after).utf8), false)
        }
        return (patched, true)
    }

    /// The workbook as a YAML node: what `encode` writes, and what saves compare.
    public func node(_ workbook: Workbook) -> YAMLNode {
        var pairs: [(String, YAMLNode)] = [("lockstep", .literal(String(Workbook.formatVersion)))]
        if let name = workbook.name { pairs.append(("name", .string(name))) }
        pairs.append(("plugins", .sequence(workbook.plugins.map { .string($0) }, style: .flow)))
        for key in sectionKeys(workbook) {
            guard let section = workbook.sections[key] else { continue }
            pairs.append((key, section.encode()))
        }
        if !workbook.checks.isEmpty { pairs.append(("checks", workbook.checks.encode())) }
        return .mapping(pairs)
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

/// A workbook file's text and the workbook it reads as: what a save keeps the layout of.
public struct WorkbookText: Sendable {
    public var bytes: [UInt8]
    public var workbook: Workbook

    public init(bytes: [UInt8], workbook: Workbook) {
        self.bytes = bytes
        self.workbook = workbook
    }
}
