import LockstepCore

extension Builtins {
    static let exportReport = ShellCommand(CommandSpec(
        "export report", summary: "Write a client-ready Markdown audit: summary, process, coverage, gaps, lead funnel, findings with fixes",
        arguments: [ArgumentSpec("FILE.md", completion: .files)],
        examples: ["export report acme-audit.md"]
    )) { session, invocation in
        let path = invocation.arguments[0]
        let context = CheckContext(today: session.today, workbookPath: session.path, attachments: session.attachments)
        let checks = session.workbook.runnableChecks(plugins: session.plugins)
        let findings = CheckRunner(checks: checks).run(session.workbook, context: context)
        let report = ClientReport(
            title: session.workbook.name ?? session.displayName, source: session.displayName, today: context.today,
            toolVersion: Lockstep.version, itemSummary: summary(of: session.workbook),
            sections: session.plugins.flatMap { $0.reportSections(session.workbook, context: context) }.sorted { $0.order < $1.order },
            findings: findings, rules: checks)
        try write(report.markdown, to: path)
        session.emit(.note("wrote \(path): \(findings.filter { $0.waivedBecause == nil }.count) findings, \(report.sections.count) sections"))
    }

    static let exportDiagram = ShellCommand(CommandSpec(
        "export diagram", summary: "Draw the lead stages flowing into each process's stages, with supporting content and gaps (Mermaid or DOT)",
        arguments: [ArgumentSpec("FILE", completion: .files)],
        options: [OptionSpec("--format", value: "mermaid|dot", completion: .words(Diagram.Format.allCases.map(\.rawValue)),
                             summary: "the notation (default: from the file name, .dot/.gv for DOT, else Mermaid)")],
        examples: ["export diagram acme.mmd", "export diagram acme.dot", "export diagram flow.txt --format dot"]
    )) { session, invocation in
        let path = invocation.arguments[0]
        let format: Diagram.Format
        if let name = invocation.option("--format") {
            guard let chosen = Diagram.Format(rawValue: name) else {
                throw CommandError.unknown("diagram format", name, among: Diagram.Format.allCases.map(\.rawValue))
            }
            format = chosen
        } else {
            format = path.hasSuffix(".dot") || path.hasSuffix(".gv") ? .dot : .mermaid
        }
        var diagram = Diagram(title: session.workbook.name ?? session.displayName)
        for plugin in session.plugins { plugin.draw(&diagram, workbook: session.workbook) }
        guard !diagram.groups.isEmpty else {
            throw CommandError.failed("there is nothing to draw: the workbook has no lead stages or sales processes", fix: "add them, or open an example")
        }
        try write(diagram.written(as: format), to: path)
        session.emit(.note("wrote \(path) (\(format.rawValue)): \(diagram.groups.flatMap(\.nodes).count) stages, \(diagram.gaps.count) gaps marked"))
    }

    /// Writes atomically, so an interrupted export never leaves half a file.
    private static func write(_ text: String, to path: String) throws {
        do throws(FileSystem.Failure) {
            try FileSystem.writeAtomically(Array(text.utf8), to: path)
        } catch {
            throw CommandError.failed("cannot write \(path): \(error.reason)", fix: "check that the folder exists and is writable")
        }
    }
}
