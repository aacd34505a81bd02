import LockstepCore

/// A command as the shell runs it: a built-in that works on the session, or a plugin's command.
struct ShellCommand: Sendable {
    let spec: CommandSpec
    /// `built-in`, or the plugin that contributed it; `help` groups by it.
    let origin: String
    let run: @Sendable (Session, Invocation) throws -> Void

    init(_ spec: CommandSpec, run: @escaping @Sendable (Session, Invocation) throws -> Void) {
        self.spec = spec
        self.origin = "built-in"
        self.run = run
    }

    init(plugin: String, _ command: Command) {
        self.spec = command.spec
        self.origin = plugin
        self.run = { session, invocation in try command.run(session, invocation) }
    }
}

extension Session {
    /// The built-ins, then the commands of each loaded plugin.
    var commands: [ShellCommand] {
        Builtins.all + plugins.flatMap { plugin in plugin.commands.map { ShellCommand(plugin: plugin.name, $0) } }
    }

    /// The command whose name matches the most leading words.
    func command(matching words: [String]) -> ShellCommand? {
        commands
            .filter { words.starts(with: $0.spec.words) }
            .max { $0.spec.words.count < $1.spec.words.count }
    }

    /// Kinds of item the loaded plugins hold, by plural and singular name.
    var itemKinds: [ItemKind] { plugins.flatMap(\.itemKinds) }

    /// The kind a command's KIND argument names, or a usage error listing the kinds there are.
    func requireKind(named name: String, command: String) throws(CommandError) -> (kind: ItemKind, fields: [String: FieldType]) {
        guard let (kind, fields) = Workbook.kind(named: name, among: plugins) else {
            let names = itemKinds.map { $0.plural.replacingSpaces }
            throw .usage("\(command): unknown kind '\(name)'\(Suggestion.phrase(for: name, in: names))",
                         fix: "kinds: \(names.joined(separator: ", "))")
        }
        return (kind, fields)
    }
}

