/// Why a command did not run; the shell prints it and goes on, a script stops on it.
public enum CommandError: Error, Equatable, Sendable {
    /// The command line itself is wrong: unknown command, missing argument, bad option (exit 2 in batch).
    case usage(String, fix: String?)
    /// A file or workbook the command reads is bad (exit 2 in batch).
    case input(String, fix: String?)
    /// The command ran and failed (exit 1 in batch).
    case failed(String, fix: String?)
    /// A workbook could not be read; each error carries its own position and fix (exit 2 in batch).
    case workbook(WorkbookLoadError)

    public var message: String {
        switch self {
        case .usage(let message, _), .input(let message, _), .failed(let message, _): return message
        case .workbook(let error): return error.description
        }
    }

    public var fix: String? {
        switch self {
        case .usage(_, let fix), .input(_, let fix), .failed(_, let fix): return fix
        case .workbook: return nil
        }
    }

    /// The batch exit code this error ends a script with.
    public var exitCode: Int32 {
        switch self {
        case .usage, .input, .workbook: return 2
        case .failed: return 1
        }
    }
}

extension CommandError {
    /// A value outside a fixed set: `unknown phase 'decison' (did you mean 'decision'?)`, listing the set.
    public static func unknown(_ what: String, _ value: String, among choices: [String]) -> CommandError {
        .usage("unknown \(what) '\(value)'\(Suggestion.phrase(for: value, in: choices))",
               fix: "\(what)s: \(choices.joined(separator: ", "))")
    }
}

extension Identifier {
    /// `id` when it is a valid id; otherwise the usage error a command reports, with a suggestion.
    public static func validated(_ id: String, in command: String) throws(CommandError) -> String {
        guard isValid(id) else {
            throw .usage("\(command): '\(id)' is not a valid id", fix: "ids are lower-case words joined by hyphens, e.g. '\(suggest(from: id))'")
        }
        return id
    }
}
