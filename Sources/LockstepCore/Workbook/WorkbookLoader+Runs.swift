extension WorkbookLoader {
    /// The workbook with its longest list read and decoded a run of items at a time, two runs
    /// parsed at once: beside the model, only the file and two runs' parsed text are held, not
    /// the parsed text of the whole list. Nil, to read it whole, when the file is small, the
    /// list's section is not a `ListSection`, or any part does not read as the whole would.
    func decodeInRuns(
        _ bytes: [UInt8], file: String
    ) -> (workbook: Workbook, registry: PluginRegistry, context: DecodeContext)? {
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
        var itemsBefore = 0
        for first in stride(from: 0, to: runs.count, by: 2) {
            let pair = ParallelParts.pair(
                { YAMLReader.readRun(bytes, runs: runs, index: first, file: file) },
                { first + 1 < runs.count ? YAMLReader.readRun(bytes, runs: runs, index: first + 1, file: file) : nil })
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
}
