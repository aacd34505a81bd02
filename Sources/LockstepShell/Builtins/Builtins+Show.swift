import LockstepCore

extension Builtins {
    static let show = ShellCommand(CommandSpec(
        "show", summary: "Show one item: what it is, where it is defined, what it names and what names it",
        arguments: [ArgumentSpec("ID", completion: .anyID)],
        examples: ["show roi-calculator", "show new-business/discovery", "show cfo"]
    )) { session, invocation in
        let id = invocation.arguments[0]
        let index = ItemIndex(session.workbook)
        let matches = session.itemKinds.compactMap { kind -> Item? in
            if case .found(let item) = index.resolve(id, as: kind) { return item }
            return nil
        }
        guard !matches.isEmpty else {
            let names = session.itemKinds.flatMap { index.names(of: $0) }
            throw CommandError.failed("show: no item has the id '\(id)'\(Suggestion.phrase(for: id, in: names))",
                                      fix: "'list KIND' lists the ids of one kind; Tab completes them")
        }
        let findings = CheckRunner(checks: session.workbook.runnableChecks(plugins: session.plugins))
            .run(session.workbook, context: session.checkContext()).filter { !$0.isNotice }
        for item in matches {
            var text = describe(item, in: session.workbook, index: index)
            for plugin in session.plugins {
                for line in plugin.describe(item, in: session.workbook) { text += "  \(line)\n" }
            }
            // What the rules say about it: findings on the item, and on what lies within it (a
            // process's stages, a stage's buyer roles).
            let own = findings.filter { $0.target == item.id || $0.target.hasPrefix(item.id + "/") }
            text += "  findings:" + (own.isEmpty ? " none\n" : "\n")
            for finding in own {
                text += "    \(finding.severity.rawValue) [\(finding.rule)] \(finding.message)"
                    + (finding.waivedBecause.map { " (waived: \($0))" } ?? "") + "\n"
            }
            session.emit(.text(text))
        }
    }

    /// The item, its place in the file, the items it names and the items naming it.
    static func describe(_ item: Item, in workbook: Workbook, index: ItemIndex) -> String {
        var text = "\(item.kind.name) \(item.id): \(item.name)\n"
        if let location = item.location { text += "  defined at \(location)\n" }
        let names = item.references.map { reference -> String in
            for kind in reference.kinds {
                if case .found(let target) = index.resolve(reference.id, as: kind) { return "\(target.kind.name) \(target.id)" }
            }
            return "\(reference.kinds[0].name) \(reference.id)"
        }
        if !names.isEmpty { text += "  names: \(names.joined(separator: ", "))\n" }
        let namedBy = workbook.referrers(of: item)
        if !namedBy.isEmpty { text += "  named by: \(namedBy.map { "\($0.kind.name) \($0.id)" }.joined(separator: ", "))\n" }
        return text
    }
}
