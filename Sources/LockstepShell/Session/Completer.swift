import LockstepCore

#if canImport(Glibc)
import Glibc
#endif

/// Context-aware completion: command names, sub-commands, options, and the workbook's own ids.
public struct Completer {
    let session: Session

    public init(session: Session) { self.session = session }

    public func complete(_ typed: String) -> CompletionResult {
        let statement = CommandLineSyntax.statements(typed + "x").last.map { String($0.dropLast()) } ?? ""
        let words = Self.lenientWords(statement)
        let atNewWord = statement.isEmpty || statement.last?.isWhitespace == true
        let partial = atNewWord ? "" : (words.last ?? "")
        let done = atNewWord ? words : Array(words.dropLast())
        var candidates = candidates(after: done, partial: partial)
        // Inside a list (`--stage a,b`), the element after the last comma is completed.
        let inList = isListValue(after: done) && partial.contains(",")
        if inList, let comma = partial.lastIndex(of: ",") {
            let head = String(partial[...comma])
            candidates = candidates.map { head + $0 }
        }
        let matching = candidates.filter { CompletionText.hasBytePrefix($0, partial) }
        return CompletionResult(
            partial: partial, candidates: Array(Set(matching)).sorted(), endsWord: !isListValue(after: done))
    }

    /// True when the word being typed is the value of a list option (`--stage STAGE[,STAGE]`)
    /// or of a list field in `edit`.
    private func isListValue(after done: [String]) -> Bool {
        guard let command = session.command(matching: done) else { return false }
        let arguments = Array(done.dropFirst(command.spec.words.count))
        if let previous = arguments.last, let option = command.spec.options.first(where: { $0.name == previous }) {
            return option.isList
        }
        if command.spec.name == "edit", arguments.count == 3, let field = editableField(arguments) {
            if case .ids = field.value { return true }
            if case .wordsOrIds = field.value { return true }
        }
        return false
    }

    /// The field `edit KIND ID FIELD` names.
    private func editableField(_ arguments: [String]) -> EditableField? {
        guard let kind = try? session.requireKind(named: arguments[0], command: "edit").kind,
            let type = session.plugins.editableSection(holding: kind)
        else { return nil }
        return type.editableFields(of: kind).first { $0.name == arguments[2] }
    }

    /// Candidates whose kind depends on an earlier argument: ids of the kind `edit`, `rename` or
    /// `remove` names, the fields and values of `edit`, the fields of `find … where`.
    private func contextual(_ command: ShellCommand, _ arguments: [String], partial: String) -> [String]? {
        switch command.spec.name {
        case "edit", "rename", "remove":
            if let type = session.plugins.sectionsEditableAsWhole[arguments.first ?? ""], command.spec.name == "edit" {
                if arguments.count == 1 { return type.editableFields(of: nil).map(\.name) }
                return arguments.count == 2
                    ? type.editableFields(of: nil).first { $0.name == arguments[1] }.map(values) : []
            }
            guard arguments.count >= 1,
                let kind = try? session.requireKind(named: arguments[0], command: command.spec.name).kind
            else {
                return arguments.isEmpty
                    ? session.itemKinds.map(\.name) + session.plugins.sectionsEditableAsWhole.keys : nil
            }
            if arguments.count == 1 { return session.names(of: kind) }
            guard command.spec.name == "edit" else { return [] }
            let fields = session.plugins.editableSection(holding: kind)?.editableFields(of: kind) ?? []
            if arguments.count == 2 { return fields.map(\.name) }
            return arguments.count == 3 ? editableField(arguments).map(values) : []
        case "find":
            guard let kindName = arguments.first,
                let (_, schema) = try? session.requireKind(named: kindName, command: "find")
            else { return nil }
            return arguments.count == 1 ? ["where"] : schema.keys.sorted()
        default:
            return nil
        }
    }

    /// What a field of `edit` may be set to, where the values are known.
    private func values(_ field: EditableField) -> [String] {
        switch field.value {
        case .choice(let words, _): return words
        case .id(let kind), .ids(let kind): return session.names(of: kind)
        case .wordsOrIds(let words, let kind): return words + session.names(of: kind)
        case .date: return ["today"]
        default: return []
        }
    }

    private func candidates(after done: [String], partial: String) -> [String] {
        guard let command = session.command(matching: done) else {
            // Still naming the command: offer the next word of every command that fits so far.
            return session.commands.compactMap { command in
                let names = command.spec.words
                return names.count > done.count && names.starts(with: done) ? names[done.count] : nil
            }
        }
        let arguments = Array(done.dropFirst(command.spec.words.count))
        if let previous = arguments.last, let option = command.spec.options.first(where: { $0.name == previous }),
            option.valueName != nil
        {
            return values(for: option.completion, partial: partial)
        }
        if partial.hasPrefix("-") { return command.spec.options.map(\.name) }
        if let contextual = contextual(command, arguments, partial: partial) { return contextual }
        var position = 0
        var index = 0
        while index < arguments.count {
            if let option = command.spec.options.first(where: { $0.name == arguments[index] }) {
                index += option.valueName == nil ? 1 : 2
            } else {
                position += 1
                index += 1
            }
        }
        let specs = command.spec.arguments
        guard !specs.isEmpty else { return [] }
        let spec = position < specs.count ? specs[position] : (specs.last!.name.hasSuffix("…") ? specs.last! : nil)
        return spec.map { values(for: $0.completion, partial: partial) } ?? []
    }

    private func values(for completion: Completion, partial: String) -> [String] {
        switch completion {
        case .none: return []
        case .ids(let kind): return session.names(of: kind)
        case .words(let words): return words
        case .commandNames: return session.commands.map { $0.spec.words[0] }
        case .pluginNames: return session.registry.names
        case .kindNames: return session.itemKinds.map { $0.plural.replacingSpaces }
        case .anyID: return session.itemKinds.flatMap { session.names(of: $0) }
        case .ruleCodes: return session.workbook.runnableChecks(plugins: session.plugins).map(\.code)
        case .templateNames: return session.templateNames
        case .files: return Self.paths(matching: partial)
        case .exportFiles:
            return Self.paths(matching: partial).filter { !$0.hasSuffix(".yaml") && !$0.hasSuffix(".yml") }
        }
    }

    /// Entries of the folder named so far; folders end in `/` so completion can go on into them.
    static func paths(matching partial: String) -> [String] {
        let folder = partial.contains("/") ? String(partial[...partial.lastIndex(of: "/")!]) : ""
        guard let directory = opendir(folder.isEmpty ? "." : folder) else { return [] }
        defer { closedir(directory) }
        var paths: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name == "." || name == ".." || (name.hasPrefix(".") && !partial.hasSuffix(".")) { continue }
            let isFolder = entry.pointee.d_type == UInt8(DT_DIR)
            paths.append(folder + name + (isFolder ? "/" : ""))
        }
        return paths
    }

    /// Words of a line still being typed: an unclosed quote is not an error here.
    static func lenientWords(_ line: String) -> [String] {
        if let words = try? CommandLineSyntax.words(line) { return words.map(\.text) }
        return line.split(whereSeparator: \.isWhitespace).map(String.init)
    }
}
