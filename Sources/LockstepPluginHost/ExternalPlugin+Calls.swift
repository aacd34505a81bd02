import LockstepCore

/// The calls an external plugin answers beyond its rules: its commands (with the edits they ask
/// for), the validation of its sections, and its parts of the report and the diagram.
extension ExternalPlugin {
    public var commands: [Command] {
        (signature.commands ?? []).map { command in
            Command(
                CommandSpec(
                    command.name, summary: command.summary,
                    arguments: (command.arguments ?? []).map { argument in
                        ArgumentSpec(
                            argument.name, completion: completion(kind: argument.kind, words: argument.words),
                            optional: argument.optional ?? true)
                    },
                    options: (command.options ?? []).map { option in
                        OptionSpec(
                            option.name.hasPrefix("--") ? option.name : "--" + option.name, value: option.value,
                            completion: completion(kind: option.kind, words: option.words), summary: option.summary)
                    },
                    examples: command.examples ?? [], changesWorkbook: true)
            ) { environment, invocation in
                try self.run(command.name, invocation: invocation, in: environment)
            }
        }
    }

    /// What the shell completes for an argument or option the signature describes.
    private func completion(kind: String?, words: [String]?) -> Completion {
        if let words { return .words(words) }
        guard let kind else { return .none }
        return .ids(itemKinds.first { $0.name == kind } ?? ItemKind(kind, plural: kind + "s"))
    }

    private func run(_ command: String, invocation: Invocation, in environment: any CommandEnvironment) throws {
        let params = ModelJSON.commandParams(
            command: command, arguments: invocation.arguments, options: invocation.options, today: environment.today,
            workbook: environment.workbook)
        let result: PluginProtocol.CommandResult
        do throws(PluginProcess.Failure) {
            result = try process(for: environment.workbook).call(
                "command", json: params, as: PluginProtocol.CommandResult.self)
        } catch {
            throw CommandError.failed(
                failure(error, calling: "command '\(command)'"),
                fix: "see the plugin's own output above, or remove it from 'plugins:'")
        }
        if let table = result.table {
            environment.emit(.table(Table(table.columns, rows: table.rows.map { $0.map { Table.Cell.text($0) } })))
        }
        if let text = result.text { environment.emit(.text(text)) }
        guard let edits = result.edits, !edits.isEmpty else { return }
        let operations: [ItemOperation]
        do throws(CommandError) {
            operations = try edits.map { edit throws(CommandError) in try Self.operation(edit) }
        } catch {
            throw CommandError.failed(
                "plugin \(Sanitized.excerpt(signature.name, limit: 40)) asked for an edit Lockstep cannot make: \(error.message)",
                fix: "nothing was changed; the plugin's author can check its 'edits' against docs/plugins.md")
        }
        do {
            try environment.apply(operations, command: command, journaled: true)
        } catch let error as CommandError {
            throw CommandError.failed(
                "plugin \(Sanitized.excerpt(signature.name, limit: 40)) asked for an edit that was refused: \(error.message)",
                fix: "nothing was changed; \(error.fix ?? "see the message")")
        }
    }

    /// An edit of the protocol as the change the shell's own command makes.
    static func operation(_ edit: PluginProtocol.Edit) throws(CommandError) -> ItemOperation {
        func need(_ value: String?, _ name: String) throws(CommandError) -> String {
            guard let value, !value.isEmpty else { throw .usage("'\(edit.op)' needs '\(name)'", fix: "") }
            return value
        }
        switch edit.op {
        case "add": return .add(kind: try need(edit.kind, "kind"), id: try need(edit.id, "id"), name: edit.name)
        case "set":
            if let section = edit.section {
                return .setSection(
                    section: section, field: try need(edit.field, "field"), value: edit.value?.text ?? "")
            }
            return .set(
                kind: try need(edit.kind, "kind"), id: try need(edit.id, "id"), field: try need(edit.field, "field"),
                value: edit.value?.text ?? "")
        case "rename":
            return .rename(kind: try need(edit.kind, "kind"), id: try need(edit.id, "id"), to: try need(edit.to, "to"))
        case "remove":
            return .remove(kind: try need(edit.kind, "kind"), id: try need(edit.id, "id"), force: edit.force ?? false)
        default:
            throw .usage(
                "'\(Sanitized.excerpt(edit.op, limit: 20))' is not an edit (add, set, rename, remove)", fix: "")
        }
    }

    /// Asks the plugin about its own sections when the workbook loads (only a plugin whose
    /// signature says `validates`). Its problems are load errors at the item or field they
    /// name; a plugin that fails is told in a warning and the workbook loads without its word.
    public func validate(_ workbook: Workbook, context: DecodeContext) {
        guard signature.validates == true else { return }
        let problems: [PluginProtocol.Problem]
        do throws(PluginProcess.Failure) {
            problems = try process(for: workbook).call(
                "validate", json: ModelJSON.validateParams(workbook: workbook),
                as: PluginProtocol.ValidateResult.self
            ).problems
        } catch {
            context.warn(failure(error, calling: "validate") + "; its sections were not validated")
            return
        }
        let sections = declarations.compactMap { workbook.sections[$0.key] as? DeclaredSection }
        let index = ItemIndex(workbook)
        for problem in problems.prefix(50) {
            // At the field of its own item it names; else at the item of any kind; else the top.
            let at =
                sections.lazy.compactMap { $0.place(of: problem.target, field: problem.field) }.first
                ?? index.kinds.lazy.compactMap { kind -> SourceLocation? in
                    if case .found(let item) = index.resolve(problem.target, as: kind) { return item.location }
                    return nil
                }.first
                ?? SourceLocation(file: context.file, line: 1, column: 1)
            context.report(
                .plugin(
                    at, plugin: signature.name, field: problem.field, message: problem.message,
                    fix: problem.fix))
        }
    }

    public func reportSections(_ workbook: Workbook, context: CheckContext) -> [ReportSection] {
        guard signature.report == true else { return [] }
        do throws(PluginProcess.Failure) {
            let result = try process(for: workbook).call(
                "report", json: ModelJSON.checkParams(today: context.today, workbook: workbook),
                as: PluginProtocol.ReportResult.self)
            return result.sections.map(Self.section)
        } catch {
            // The client's text is no place for a plugin's failure: the team's appendix says it.
            return [
                ReportSection(
                    title: "What \(signature.name) could not add",
                    blocks: [.paragraph(failure(error, calling: "report"))],
                    order: 900, part: .technical)
            ]
        }
    }

    private static func section(_ result: PluginProtocol.ReportSectionResult) -> ReportSection {
        let part: ReportSection.Part =
            switch result.part {
            case "appendix": .appendix
            case "technical": .technical
            default: .body
            }
        let blocks = result.blocks.compactMap { block -> ReportBlock? in
            if let text = block.paragraph { return .paragraph(text) }
            if let text = block.heading { return .heading(text) }
            if let bullets = block.bullets { return .bullets(bullets) }
            if let facts = block.facts { return .facts(facts.filter { $0.count == 2 }.map { Fact($0[0], $0[1]) }) }
            if let table = block.table {
                return .table(Table(table.columns, rows: table.rows.map { $0.map { Table.Cell.text($0) } }))
            }
            return nil
        }
        // Plugins' sections come after the built-in ones of their part, in their own order.
        return ReportSection(
            title: result.title, blocks: blocks, order: 100 + max(0, min(result.order ?? 0, 799)), part: part)
    }

    public func draw(_ diagram: inout Diagram, workbook: Workbook) {
        guard signature.diagram == true,
            let result = try? process(for: workbook).call(
                "diagram", json: ModelJSON.checkParams(today: diagram.today, workbook: workbook),
                as: PluginProtocol.DiagramResult.self)
        else { return }
        // A node's id is its item's, after a prefix the drawing plugin chose (`stage:`); a note
        // names the item, by its full id or a shorter one.
        let nodes = diagram.groups.flatMap { $0.nodes.map(\.id) }
        let index = ItemIndex(workbook)
        for note in result.notes {
            let full =
                index.kinds.lazy.compactMap { kind -> String? in
                    if case .found(let item) = index.resolve(note.target, as: kind) { return item.id }
                    return nil
                }.first ?? note.target
            guard let node = nodes.first(where: { $0.hasSuffix(":" + full) }) else { continue }
            let mark: Diagram.Mark =
                switch note.mark {
                case "gap": .gap
                case "partial": .partialGap
                default: .none
                }
            diagram.annotate(node, note.text, mark: mark)
        }
    }
}
