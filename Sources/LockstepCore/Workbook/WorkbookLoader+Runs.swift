extension WorkbookLoader {
    /// Bytes of the workbook in a range: sliced from the bytes held, or read again from the file.
    typealias RunText = (Range<Int>) throws(WorkbookError) -> [UInt8]

    /// A large workbook whose longest list can be read in runs: how the list is cut, and all
    /// the rest of the file already decoded.
    struct RunsPlan {
        let runs: ListRuns
        let key: String
        let spec: SectionSpec
        let size: Int
        let workbook: Workbook
        let registry: PluginRegistry
        let context: DecodeContext
    }

    /// How `bytes` would be read in runs: the list cut, the rest read and decoded. Nil, to read
    /// the file whole, when the file is small, the list's section is not a `ListSection`, or the
    /// rest does not read as a whole read would.
    func planRuns(_ bytes: [UInt8], file: String) -> RunsPlan? {
        guard bytes.count >= runs.above, let runs = ListRuns(bytes, every: runs.bytes),
            let rest = YAMLReader.readRest(bytes, runs: runs, file: file),
            let key = rest.entries?.first(where: { $0.key.line == runs.keyLine && $0.key.column == 1 })?.key.scalar,
            let owner = registry.owner(ofSection: key),
            let spec = owner.sections.first(where: { $0.key == key }), spec.readsInRuns
        else { return nil }
        let context = DecodeContext(file: file)
        var (workbook, registry) = decodeSections(rest, context: context)
        // A section whose plugin is not loaded is reported by a whole read, at its key; the
        // rest, its key left with no value, says nothing of it.
        guard workbook.plugins.contains(owner.name) else { return nil }
        if workbook.sections[key] == nil { workbook.sections[key] = spec.empty() }
        spec.reserve(runs.items, in: &workbook.sections[key]!)
        return RunsPlan(
            runs: runs, key: key, spec: spec, size: bytes.count, workbook: workbook, registry: registry,
            context: context)
    }

    /// The workbook `plan` began, its list read and decoded a run of items at a time, two runs
    /// parsed at once, each run's bytes taken from `text` when it is read: beside the model,
    /// only two runs' bytes and parsed text are held, not the file nor the parsed text of the
    /// whole list. Nil, to read the file whole, when a run does not read as a part of the list.
    func decodeInRuns(
        _ plan: consuming RunsPlan, text: RunText, file: String
    ) throws(WorkbookError) -> (workbook: Workbook, registry: PluginRegistry, context: DecodeContext)? {
        let (runs, spec, key, registry, context) = (plan.runs, plan.spec, plan.key, plan.registry, plan.context)
        var workbook = plan.workbook
        // The plan goes, so that the workbook's sections are held once and grow in place.
        _ = consume plan
        var itemsBefore = 0
        for first in stride(from: 0, to: runs.count, by: 2) {
            let one = try text(runs.range(first))
            let two = first + 1 < runs.count ? try text(runs.range(first + 1)) : nil
            let pair = ParallelParts.pair(
                { YAMLReader.readRun(one, runs: runs, index: first, file: file) },
                { two.flatMap { YAMLReader.readRun($0, runs: runs, index: first + 1, file: file) } })
            for (offset, run) in [pair.0, pair.1].enumerated() where first + offset < runs.count {
                guard let run else { return nil }
                let runContext = DecodeContext(file: file)
                runContext.itemsBefore = itemsBefore
                spec.append(spec.decode(run, context: runContext), to: &workbook.sections[key]!)
                context.absorb(runContext)
                itemsBefore += run.items?.count ?? 0
            }
        }
        return (workbook, registry, context)
    }

    /// `bytes` read in runs, all from memory; nil when they are read whole.
    func decodeInRuns(
        _ bytes: [UInt8], file: String
    ) -> (workbook: Workbook, registry: PluginRegistry, context: DecodeContext)? {
        guard let plan = planRuns(bytes, file: file) else { return nil }
        return try? decodeInRuns(plan, text: Self.slicer(of: bytes), file: file)
    }

    /// The bytes in a range, sliced from `bytes` held in memory.
    static func slicer(of bytes: [UInt8]) -> RunText {
        { range throws(WorkbookError) in Array(bytes[range]) }
    }

    /// The bytes of `file` in a range, read again, as long as the file is still the one `stamp`
    /// describes: a large workbook's runs are read from its file rather than held.
    static func rereader(of file: String, stamp: FileStamp) -> RunText {
        { range throws(WorkbookError) in
            do throws(FileSystem.Failure) {
                return try FileSystem.readRange(file, range, unchanged: stamp)
            } catch {
                throw error.changed ? .changedWhileRead(file: file) : .unreadable(file: file, reason: error.reason)
            }
        }
    }
}
