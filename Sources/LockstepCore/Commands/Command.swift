/// What the shell may complete at one position of a command.
public enum Completion: Sendable, Equatable {
    case none
    /// Ids of the workbook's items of this kind.
    case ids(ItemKind)
    case words([String])
    /// Paths on disk.
    case files
    /// Paths to write an export to: folders and files, but never a workbook (`.yaml`, `.yml`).
    case exportFiles
    case commandNames
    case pluginNames
    /// The kinds of item the loaded plugins hold (`stages`, `activities`).
    case kindNames
    /// Every id in the workbook, of any kind.
    case anyID
    /// The codes of the rules the workbook runs.
    case ruleCodes
    /// The templates the loaded plugins offer for `new --template`.
    case templateNames
}

/// A positional argument in a command's usage.
public struct ArgumentSpec: Sendable {
    public var name: String
    public var completion: Completion
    public var isOptional: Bool

    public init(_ name: String, completion: Completion = .none, optional: Bool = false) {
        self.name = name
        self.completion = completion
        self.isOptional = optional
    }
}

/// A `--name [VALUE]` option.
public struct OptionSpec: Sendable {
    public var name: String
    /// nil for a flag that takes no value.
    public var valueName: String?
    public var completion: Completion
    public var summary: String

    public init(_ name: String, value: String? = nil, completion: Completion = .none, summary: String) {
        self.name = name
        self.valueName = value
        self.completion = completion
        self.summary = summary
    }

    /// An option taking a comma-separated list (`STAGE[,STAGE]`): given twice, the lists add up.
    public var isList: Bool { valueName?.contains("[,") == true }
}

/// How a command is named, described, completed and shown in `help`.
public struct CommandSpec: Sendable {
    /// One or more words: `save`, `stage show`.
    public var name: String
    public var summary: String
    public var arguments: [ArgumentSpec]
    public var options: [OptionSpec]
    /// Lines a user can type, shown by `help COMMAND`.
    public var examples: [String]
    /// Whether the command may change the workbook (the shell records an undo step).
    public var changesWorkbook: Bool

    public init(
        _ name: String, summary: String, arguments: [ArgumentSpec] = [], options: [OptionSpec] = [],
        examples: [String] = [], changesWorkbook: Bool = false
    ) {
        self.name = name
        self.summary = summary
        self.arguments = arguments
        self.options = options
        self.examples = examples
        self.changesWorkbook = changesWorkbook
    }

    public var words: [String] { name.split(separator: " ").map(String.init) }

    /// `stage show STAGE [--persona PERSONA]`.
    public var usage: String {
        var parts = [name]
        for argument in arguments { parts.append(argument.isOptional ? "[\(argument.name)]" : argument.name) }
        for option in options { parts.append("[\(option.name)\(option.valueName.map { " \($0)" } ?? "")]") }
        return parts.joined(separator: " ")
    }
}

/// A command a plugin contributes.
public struct Command: Sendable {
    public let spec: CommandSpec
    public let run: @Sendable (any CommandEnvironment, Invocation) throws -> Void

    public init(_ spec: CommandSpec, run: @escaping @Sendable (any CommandEnvironment, Invocation) throws -> Void) {
        self.spec = spec
        self.run = run
    }
}
