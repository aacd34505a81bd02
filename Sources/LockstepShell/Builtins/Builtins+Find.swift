import LockstepCore

extension Builtins {
    static let find = ShellCommand(CommandSpec(
        "find", summary: "List the items of one kind that meet a condition in the expression language",
        arguments: [ArgumentSpec("KIND", completion: .kindNames), ArgumentSpec("where CONDITION…", optional: true)],
        examples: ["find activities where kind = \"webinar\" and kpi is empty",
                   "find activities where stages is empty",
                   "find stages where phase = \"decision\" and probability < 50",
                   "find personas where role in [\"economic-buyer\", \"technical-buyer\"]",
                   "find activities where reviewed < today - 365d"]
    )) { session, invocation in
        let name = invocation.arguments[0]
        let (kind, schema) = try session.requireKind(named: name, command: "find")
        // One meaning per id: the items' references and the condition's literals in full form alike.
        let index = ItemIndex(session.workbook)
        let items = session.workbook.items(of: kind).map { $0.referencesInFullForm(index) }
        let written = try whereClause(of: invocation, kindName: name)
        var shown: [String] = []
        var matching = items
        if let written {
            let checked: CheckedExpression
            do throws(ExpressionError) {
                // Checked as typed first, so an error points at the text the user wrote.
                let checker = ExpressionChecker(schema: ExpressionSchema(fields: schema))
                _ = try checker.checkCondition(written)
                checked = try checker.checkCondition(index.literalsInFullForm(written))
            } catch {
                let fields = schema.keys.sorted().joined(separator: ", ")
                throw CommandError.usage("find: \(error.message)\n\(error.pointed)", fix: "fields of \(kind.plural): \(fields)")
            }
            let compiled = CompiledCondition(checked, over: Frame(items: items, schema: schema), today: session.today)
            matching = compiled.matchingRows(count: items.count).map { items[$0] }
            shown = checked.root.names.filter { $0 != "id" && $0 != "name" && schema[$0] != nil }.uniqued
        }
        let rows: [[Table.Cell]] = matching.map { item in
            [.text(item.id), .text(item.name)] + shown.map { item.fields[$0]?.cell ?? .empty }
        }
        session.emit(.table(Table(["id", "name"] + shown, rows: rows)))
    }

    /// The condition after `where`, as typed; nil when there is none.
    static func whereClause(of invocation: Invocation, kindName: String) throws -> String? {
        let afterKind = invocation.rest.dropFirst(invocation.rest.prefix { !$0.isWhitespace }.count).trimmed
        guard !afterKind.isEmpty else { return nil }
        guard afterKind.hasPrefix("where"), afterKind.dropFirst(5).first?.isWhitespace ?? true else {
            throw CommandError.usage("find: expected 'where' after '\(kindName)', not '\(afterKind.prefix { !$0.isWhitespace })'",
                                     fix: "write: find \(kindName) where CONDITION")
        }
        let condition = afterKind.dropFirst(5).trimmed
        guard !condition.isEmpty else {
            throw CommandError.usage("find: expected a condition after 'where'", fix: "e.g. find \(kindName) where name contains \"ROI\"")
        }
        return condition
    }
}

extension FieldValue {
    var cell: Table.Cell {
        switch self {
        case .string(let value): return value.map { .text($0) } ?? .empty
        case .number(let value): return value.map { .number($0) } ?? .empty
        case .bool(let value): return value.map { .text($0 ? "true" : "false") } ?? .empty
        case .date(let value): return value.map { .text($0.description) } ?? .empty
        case .duration(let value): return value.map { .text($0.text) } ?? .empty
        case .list(let values): return values.isEmpty ? .empty : .text(values.joined(separator: ", "))
        }
    }
}
