extension WorkbookError {
    /// One line saying what is wrong, quoting the bad value.
    public var message: String {
        switch self {
        case .unreadable(_, let reason):
            return "cannot read the workbook: \(reason)"
        case .emptyFile:
            return "the workbook is empty"
        case .changedWhileRead:
            return "the workbook changed while it was read"
        case .otherKind(_, let what, _):
            return "this is \(what), not a workbook (a YAML text file)"
        case .notUTF8(_, let byte):
            let hex = String(byte, radix: 16, uppercase: true)
            return
                "byte 0x\(hex) here is not UTF-8: the file looks like Latin-1 or Windows-1252 text (é, ü and € are written so)"
        case .notText(_, let byte):
            let hex = String(byte, radix: 16, uppercase: true)
            return "this is not a text file (byte 0x\(hex.count == 1 ? "0" : "")\(hex))"
        case .syntax(_, let problem, let context):
            return "YAML syntax error: \(problem)" + (context.map { " \($0)" } ?? "")
        case .secondDocument:
            return "a second YAML document starts here ('---')"
        case .missingVersion:
            return "the workbook does not say its format version"
        case .unsupportedVersion(_, let found):
            return "unsupported format version '\(found)'"
        case .wrongType(_, let what, let expected, let found):
            return "\(what) should be \(expected), not \(found)"
        case .missingKey(_, let key, let what):
            return "\(what) has no '\(key)'"
        case .unknownKey(_, let key, let what, let suggestion):
            return "unknown key '\(key)' in \(what)" + Self.didYouMean(suggestion)
        case .duplicateKey(_, let key, let first):
            return "key '\(key)' appears twice (first at line \(first.line))"
        case .sectionNeedsPlugin(_, let section, let plugin):
            return "section '\(section)' belongs to plugin '\(plugin)', which this workbook does not load"
        case .unknownPlugin(_, let name, let suggestion, _):
            return "unknown plugin '\(name)'" + Self.didYouMean(suggestion)
        case .externalPlugin(_, let entry, let reason):
            return "plugin '\(entry)' cannot be used: \(reason)"
        case .missingDependency(_, let plugin, let needs):
            return "plugin '\(plugin)' needs plugin '\(needs)', which this workbook does not load"
        case .notAllowed(_, let what, let value, let allowed):
            return "\(what) is '\(value)', which is not one of: \(allowed.joined(separator: ", "))"
        case .invalidID(_, let what, let value):
            return "\(what) '\(value)' is not a valid id"
        case .duplicateID(_, let kind, let id, let first):
            return "duplicate \(kind) id '\(id)' (first defined at line \(first.line))"
        case .unknownReference(_, let kind, let id, let suggestion):
            return "unknown \(kind) '\(id)'" + Self.didYouMean(suggestion)
        case .ambiguousReference(_, let kind, let id, let candidates):
            return "\(kind) '\(id)' is ambiguous: it could be \(candidates.map { "'\($0)'" }.joined(separator: " or "))"
        case .expression(_, let what, let error, _):
            return "\(what): \(error.message)"
        case .ruleCodeTaken(_, let id):
            return "rule id '\(id)' is the code of a built-in rule"
        case .controlCharacter(_, let what, let value):
            return "\(what) holds a control character: '\(Sanitized.excerpt(value))'"
        case .plugin(_, let plugin, let field, let message, _):
            return "plugin \(Sanitized.excerpt(plugin, limit: 40)): "
                + (field.map { "\(Sanitized.excerpt($0, limit: 40)): " } ?? "")
                + Sanitized.excerpt(message, limit: 300)
        }
    }

    /// How to put it right.
    public var fix: String {
        switch self {
        case .unreadable: return "check the path and the file's permissions"
        case .changedWhileRead: return "read it again once it is saved"
        case .emptyFile: return "start the workbook with the line 'lockstep: 1', or create one with 'new FILE'"
        case .otherKind(_, _, let fix): return fix
        case .notText: return "open the workbook's YAML file, not a binary or spreadsheet file"
        case .notUTF8:
            return
                "save the workbook as UTF-8 (in most editors: Save with encoding → UTF-8; or iconv -f latin1 -t utf-8)"
        case .syntax: return "correct the YAML at this position (indentation, quotes, ':' after keys)"
        case .secondDocument:
            return "keep one workbook per file: remove the '---' and what follows, or move it to its own file"
        case .missingVersion: return "add 'lockstep: 1' as the first line"
        case .unsupportedVersion:
            return "this Lockstep reads format 1: write 'lockstep: 1', or upgrade Lockstep for a newer format"
        case .wrongType(_, _, let expected, _): return "write \(expected) here"
        case .missingKey(_, let key, _): return "add '\(key): …'"
        case .unknownKey(_, _, _, let suggestion):
            return suggestion.map { "rename it to '\($0)'" }
                ?? "remove it, or see docs/workbook.md for the keys allowed here"
        case .duplicateKey: return "keep one of the two"
        case .sectionNeedsPlugin(_, _, let plugin): return "add '\(plugin)' to the workbook's 'plugins:' list"
        case .unknownPlugin(_, _, let suggestion, let known):
            return suggestion.map { "write '\($0)'" }
                ?? "remove it from 'plugins:'; the built-in plugins are \(known.joined(separator: ", ")), and a plugin of your own is "
                + "named by its path or installed in ~/.local/share/lockstep/plugins (docs/plugins.md)"
        case .missingDependency(_, _, let needs): return "add '\(needs)' to the workbook's 'plugins:' list"
        case .externalPlugin:
            return
                "check the path (relative to the workbook) and that the program runs; docs/plugins.md describes what it must answer"
        case .notAllowed(_, _, let value, let allowed):
            return Suggestion.closest(to: value, in: allowed).map { "did you mean '\($0)'?" }
                ?? "write one of the words listed"
        case .invalidID(_, _, let value):
            return "ids are lower-case words joined by hyphens, e.g. '\(Identifier.suggest(from: value))'"
        case .duplicateID: return "give one of them another id"
        case .unknownReference(_, let kind, _, let suggestion):
            return suggestion.map { "write '\($0)'" } ?? "define the \(kind) first, or correct the id"
        case .ambiguousReference(_, _, _, let candidates):
            return "write the full id, e.g. '\(candidates.first ?? "process/stage")'"
        case .expression:
            return "correct the expression at the caret; docs/expressions.md describes the language"
        case .ruleCodeTaken:
            return "give the team's rule a code of its own, e.g. 'ACME001'"
        case .controlCharacter:
            return
                "remove it (shown as \\e, \\x07…): text may hold tabs and line breaks, nothing that drives a terminal"
        case .plugin(_, let plugin, _, _, let fix):
            return fix.map { Sanitized.excerpt($0, limit: 300) }
                ?? "see the documentation of the plugin \(Sanitized.excerpt(plugin, limit: 40))"
        }
    }

    private static func didYouMean(_ suggestion: String?) -> String {
        suggestion.map { " (did you mean '\($0)'?)" } ?? ""
    }
}
