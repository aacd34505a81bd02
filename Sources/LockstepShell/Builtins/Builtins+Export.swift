import LockstepCore

extension Builtins {
    static let exportReport = ShellCommand(CommandSpec(
        "export report", summary: "Write a client-ready Markdown audit: summary, process, coverage, gaps, lead funnel, findings with fixes",
        arguments: [ArgumentSpec("FILE.md", completion: .exportFiles)],
        options: [forceOption],
        examples: ["export report acme-audit.md", "export report acme-audit.md --force"]
    )) { session, invocation in
        let path = invocation.arguments[0]
        let context = session.checkContext()
        let checks = session.workbook.runnableChecks(plugins: session.plugins)
        let findings = CheckRunner(checks: checks).run(session.workbook, context: context)
        let report = ClientReport(
            title: session.workbook.name ?? session.displayName,
            subject: session.plugins.lazy.compactMap(\.reportSubject).first ?? "Workbook report", source: session.displayName,
            today: context.today,
            toolVersion: Lockstep.version, itemSummary: summary(of: session.workbook),
            sections: session.plugins.flatMap { $0.reportSections(session.workbook, context: context) }.sorted { $0.order < $1.order },
            findings: findings, rules: checks)
        try write(report.markdown, to: path, session: session, force: invocation.flag("--force"))
        session.emit(.note("wrote \(path): \(findings.filter(\.isOpen).count) findings, \(report.sections.count) sections"))
    }

    static let exportDiagram = ShellCommand(CommandSpec(
        "export diagram", summary: "Draw the lead stages flowing into each process's stages, with supporting content and gaps (Mermaid or DOT)",
        arguments: [ArgumentSpec("FILE", completion: .exportFiles)],
        options: [OptionSpec("--format", value: "mermaid|dot", completion: .words(Diagram.Format.allCases.map(\.rawValue)),
                             summary: "the notation (default: from the file name, .dot/.gv for DOT, else Mermaid)"),
                  forceOption],
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
        try write(diagram.written(as: format), to: path, session: session, force: invocation.flag("--force"))
        session.emit(.note("wrote \(path) (\(format.rawValue)): \(diagram.groups.flatMap(\.nodes).count) stages, \(diagram.gaps.count) gaps marked"))
    }

    static let forceOption = OptionSpec("--force", summary: "replace FILE if it exists (never the open workbook)")

    /// Writes safely (see `SafeWrite`): never over the open workbook, never over an existing file
    /// unless forced, and an interrupted export never leaves half a file.
    private static func write(_ text: String, to path: String, session: Session, force: Bool) throws {
        if let workbook = session.path, (try? SafeWrite.resolve(workbook)) == (try? SafeWrite.resolve(path)) {
            throw CommandError.failed("\(path) is the open workbook; an export never replaces it",
                                      fix: "give the export its own name, e.g. \(exampleName(for: path))")
        }
        do {
            _ = try SafeWrite.write(Array(text.utf8), to: path) { (existing) throws(CommandError) in
                guard !force, case .file = existing else { return }
                throw .failed("\(path) already exists", fix: "choose another name, or replace it with --force")
            }
        } catch let refusal as CommandError {
            throw refusal
        } catch {
            let reason = (error as? FileSystem.Failure)?.reason ?? "\(error)"
            throw CommandError.failed("cannot write \(path): \(reason)", fix: "check that the folder exists and is writable")
        }
    }

    /// `acme.yaml` → `acme-report.md`.
    private static func exampleName(for path: String) -> String {
        let base = path.split(separator: "/").last.map(String.init) ?? path
        return (base.split(separator: ".").first.map(String.init) ?? base) + "-report.md"
    }
}
