/// Every problem that kept a workbook from loading, in file order.
public struct WorkbookLoadError: Error, Equatable, Sendable, CustomStringConvertible {
    public var errors: [WorkbookError]

    public init(errors: [WorkbookError]) { self.errors = errors }

    public var description: String { errors.map(\.rendered).joined(separator: "\n") }
}

/// Reads workbook files: YAML → sections of the loaded plugins → ids and references checked.
public struct WorkbookLoader: Sendable {
    public static let coreKeys = ["lockstep", "name", "plugins", PluginSettings.key, "checks"]
    /// The largest workbook read: far beyond any client's model (the 20,000-activity benchmark
    /// workbook is 5 MB), small enough that a wrong file never fills memory. `LOCKSTEP_MAX_WORKBOOK_MB`
    /// raises it.
    public static var sizeLimit: Int {
        (FileSystem.environment("LOCKSTEP_MAX_WORKBOOK_MB").flatMap(Int.init) ?? 256) * 1_000_000
    }
    /// Enough errors to fix in one sitting; more only repeat one mistake.
    static let errorLimit = 50

    public let registry: PluginRegistry
    /// From this size on, a workbook's longest list is read a run of about `bytes` at a time
    /// (see `ListRuns`); tests make both small.
    var runs = (above: 4 << 20, bytes: 1 << 20)
    /// Finds a plugin the workbook names by its path (an external plugin, docs/plugins.md), given
    /// the entry as written and the workbook's file; nil to take built-in plugins only.
    public let external: (@Sendable (_ entry: String, _ file: String) -> Result<any Plugin, ExternalPluginError>)?

    /// Told what does not stop a load but should be said (a plugin that could not validate).
    public var warn: (@Sendable (String) -> Void)?

    public init(
        registry: PluginRegistry,
        external: (@Sendable (_ entry: String, _ file: String) -> Result<any Plugin, ExternalPluginError>)? = nil,
        warn: (@Sendable (String) -> Void)? = nil
    ) {
        self.registry = registry
        self.external = external
        self.warn = warn
    }

    /// An entry of `plugins:` that names a program by its path rather than a built-in plugin.
    public static func isExternal(_ entry: String) -> Bool { entry.contains("/") }

    public func load(path: String) throws(WorkbookLoadError) -> Workbook {
        let (bytes, stamp) = try Self.read(path)
        return try decode(consume bytes, file: path, reread: Self.rereader(of: path, stamp: stamp))
    }

    /// A workbook file's bytes and how it looked when read: a regular file within the size limit.
    public static func read(_ path: String) throws(WorkbookLoadError) -> (bytes: [UInt8], stamp: FileStamp) {
        do {
            return try FileSystem.readFile(path, limit: sizeLimit)
        } catch {
            let tooLarge = error.reason.contains("over the limit")
            let reason =
                tooLarge
                ? error.reason + " (a workbook may be \(sizeLimit / 1_000_000) MB; LOCKSTEP_MAX_WORKBOOK_MB raises it)"
                : error.reason
            throw WorkbookLoadError(errors: [.unreadable(file: path, reason: reason)])
        }
    }

    public func decode(_ bytes: consuming [UInt8], file: String) throws(WorkbookLoadError) -> Workbook {
        try decode(bytes, file: file, reread: nil)
    }

    /// `reread`: the file's bytes in a range, read again. Given it, a large workbook's bytes are
    /// dropped once its longest list is cut into runs, and each run is read from the file when
    /// its turn comes: the file is never held beside the model.
    func decode(_ bytes: consuming [UInt8], file: String, reread: RunText?) throws(WorkbookLoadError) -> Workbook {
        var context = DecodeContext(file: file)
        // The document is dropped as soon as the sections are decoded, before validation builds
        // the item index: a large workbook never holds both at once. The file's bytes go as soon
        // as they are read: the document keeps its own copy of the text. A large workbook's
        // longest list is read a run of items at a time, so its whole document is never held.
        var held: [UInt8]? = consume bytes
        let workbook: Workbook
        let registry: PluginRegistry
        do throws(WorkbookError) {
            try YAMLReader.refuseOtherKinds(held!, file: file)
            var inRuns: (workbook: Workbook, registry: PluginRegistry, context: DecodeContext)?
            if let plan = planRuns(held!, file: file) {
                let text = reread ?? Self.slicer(of: held!)
                if reread != nil { held = nil }
                let size = plan.size
                inRuns = try decodeInRuns(consume plan, text: text, file: file)
                if inRuns == nil, held == nil { held = try text(0..<size) }
            }
            if let inRuns {
                (workbook, registry, context) = inRuns
            } else {
                let parsed = try YAMLReader.parse(held!, file: file)
                held = nil
                guard let root = parsed else { throw WorkbookError.emptyFile(file: file) }
                (workbook, registry) = decodeSections(root, context: context)
            }
        } catch {
            throw WorkbookLoadError(errors: [error])
        }
        Self.validate(workbook, registry: registry, context: context)
        for warning in context.warnings { warn?(warning) }
        if !context.errors.isEmpty {
            let sorted = context.errors.enumerated().sorted { a, b in
                (a.element.location.line, a.element.location.column, a.offset) < (
                    b.element.location.line, b.element.location.column, b.offset
                )
            }
            throw WorkbookLoadError(errors: Array(sorted.map(\.element).prefix(Self.errorLimit)))
        }
        return workbook
    }

    /// The workbook `bytes` hold, read without validating it; nil when they are not YAML. A save
    /// reads its own text back with it, to compare with what it meant to write.
    func read(_ bytes: [UInt8]) -> Workbook? {
        guard let root = try? YAMLReader.parse(bytes, file: "saved workbook") else { return nil }
        return decodeSections(root, context: DecodeContext(file: "saved workbook")).workbook
    }

    /// The external plugins the `plugins:` list of `root` names that can be found, so that
    /// their sections are known before the sections are read. Each is asked once: the resolver
    /// keeps what it found, and `plugins(_:present:context:)` reports those it could not.
    private func externalPlugins(_ root: SourceNode, file: String) -> [any Plugin] {
        guard let external, let list = root.entries?.first(where: { $0.key.hasText("plugins") })?.value.items
        else { return [] }
        return list.compactMap { node in
            guard let entry = node.scalar, registry.plugin(named: entry) == nil,
                case .success(let plugin) = external(entry, file)
            else { return nil }
            return plugin
        }
    }

    func decodeSections(
        _ root: consuming SourceNode, context: DecodeContext
    ) -> (workbook: Workbook, registry: PluginRegistry) {
        let registry = registry.adding(externalPlugins(root, file: context.file))
        guard let entries = root.entries else {
            // What the file holds is not quoted: a file that is no workbook may be anything (a
            // symlink to /etc/passwd), and its content has no place in an error or a CI log.
            context.report(
                .wrongType(
                    context.location(of: root), what: "a workbook",
                    expected: "a mapping of sections starting with 'lockstep: 1'",
                    found: root.isSequence ? "a list" : "text (this file is not a Lockstep workbook)"))
            return (Workbook(), registry)
        }
        let allowedKeys = Self.coreKeys + registry.available.flatMap { $0.sections.map { $0.key } }
        guard let top = context.mapping(root, what: "the workbook", keys: allowedKeys) else {
            return (Workbook(), registry)
        }
        var workbook = Workbook(name: top.string("name"))
        workbook.keyOrder = entries.compactMap { $0.key.scalar }
        checkVersion(top, context: context)
        workbook.plugins = plugins(top, present: workbook.keyOrder, registry: registry, context: context)
        for entry in entries {
            guard let key = entry.key.scalar, !Self.coreKeys.contains(key), let value = top.node(key) else { continue }
            guard let owner = registry.owner(ofSection: key),
                let spec = owner.sections.first(where: { $0.key == key })
            else { continue }
            guard workbook.plugins.contains(owner.name) else {
                context.report(.sectionNeedsPlugin(context.location(of: entry.key), section: key, plugin: owner.name))
                continue
            }
            workbook.sections[key] = spec.decode(value, context: context)
        }
        if let checks = top.node("checks") { workbook.checks = CheckSettings(decoding: checks, context: context) }
        if let settings = top.node(PluginSettings.key) {
            let externals = workbook.plugins.filter { registry.plugin(named: $0)?.isExternal ?? false }
            workbook.pluginSettings = PluginSettings.decode(settings, externals: externals, context: context)
        }
        return (workbook, registry)
    }

    /// Ids, references and each loaded plugin's own rules; also run after edits in tests.
    public func validate(_ workbook: Workbook, context: DecodeContext) {
        Self.validate(workbook, registry: registry, context: context)
    }

    private static func validate(_ workbook: Workbook, registry: PluginRegistry, context: DecodeContext) {
        // The index keeps each item's kind, id and place, and references are checked a section's
        // item at a time: a large workbook's items and references are never all held at once.
        let problems = ItemIndex(identitiesOf: workbook.forEachItem).problems(
            ofReferences: { check in workbook.forEachItem { $0.references.forEach(check) } },
            loose: workbook.sections.values.flatMap(\.looseReferences))
        for error in problems { context.report(error) }
        for name in workbook.plugins {
            registry.plugin(named: name)?.validate(workbook, context: context)
        }
        validateTeamRules(workbook, registry: registry, context: context)
    }

    private func checkVersion(_ top: MappingReader, context: DecodeContext) {
        guard let version = top.node("lockstep") else {
            context.report(.missingVersion(file: context.file))
            return
        }
        if version.scalar != String(Workbook.formatVersion) {
            context.report(
                .unsupportedVersion(context.location(of: version), found: version.scalar ?? version.quotedForMessage))
        }
    }

    /// The `plugins:` list, checked against the registry; without one, the plugins whose sections appear.
    private func plugins(
        _ top: MappingReader, present keys: [String], registry: PluginRegistry, context: DecodeContext
    ) -> [String] {
        guard top.has("plugins") else {
            let owners = keys.compactMap { registry.owner(ofSection: $0)?.name }
            return registry.withDependencies(registry.names.filter { owners.contains($0) })
        }
        var names: [String] = []
        for name in top.strings("plugins") {
            if registry.plugin(named: name.value) == nil, let external {
                switch external(name.value, context.file) {
                case .success:
                    names.append(name.value)
                    continue
                case .failure(let failure) where Self.isExternal(name.value) || !failure.notFound:
                    context.report(.externalPlugin(name.location!, entry: name.value, reason: failure.reason))
                    continue
                case .failure:
                    break  // a bare name in no plugin folder: unknown, with a did-you-mean below
                }
            }
            guard registry.plugin(named: name.value) != nil else {
                context.report(
                    .unknownPlugin(
                        name.location!, name: name.value,
                        suggestion: Suggestion.closest(to: name.value, in: registry.names),
                        known: registry.available.filter { !$0.isExternal }.map(\.name)))
                continue
            }
            names.append(name.value)
        }
        for name in top.strings("plugins") {
            for needed in registry.plugin(named: name.value)?.dependencies ?? [] where !names.contains(needed) {
                context.report(.missingDependency(name.location!, plugin: name.value, needs: needed))
            }
        }
        return names
    }
}
