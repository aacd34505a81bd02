import ArgumentParser
import LockstepCore
import LockstepPluginHost

extension DiffFormat: ExpressibleByArgument {}

/// `lockstep diff OLD NEW`: what a change to the workbook did to the alignment.
struct DiffCommand: RunnableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Show what changed in the alignment between two versions of a workbook.",
        discussion: """
            Items added, removed and changed; findings introduced and fixed; the plugins' coverage cells (for \
            marketing, stage × buyer role) that became empty or filled. OLD and NEW are files, or git:REVISION:PATH for a file as a commit holds it.

            Examples:
              lockstep diff old.yaml examples/acme.yaml
              lockstep diff git:HEAD~1:examples/acme.yaml examples/acme.yaml
              lockstep diff git:origin/main:acme.yaml acme.yaml --format markdown > comment.md
            """
    )

    @Argument(
        help: "The earlier version: a file, or git:REVISION:PATH.", completion: .file(extensions: ["yaml", "yml"]))
    var old: String

    @Argument(help: "The later version: a file, or git:REVISION:PATH.", completion: .file(extensions: ["yaml", "yml"]))
    var new: String

    @Option(help: "Output format: text, json or markdown (for a pull-request comment).")
    var format: DiffFormat = .text

    @OptionGroup var clock: ClockOptions

    @Flag(help: "Let the workbooks name CRM exports outside their own folder (leads.data.file, join.file).")
    var allowDataOutside = false

    func run(registry: PluginRegistry) -> Int32 {
        let output = StandardOutput()
        guard let clock = Lockstep.clock(today: clock.today, output: output) else { return 2 }
        var sides: [WorkbookDiff.Side] = []
        for name in [old, new] {
            do {
                sides.append(try side(name, registry: registry, today: clock.today))
            } catch let failure as GitBlob.Failure {
                output.writeError(
                    "error: \(Sanitized.visible(name)): \(failure.reason)\n"
                        + "  fix: name a revision and a path git knows, e.g. git:HEAD~1:examples/acme.yaml\n")
                return 2
            } catch {
                output.writeError("\(error)\n")
                return 2
            }
        }
        output.write(format.render(WorkbookDiff(old: sides[0], new: sides[1]), old: old, new: new))
        return output.failure == nil ? 0 : 2
    }

    /// One version loaded, checked, and its coverage taken.
    func side(_ name: String, registry builtIn: PluginRegistry, today: Day) throws -> WorkbookDiff.Side {
        let workbook: Workbook
        // CRM exports and external plugins are looked for beside the file as it is now: a
        // commit's own are not checked out.
        let path = GitBlob.parse(name)?.path ?? name
        let resolver = PluginResolver.standard(builtIn: builtIn)
        let loader = WorkbookLoader(
            registry: builtIn, external: { entry, _ in resolver.resolve(entry, workbook: path) })
        if let (revision, file) = GitBlob.parse(name) {
            let bytes = try GitBlob.contents(revision: revision, path: file, limit: WorkbookLoader.sizeLimit)
            workbook = try loader.decode(bytes, file: name)
        } else {
            workbook = try loader.load(path: name)
        }
        leaveForExit(workbook)
        let registry = builtIn.adding(resolver.plugins)
        let plugins = workbook.plugins.compactMap(registry.plugin(named:))
        let context = CheckContext(today: today, workbookPath: path, allowsDataOutsideWorkbook: allowDataOutside)
        let findings = CheckRunner(checks: workbook.runnableChecks(plugins: plugins)).run(workbook, context: context)
        return WorkbookDiff.Side(
            workbook: workbook, findings: findings,
            coverage: plugins.compactMap { $0.coverage(workbook) })
    }
}
