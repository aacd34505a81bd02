import LockstepCore

extension Builtins {
    static let help = ShellCommand(CommandSpec(
        "help", summary: "List the commands, or explain one with examples",
        arguments: [ArgumentSpec("COMMAND…", completion: .commandNames, optional: true)],
        examples: ["help", "help save", "help set"]
    )) { session, invocation in
        if invocation.arguments.isEmpty {
            session.emit(.text(overview(session)))
            return
        }
        guard let command = session.command(matching: invocation.arguments),
              command.spec.words.count == invocation.arguments.count else {
            let name = invocation.arguments.joined(separator: " ")
            let names = session.commands.map(\.spec.name)
            throw CommandError.usage("help: unknown command '\(name)'\(Suggestion.phrase(for: name, in: names))",
                                     fix: "'help' lists the commands")
        }
        session.emit(.text(details(command.spec)))
    }

    /// Every command, grouped by where it comes from, with its one-line summary.
    static func overview(_ session: Session) -> String {
        let commands = session.commands
        let width = (commands.map { $0.spec.name.count }.max() ?? 0) + 2
        var groups: [String] = []
        var lines: [String: [String]] = [:]
        for command in commands where command.spec.name != "exit" {
            if lines[command.origin] == nil { groups.append(command.origin) }
            let padding = String(repeating: " ", count: width - command.spec.name.count)
            lines[command.origin, default: []].append("  \(command.spec.name)\(padding)\(command.spec.summary)")
        }
        var text = ""
        for group in groups {
            text += (group == "built-in" ? "Commands:" : "Plugin \(group):") + "\n"
            text += lines[group]!.joined(separator: "\n") + "\n\n"
        }
        return text + "Type 'help COMMAND' for its options and examples. Tab completes commands and ids.\n"
    }

    /// Usage, summary, options and examples of one command.
    static func details(_ spec: CommandSpec) -> String {
        var text = "usage: \(spec.usage)\n\n\(spec.summary).\n"
        if !spec.options.isEmpty {
            let labels = spec.options.map { $0.name + ($0.valueName.map { " \($0)" } ?? "") }
            let width = (labels.map(\.count).max() ?? 0) + 2
            text += "\nOptions:\n"
            for (label, option) in zip(labels, spec.options) {
                text += "  \(label)\(String(repeating: " ", count: width - label.count))\(option.summary)\n"
            }
        }
        if !spec.examples.isEmpty {
            text += "\nExamples:\n" + spec.examples.map { "  \($0)\n" }.joined()
        }
        return text
    }
}
