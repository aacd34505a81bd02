/// Turns a workbook back into YAML text, sections in a stable order so diffs stay small.
public struct WorkbookEncoder: Sendable {
    public let registry: PluginRegistry
    /// Saved files up to this size are read back whole; larger ones piece by piece (see `readsAs`).
    public var wholeCheckLimit: Int

    public static let defaultWholeCheckLimit = 1 << 20

    public init(registry: PluginRegistry, wholeCheckLimit: Int = defaultWholeCheckLimit) {
        self.registry = registry
        self.wholeCheckLimit = wholeCheckLimit
    }

    /// The whole workbook written anew, as the format's documentation writes it.
    public func encode(_ workbook: Workbook) -> String {
        YAMLWriter.write(node(workbook))
    }

    /// The text to save: `original` with only what changed since it was read written anew, so
    /// comments, blank lines, quoting, key order and layout of everything else stay byte for
    /// byte (see `YAMLReprinter`). `keptLayout` is false when the whole workbook had to be
    /// written anew: there was no original, or its patched text would not read back as exactly
    /// this workbook — a check made on every save, so a wrong file is never written.
    public func encode(
        _ workbook: Workbook, keeping original: WorkbookText?
    ) -> (bytes: [UInt8], keptLayout: Bool, node: YAMLNode) {
        guard let original else {
            let after = node(workbook)
            return (Array(YAMLWriter.write(after).utf8), false, after)
        }
        // The file's layout is read on one core while the two versions are encoded on the other.
        let (root, (before, after)) = ParallelParts.pair(
            {
                try? YAMLReader.parseKeepingLayout(original.bytes, file: "saved workbook")
            },
            {
                (original.node ?? node(original.workbook), node(workbook))
            })
        guard let root,
            let (patched, pieces) = YAMLReprinter.reprint(original.bytes, root: root, before: before, after: after),
            readsAs(after, patched, pieces: pieces)
        else {
            return (Array(YAMLWriter.write(after).utf8), false, after)
        }
        return (patched, true, after)
    }

    /// Whether the patched text reads as `after`: read back whole, or, for a large file, each
    /// changed piece read on its own — a changed item of a long list, or a changed entry — as
    /// what it must be, so checking costs what changed, not what the file holds.
    private func readsAs(_ after: YAMLNode, _ patched: [UInt8], pieces: [YAMLReprinter.Piece]) -> Bool {
        let loader = WorkbookLoader(registry: registry)
        guard patched.count >= wholeCheckLimit else {
            return loader.read(patched).map(node) == after
        }
        let plugins = "plugins: [" + registry.names.joined(separator: ", ") + "]\n"
        for piece in pieces where piece.key != "lockstep" {
            var document = Array(("lockstep: 1\n" + (piece.key == "plugins" ? "" : plugins)).utf8)
            if piece.isItem { document += Array((piece.key + ":\n").utf8) }
            document += piece.text
            let expected = piece.isItem ? YAMLNode.sequence([piece.expected]) : piece.expected
            guard let read = loader.read(document), node(read).value(at: piece.key) == expected else { return false }
        }
        return true
    }

    /// The workbook as a YAML node: what `encode` writes, and what saves compare.
    public func node(_ workbook: Workbook) -> YAMLNode {
        var pairs: [(String, YAMLNode)] = [("lockstep", .literal(String(Workbook.formatVersion)))]
        if let name = workbook.name { pairs.append(("name", .string(name))) }
        pairs.append(("plugins", .sequence(workbook.plugins.map { .string($0) }, style: .flow)))
        if !workbook.pluginSettings.isEmpty {
            let entries = workbook.plugins.compactMap { name in
                workbook.pluginSettings[name].map { (name, $0.encode()) }
            }
            pairs.append((PluginSettings.key, .mapping(entries)))
        }
        for key in sectionKeys(workbook) {
            guard let section = workbook.sections[key] else { continue }
            pairs.append((key, section.encode()))
        }
        if !workbook.checks.isEmpty { pairs.append(("checks", workbook.checks.encode())) }
        return .mapping(pairs)
    }

    /// The file's own order for the sections it had, then new sections in their usual place.
    private func sectionKeys(_ workbook: Workbook) -> [String] {
        let usual = workbook.sections.sorted { ($0.value.order, $0.key) < ($1.value.order, $1.key) }.map(\.key)
        let kept = workbook.keyOrder.filter { workbook.sections[$0] != nil }
        var keys = kept
        for key in usual where !keys.contains(key) {
            // Insert before the first kept section that usually comes after it.
            let order = workbook.sections[key]?.order ?? 0
            let position = keys.firstIndex { other in (workbook.sections[other]?.order ?? 0) > order }
            keys.insert(key, at: position ?? keys.count)
        }
        return keys
    }
}

/// A workbook file's text and the workbook it reads as: what a save keeps the layout of.
public struct WorkbookText: Sendable {
    public var bytes: [UInt8]
    public var workbook: Workbook
    /// The workbook as a node, when a save already made it: the next save need not again.
    public var node: YAMLNode?

    public init(bytes: [UInt8], workbook: Workbook, node: YAMLNode? = nil) {
        self.bytes = bytes
        self.workbook = workbook
        self.node = node
    }
}
