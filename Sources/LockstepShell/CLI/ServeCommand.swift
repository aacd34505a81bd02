import ArgumentParser
import LockstepCore

#if canImport(Glibc)
import Glibc
#endif

/// `lockstep serve WORKBOOK`: the live view without a shell, following the file as it is saved
/// (by an editor, a `git pull`, another Lockstep session).
struct ServeCommand: RunnableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve a workbook's live view in the browser, following the file as it changes on disk.",
        discussion: """
            Bound to 127.0.0.1 unless --host says otherwise; then the printed URL carries the token every \
            request needs. The page is read-only. Ctrl-C stops serving.

            Examples:
              lockstep serve examples/acme.yaml
              lockstep serve examples/acme.yaml --port 9000
            """
    )

    @Argument(help: "The workbook file to serve.", completion: .file(extensions: ["yaml", "yml"]))
    var workbook: String

    @Option(help: "The port (0 picks a free one).")
    var port: Int = 8765

    @Option(help: "The address to listen on; any but loopback needs the token in the URL.")
    var host: String = "127.0.0.1"

    @OptionGroup var clock: ClockOptions

    @Flag(help: "Let the workbook name CRM exports outside its own folder (leads.data.file, join.file).")
    var allowDataOutside = false

    /// How often the file is looked at.
    static let pollMicroseconds: useconds_t = 250_000

    func run(registry: PluginRegistry) -> Int32 {
        let output = StandardOutput()
        guard let clock = Lockstep.clock(today: clock.today, output: output) else { return 2 }
        let session = Session(registry: registry, output: output)
        session.clock = clock
        session.allowsDataOutsideWorkbook = allowDataOutside
        let shell = Shell(
            session: session, reader: ScriptedLineReader([], sourceName: "serve"), keepGoing: true, history: nil,
            color: false)
        do throws(CommandError) {
            try session.open(workbook)
            session.live = try LiveService.start(session, host: host, port: port)
        } catch {
            shell.report(error, line: 0)
            return error.exitCode
        }
        output.write("serving \(session.displayName) at \(session.live!.server.url) (Ctrl-C stops)\n")
        Interrupt.installHandler()
        var seen = FileSystem.stamp(workbook)
        while !Interrupt.isRequested {
            usleep(Self.pollMicroseconds)
            let now = FileSystem.stamp(workbook)
            guard now != seen else { continue }
            seen = now
            // A file caught half-written, or broken by an edit, keeps the last good page up.
            do {
                try session.open(workbook)
                session.live?.refresh(session)
                output.write("\(session.displayName) changed: the page follows\n")
            } catch {
                shell.report(error, line: 0)
            }
        }
        session.live?.stop()
        return 0
    }
}
