/// Why a workbook could not be read: one case per failure, each naming where and how to fix it.
public enum WorkbookError: Error, Equatable, Sendable {
    case unreadable(file: String, reason: String)
    case emptyFile(file: String)
    /// The file was saved over while a large workbook's parts were read from it one by one.
    case changedWhileRead(file: String)
    /// A file of another kind (a spreadsheet, an archive, UTF-16 text), named by its first bytes.
    case otherKind(file: String, what: String, fix: String)
    case notText(SourceLocation, byte: UInt8)
    /// A byte that is not UTF-8: the file was saved in another encoding (Latin-1, Windows-1252).
    case notUTF8(SourceLocation, byte: UInt8)
    case syntax(SourceLocation, problem: String, context: String?)
    case secondDocument(SourceLocation)
    case missingVersion(file: String)
    case unsupportedVersion(SourceLocation, found: String)
    case wrongType(SourceLocation, what: String, expected: String, found: String)
    case missingKey(SourceLocation, key: String, what: String)
    case unknownKey(SourceLocation, key: String, what: String, suggestion: String?)
    case duplicateKey(SourceLocation, key: String, first: SourceLocation)
    case sectionNeedsPlugin(SourceLocation, section: String, plugin: String)
    case unknownPlugin(SourceLocation, name: String, suggestion: String?, known: [String])
    /// A plugin named by its path that could not be started or understood.
    case externalPlugin(SourceLocation, entry: String, reason: String)
    case missingDependency(SourceLocation, plugin: String, needs: String)
    /// A word outside a fixed set (a phase, a role, a severity).
    case notAllowed(SourceLocation, what: String, value: String, allowed: [String])
    case invalidID(SourceLocation, what: String, value: String)
    case duplicateID(SourceLocation, kind: String, id: String, first: SourceLocation)
    case unknownReference(SourceLocation, kind: String, id: String, suggestion: String?)
    case ambiguousReference(SourceLocation, kind: String, id: String, candidates: [String])
    /// An expression (lead criteria, a team rule) that does not parse or type-check; `code` is the rule it breaks.
    case expression(SourceLocation, what: String, error: ExpressionError, code: String?)
    /// A team rule named with a built-in rule's code.
    case ruleCodeTaken(SourceLocation, id: String)
    /// Text holding a control character other than a tab or line break (an escape sequence, a bell).
    case controlCharacter(SourceLocation, what: String, value: String)
    /// A problem an external plugin found in its own section when asked to validate it.
    case plugin(SourceLocation, plugin: String, field: String?, message: String, fix: String?)

    /// Where the problem is; a file alone when there is no better place.
    public var location: SourceLocation {
        switch self {
        case .unreadable(let file, _), .emptyFile(let file), .changedWhileRead(let file), .missingVersion(let file),
            .otherKind(let file, _, _):
            return SourceLocation(file: file, line: 1, column: 1)
        case .notText(let at, _), .notUTF8(let at, _), .syntax(let at, _, _), .secondDocument(let at),
            .unsupportedVersion(let at, _), .wrongType(let at, _, _, _), .missingKey(let at, _, _),
            .unknownKey(let at, _, _, _), .duplicateKey(let at, _, _), .sectionNeedsPlugin(let at, _, _),
            .unknownPlugin(let at, _, _, _), .externalPlugin(let at, _, _), .missingDependency(let at, _, _),
            .notAllowed(let at, _, _, _), .invalidID(let at, _, _), .duplicateID(let at, _, _, _),
            .unknownReference(let at, _, _, _), .ambiguousReference(let at, _, _, _), .expression(let at, _, _, _),
            .ruleCodeTaken(let at, _),
            .controlCharacter(let at, _, _), .plugin(let at, _, _, _, _):
            return at
        }
    }

    /// The rule code, for the failures the rule catalogue names.
    public var code: String? {
        switch self {
        case .unknownReference, .ambiguousReference: return "WB001"
        case .duplicateID: return "WB002"
        case .unknownPlugin, .externalPlugin: return "WB003"
        case .expression(_, _, _, let code): return code
        default: return nil
        }
    }

    /// `file:line:col: error: [CODE] message`, then the fix on an indented line; what the file
    /// holds shows with its control characters escaped.
    public var rendered: String {
        let code = self.code.map { "[\($0)] " } ?? ""
        let place = Sanitized.visible(location.description)
        if case .expression(_, _, let error, _) = self {
            return
                "\(place): error: \(code)\(Sanitized.visible(message))\n\(error.pointed)\n  fix: \(Sanitized.visible(fix))"
        }
        return "\(place): error: \(code)\(Sanitized.visible(message))\n  fix: \(Sanitized.visible(fix))"
    }
}

extension WorkbookError: CustomStringConvertible {
    public var description: String { rendered }
}
