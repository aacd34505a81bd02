import LockstepCore
import LockstepPluginHost
import LockstepWarehouse

extension Lockstep {
    static func runCheck(_ options: CheckCommand, registry: PluginRegistry) -> Int32 {
        let output = StandardOutput()
        func fail(_ message: String, fix: String) -> Int32 {
            output.writeError("error: \(message)\n  fix: \(fix)\n")
            return 2
        }
        guard let clock = clock(today: options.clock.today, output: output) else { return 2 }
        var files: [String] = []
        for pattern in options.workbooks {
            let matches = Glob.expand(pattern)
            if matches.isEmpty {
                return fail(
                    "'\(Sanitized.excerpt(pattern))' matches no file",
                    fix: "check the pattern; '**' matches any number of folders")
            }
            files += matches.filter { !files.contains($0) }
        }
        if options.workbooksOnly {
            files = files.filter(WorkbookSniff.looksLikeWorkbook)
            if files.isEmpty { return 0 }
        }
        var baseline: Baseline?
        if let path = options.baseline {
            do {
                baseline = try Baseline.read(path)
            } catch {
                output.writeError(error.rendered + "\n")
                return 2
            }
        }
        var reports: [CheckReport] = []
        for file in files {
            switch checkOne(file, options: options, registry: registry, today: clock.today) {
            case .report(let report): reports.append(report)
            case .usage(let message, let fix): return fail(message, fix: fix)
            }
        }
        var report = CheckReport.combining(reports, toolVersion: version, failOn: options.failOn)
        report.docsURL = options.docsURL
        if let baseline { report = report.marking(baseline) }
        for error in report.errors { output.writeError(error.description + "\n") }
        if let path = options.writeBaseline {
            do {
                _ = try SafeWrite.write(Array(Baseline.text(of: report).utf8), to: path)
            } catch {
                return fail(
                    "cannot write the baseline \(Sanitized.visible(path)): \(error.reason)",
                    fix: "give --write-baseline a file in a folder you can write")
            }
            output.writeError(
                "wrote \(report.findings.filter { !$0.isNotice && $0.waivedBecause == nil }.count) findings to the baseline \(Sanitized.visible(path))\n"
            )
        }
        // A tool reading the report (a code-scanning upload, a test reporter) still gets a whole
        // document when a workbook could not be read; the text format has said it already.
        let text =
            report.errors.isEmpty || options.format != .text || files.count > 1 ? options.format.render(report) : ""
        if let path = options.output {
            do {
                _ = try SafeWrite.write(Array(text.utf8), to: path)
            } catch {
                return fail(
                    "cannot write the report \(Sanitized.visible(path)): \(error.reason)",
                    fix: "give --output a file in a folder you can write")
            }
        } else {
            output.write(text)
            if let failure = output.failure {
                return fail("cannot write the report: \(failure)", fix: "write it where there is room: --output FILE")
            }
        }
        if !report.errors.isEmpty || report.findings.contains(where: \.isToolFailure) { return 2 }
        return report.findings.contains(where: report.fails) ? 1 : 0
    }

    enum OneCheck {
        case report(CheckReport)
        case usage(String, fix: String)
    }

    /// One workbook loaded and checked with the chosen rules, or its load errors as a report.
    static func checkOne(_ file: String, options: CheckCommand, registry: PluginRegistry, today: Day) -> OneCheck {
        let workbook: Workbook
        let resolver = PluginResolver.standard(builtIn: registry)
        var registry = registry
        do {
            workbook = try WorkbookLoader.withExternalPlugins(registry, resolver: resolver) { warning in
                StandardOutput().writeError("lockstep: warning: \(Sanitized.visible(warning))\n")
            }.load(path: file)
            registry = registry.adding(resolver.plugins)
            leaveForExit(workbook)
        } catch {
            return .report(
                CheckReport(
                    file: file, findings: [], rules: [], toolVersion: version, errors: error.errors,
                    failOn: options.failOn))
        }
        let available = workbook.runnableChecks(plugins: workbook.plugins.compactMap(registry.plugin(named:)))
        let codes = available.map(\.code)
        for code in options.rules where !codes.contains(code) {
            return .usage(
                "--rule: unknown rule '\(Sanitized.excerpt(code))'\(Suggestion.phrase(for: code, in: codes))",
                fix: "'lockstep rules' lists the rules of the loaded plugins")
        }
        for prefix in options.selections where !codes.contains(where: { $0.hasPrefix(prefix) }) {
            let families = Set(codes.map { String($0.prefix(2)) }).sorted().joined(separator: ", ")
            return .usage(
                "--select: no rule of the loaded plugins starts with '\(Sanitized.excerpt(prefix))', so nothing would be checked",
                fix: "choose among \(families), or 'lockstep rules' lists them")
        }
        let chosen = available.filter { check in
            (options.rules.isEmpty || options.rules.contains(check.code))
                && (options.selections.isEmpty || options.selections.contains { check.code.hasPrefix($0) })
        }
        let runner = CheckRunner(checks: chosen)
        let context = CheckContext(
            today: today, workbookPath: file, allowsDataOutsideWorkbook: options.allowDataOutside,
            databases: WarehouseConnector())
        let findings = runner.run(workbook, context: context)
        let disabled = Set(chosen.filter { runner.severity(of: $0, settings: workbook.checks) == nil }.map(\.code))
        return .report(
            CheckReport(
                file: file, findings: findings, rules: chosen, toolVersion: version,
                failOn: options.failOn, disabled: disabled))
    }
}
