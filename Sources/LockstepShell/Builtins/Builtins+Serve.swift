import LockstepCore

extension Builtins {
    static let serve = ShellCommand(
        CommandSpec(
            "serve",
            summary: "Show the workbook live in a browser: every change reaches the open pages (serve stop ends it)",
            arguments: [ArgumentSpec("stop", completion: .words(["stop"]), optional: true)],
            options: [
                OptionSpec("--port", value: "N", summary: "the port (default 8765; 0 picks a free one)"),
                OptionSpec(
                    "--host", value: "ADDR",
                    summary: "the address to listen on (default 127.0.0.1; any other needs the token in the URL)"),
            ],
            examples: ["serve", "serve --port 9000", "serve stop"]
        )
    ) { session, invocation in
        if invocation.arguments.first == "stop" {
            guard let live = session.live else {
                throw CommandError.failed("nothing is being served", fix: "'serve' starts it")
            }
            live.stop()
            session.live = nil
            session.emit(.note("stopped serving"))
            return
        }
        if let arguments = invocation.arguments.first {
            throw CommandError.usage(
                "serve takes 'stop' or nothing, not '\(Sanitized.excerpt(arguments))'",
                fix: "e.g. 'serve' or 'serve stop'")
        }
        if let live = session.live {
            session.emit(.note("already serving at \(live.server.url) ('serve stop' ends it)"))
            return
        }
        let portText = invocation.option("--port") ?? "8765"
        guard let port = Int(portText), (0...65_535).contains(port) else {
            throw CommandError.usage(
                "--port takes a port number from 0 to 65535, not '\(Sanitized.excerpt(portText))'",
                fix: "e.g. --port 8765")
        }
        let host = invocation.option("--host") ?? "127.0.0.1"
        let live = try LiveService.start(session, host: host, port: port)
        session.live = live
        session.emit(.text("serving \(session.displayName) at \(live.server.url)"))
        if live.server.token != nil {
            session.emit(.note("reachable beyond this machine: only with the token in the URL; the page is read-only"))
        }
    }

    static let focus = ShellCommand(
        CommandSpec(
            "focus",
            summary:
                "Point the live page at a stage, persona, activity or a rule's recommendation (focus alone clears it)",
            arguments: [ArgumentSpec("ID", completion: .anyID, optional: true)],
            examples: ["focus negotiation", "focus cfo", "focus MK002", "focus"]
        )
    ) { session, invocation in
        guard let live = session.live else {
            throw CommandError.failed("nothing is being served", fix: "'serve' starts the live page")
        }
        guard let target = invocation.arguments.first else {
            live.focus(nil)
            return
        }
        // A rule's code points at its recommendation, by the heading the page shows for it; the
        // report (every check run) is built only when the target is a rule's code.
        let code = target.uppercased()
        if session.workbook.runnableChecks(plugins: session.plugins).contains(where: { $0.code == code }) {
            let report = clientReport(session, audience: .client)
            if let number = report.recommendations.firstIndex(where: { $0.rule == code }) {
                live.focus("\(number + 1). \(report.recommendations[number].action)")
                session.emit(.note("the live page points at recommendation \(number + 1)"))
                return
            }
        }
        let index = ItemIndex(session.workbook)
        guard
            index.kinds.contains(where: {
                if case .found = index.resolve(target, as: $0) { return true } else { return false }
            })
        else {
            throw CommandError.usage(
                "focus: nothing is called '\(Sanitized.excerpt(target))'\(Suggestion.phrase(for: target, in: session.workbook.items.map(\.id)))",
                fix: "'list KIND' shows the ids of one kind; Tab completes them")
        }
        let name = TargetNames(session.workbook).name(of: target)
        live.focus(name)
        session.emit(.note("the live page points at \(name)"))
    }
}
