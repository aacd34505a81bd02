#if canImport(Glibc)
import Glibc
#endif
import LockstepCore

/// Context-aware completion: command names, sub-commands, options, and the workbook's own ids.
struct Completer {
    let session: Session

    func complete(_ typed: String) -> CompletionResult {
        let statement = CommandLineSyntax.statements(typed + "x").last.map { String($0.dropLast()) } ?? ""
        let words = Self.lenientWords(statement)
        let atNewWord = statement.isEmpty || statement.last?.isWhitespace == true
        let partial = atNewWord ? "" : (words.last ?? "")
        let done = atNewWord ? words : Array(words.dropLast())
        let candidates = candidates(after: done, partial: partial)
        let matching = candidates.filter { CompletionText.hasBytePrefix($0, partial) }
        return CompletionResult(partial: partial, candidates: Array(Set(matching)).sorted())
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
           option.valueName != nil {
            return values(for: option.completion, partial: partial)
        }
        if partial.hasPrefix("-") { return command.spec.options.map(\.name) }
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
        case .ids(let kind): return ItemIndex(session.workbook).names(of: kind)
        case .words(let words): return words
        case .commandNames: return session.commands.map { $0.spec.words[0] }
        case .pluginNames: return session.registry.names
        case .kindNames: return session.itemKinds.map { $0.plural.replacingSpaces }
        case .anyID:
            let index = ItemIndex(session.workbook)
            return session.itemKinds.flatMap { index.names(of: $0) }
        case .files: return Self.paths(matching: partial)
        case .exportFiles: return Self.paths(matching: partial).filter { !$0.hasSuffix(".yaml") && !$0.hasSuffix(".yml") }
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
