import LockstepCore
import LockstepReport

extension Builtins {
    static let exportReport = ShellCommand(
        CommandSpec(
            "export report",
            summary:
                "Write the client deliverable: ranked summary, heat-maps, lead funnel, recommendations (.html, .pdf or .md)",
            arguments: [ArgumentSpec("FILE", completion: .exportFiles)],
            options: [
                OptionSpec(
                    "--audience", value: "client|team",
                    completion: .words(ClientReport.Audience.allCases.map(\.rawValue)),
                    summary: "client (default): business words only; team: adds the technical appendix"),
                forceOption,
            ],
            examples: [
                "export report acme-audit.html", "export report acme-audit.pdf",
                "export report acme-audit.md --audience team",
            ]
        )
    ) { session, invocation in
        let path = invocation.arguments[0]
        try refuseOpenWorkbook(path, session: session)
        let audience = try DeliverableFormat.audience(invocation.option("--audience"))
        let format = try DeliverableFormat(path: path)
        let report = clientReport(session, audience: audience)
        switch format {
        case .markdown:
            try write(report.markdown, to: path, session: session, force: invocation.flag("--force"))
        case .html:
            try write(HTMLReport.render(report), to: path, session: session, force: invocation.flag("--force"))
        case .pdf:
            // Refused before Chromium spends seconds printing; the write checks again under its lock.
            try write(nil, to: path, session: session, force: invocation.flag("--force"))
            let pdf: [UInt8]
            do throws(PDFPrinter.Failure) {
                pdf = try PDFPrinter.pdf(of: HTMLReport.render(report))
            } catch {
                throw CommandError.failed("cannot write \(path): \(error.reason)", fix: error.fix)
            }
            try write(pdf, to: path, session: session, force: invocation.flag("--force"))
        }
        let actions = report.recommendations.count
        session.emit(
            .note(
                "wrote \(path): \(actions) recommendation\(actions == 1 ? "" : "s"), \(report.sections.count) sections")
        )
    }

    /// The session's workbook as a client report: its plugins' sections and the checks' findings.
    static func clientReport(_ session: Session, audience: ClientReport.Audience) -> ClientReport {
        let context = session.checkContext()
        let checks = session.workbook.runnableChecks(plugins: session.plugins)
        let findings = CheckRunner(checks: checks).run(session.workbook, context: context)
        var sections = session.plugins.flatMap { $0.reportSections(session.workbook, context: context) }
        if let start = session.tourStart {
            sections.append(fixedSinceTourBegan(start, now: findings, rules: checks, workbook: session.workbook))
        }
        return ClientReport(
            title: session.workbook.name ?? session.displayName,
            subject: session.plugins.lazy.compactMap(\.reportSubject).first ?? "Workbook report",
            source: session.displayName,
            today: context.today, toolVersion: Lockstep.version, audience: audience,
            sections: sections, findings: findings, rules: checks, workbook: session.workbook)
    }

    /// What the class fixed: the actions the workbook needed when the tour began that it needs no more.
    static func fixedSinceTourBegan(
        _ start: [Finding], now: [Finding], rules: [any Check], workbook: Workbook
    ) -> ReportSection {
        let open = Set(now.filter(\.isOpen).map(\.fingerprint))
        let fixed = Recommendation.ranked(
            start.filter { $0.isOpen && !open.contains($0.fingerprint) }, rules: rules, names: TargetNames(workbook))
        return ReportSection(
            title: "Fixed during this session",
            blocks: fixed.isEmpty ? [.paragraph("Nothing yet.")] : [.bullets(fixed.map(\.problem))], order: 1)
    }

    static let exportDiagram = ShellCommand(
        CommandSpec(
            "export diagram",
            summary:
                "Draw the lead stages flowing into each process's stages, with content and gaps (Mermaid, DOT, or SVG with Graphviz)",
            arguments: [ArgumentSpec("FILE", completion: .exportFiles)],
            options: [
                OptionSpec(
                    "--format", value: "mermaid|dot|svg", completion: .words(Diagram.Format.allCases.map(\.rawValue)),
                    summary: "the notation (default: from the file name, .dot/.gv for DOT, .svg for SVG, else Mermaid)"),
                forceOption,
            ],
            examples: ["export diagram acme.mmd", "export diagram acme.svg", "export diagram flow.txt --format dot"]
        )
    ) { session, invocation in
        let path = invocation.arguments[0]
        try refuseOpenWorkbook(path, session: session)
        let format: Diagram.Format
        if let name = invocation.option("--format") {
            guard let chosen = Diagram.Format(rawValue: name) else {
                throw CommandError.unknown("diagram format", name, among: Diagram.Format.allCases.map(\.rawValue))
            }
            format = chosen
        } else {
            format = path.hasSuffix(".dot") || path.hasSuffix(".gv") ? .dot : path.hasSuffix(".svg") ? .svg : .mermaid
        }
        var diagram = Diagram(title: session.workbook.name ?? session.displayName, today: session.today)
        for plugin in session.plugins { plugin.draw(&diagram, workbook: session.workbook) }
        guard !diagram.groups.isEmpty else {
            throw CommandError.failed(
                "there is nothing to draw: no loaded plugin has anything in this workbook to put on the diagram",
                fix: "add what the plugins draw (processes and their stages, lead stages), or open an example")
        }
        let force = invocation.flag("--force")
        if format == .svg {
            try write(nil, to: path, session: session, force: force)
            try write(try svg(of: diagram), to: path, session: session, force: force)
        } else {
            try write(diagram.written(as: format), to: path, session: session, force: force)
        }
        session.emit(
            .note(
                "wrote \(path) (\(format.rawValue)): \(diagram.groups.flatMap(\.nodes).count) stages, \(diagram.gaps.count) gaps marked"
            ))
    }

    /// The diagram laid out by Graphviz's `dot`, where it is installed.
    static func svg(of diagram: Diagram) throws -> [UInt8] {
        guard let dot = ChildProcess.find(["dot"]) else {
            throw CommandError.failed(
                "SVG is drawn by Graphviz, which is not installed",
                fix: "install it (Debian and Ubuntu: apt install graphviz), or export FILE.dot or FILE.mmd")
        }
        let result: ChildProcess.Result
        do throws(ChildProcess.Failure) {
            result = try ChildProcess.run(
                [dot, "-Tsvg"], input: Array(diagram.dot.utf8), outputLimit: 64 << 20, timeout: 120)
        } catch {
            throw CommandError.failed(
                "Graphviz could not draw the diagram: \(error)", fix: "export FILE.dot and run dot yourself")
        }
        guard result.status == 0 else {
            let said = Sanitized.excerpt(
                result.errors.split(separator: "\n").first.map(String.init) ?? "no message", limit: 160)
            throw CommandError.failed(
                "Graphviz could not draw the diagram (exit \(result.status): \(said))",
                fix: "export FILE.dot and run dot yourself")
        }
        return result.output
    }

    static let forceOption = OptionSpec("--force", summary: "replace FILE if it exists (never the open workbook)")

    /// Writes safely (see `SafeWrite`): never over the open workbook, never over an existing file
    /// unless forced, and an interrupted export never leaves half a file.
    private static func write(_ text: String, to path: String, session: Session, force: Bool) throws {
        try write(Array(text.utf8), to: path, session: session, force: force)
    }

    /// Writes `bytes`, or with nil only checks that writing `path` would be allowed.
    static func write(_ bytes: [UInt8]?, to path: String, session: Session, force: Bool) throws {
        try refuseOpenWorkbook(path, session: session)
        guard let bytes else {
            if !force, FileSystem.exists(path) {
                throw CommandError.failed(
                    "\(path) already exists", fix: "choose another name, or replace it with --force")
            }
            return
        }
        do {
            _ = try SafeWrite.write(bytes, to: path) { (existing) throws(CommandError) in
                guard !force, case .file = existing else { return }
                throw .failed("\(path) already exists", fix: "choose another name, or replace it with --force")
            }
        } catch let refusal as CommandError {
            throw refusal
        } catch {
            let reason = (error as? FileSystem.Failure)?.reason ?? "\(error)"
            throw CommandError.failed(
                "cannot write \(path): \(reason)", fix: "check that the folder exists and is writable")
        }
    }

    static func refuseOpenWorkbook(_ path: String, session: Session) throws {
        if let workbook = session.path, (try? SafeWrite.resolve(workbook)) == (try? SafeWrite.resolve(path)) {
            throw CommandError.failed(
                "\(path) is the open workbook; an export never replaces it",
                fix: "give the export its own name, e.g. \(exampleName(for: path))")
        }
    }

    /// `acme.yaml` → `acme-export.html`: a name beside the workbook that is plainly an export.
    private static func exampleName(for path: String) -> String {
        let base = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = base.lastIndex(of: "."), dot != base.startIndex else { return base + "-export.html" }
        return base[..<dot] + "-export.html"
    }
}
