extension Workbook {
    /// Rewrites references in every section; see `WorkbookSection.rewriteReferences`.
    public mutating func rewriteReferences(_ rewrite: (ItemKind, String) -> String?) {
        for key in Array(sections.keys) {
            guard var section = sections[key] else { continue }
            section.rewriteReferences(rewrite)
            sections[key] = section
        }
    }

    /// The items that refer to `target`.
    public func referrers(of target: Item) -> [Item] {
        let index = ItemIndex(self)
        return items.filter { item in
            item.references.contains { reference in
                reference.kinds.contains { kind in
                    if case .found(let found) = index.resolve(reference.id, as: kind) { return found.kind == target.kind && found.id == target.id }
                    return false
                }
            }
        }
    }
}

extension ItemIndex {
    /// The item `id` names, or a usage error with did-you-mean that a command can throw.
    public func require(_ id: String, as kind: ItemKind) throws(CommandError) -> Item {
        switch resolve(id, as: kind) {
        case .found(let item): return item
        case .ambiguous(let items):
            throw .usage("\(kind.name) '\(id)' is ambiguous: it could be \(items.map { "'\($0.id)'" }.joined(separator: " or "))",
                         fix: "write the full id, e.g. '\(items[0].id)'")
        case .missing:
            throw .usage("unknown \(kind.name) '\(id)'\(Suggestion.phrase(for: id, in: names(of: kind)))",
                         fix: "'list \(kind.plural.replacingSpaces)' lists them; Tab completes them")
        }
    }
}

extension String {
    /// `lead stages` → `lead-stages`.
    public var replacingSpaces: String { String(map { $0 == " " ? "-" : $0 }) }
}
