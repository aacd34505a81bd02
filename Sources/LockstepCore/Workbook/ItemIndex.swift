/// Looks items up by id or alias, and finds duplicate ids and unresolved references.
public struct ItemIndex {
    /// The items, looked up by position: the tables hold positions, not copies of items.
    private let all: [Item]
    private var byID: [ItemKind: [String: Int]] = [:]
    private var byAlias: [ItemKind: [String: [Int]]] = [:]
    public private(set) var duplicates: [(item: Item, first: Item)] = []

    public init(_ items: [Item]) {
        all = items
        for (position, item) in items.enumerated() {
            if let first = byID[item.kind]?[item.id] {
                duplicates.append((item, items[first]))
                continue
            }
            byID[item.kind, default: [:]][item.id] = position
            if let alias = item.alias { byAlias[item.kind, default: [:]][alias, default: []].append(position) }
        }
    }

    public init(_ workbook: Workbook) { self.init(workbook.items) }

    /// The kinds some loaded section defines (a reference to another kind cannot be checked).
    public var kinds: Set<ItemKind> { Set(byID.keys) }

    public func ids(of kind: ItemKind) -> [String] { byID[kind].map { Array($0.keys) } ?? [] }

    public func items(of kind: ItemKind) -> [Item] { byID[kind].map { $0.values.sorted().map { all[$0] } } ?? [] }

    public enum Resolution {
        case found(Item)
        case ambiguous([Item])
        case missing
    }

    public func resolve(_ id: String, as kind: ItemKind) -> Resolution {
        if let position = byID[kind]?[id] { return .found(all[position]) }
        guard let matches = byAlias[kind]?[id] else { return .missing }
        return matches.count == 1 ? .found(all[matches[0]]) : .ambiguous(matches.map { all[$0] })
    }

    /// Whether `id` names exactly one item of `kind`, without copying it.
    public func resolves(_ id: String, as kind: ItemKind) -> Bool {
        guard let table = byID[kind] else { return false }
        return table[id] != nil || byAlias[kind]?[id]?.count == 1
    }

    /// Every id and alias a user may type for `kind`, for completion and "did you mean".
    public func names(of kind: ItemKind) -> [String] {
        var names = ids(of: kind)
        for (alias, items) in byAlias[kind] ?? [:] where items.count == 1 { names.append(alias) }
        return names.sorted()
    }

    /// Duplicate ids (WB002) and references that name nothing (WB001).
    public func problems(of items: [Item], loose: [Reference] = []) -> [WorkbookError] {
        var errors: [WorkbookError] = duplicates.compactMap { pair in
            guard let at = pair.item.location, let first = pair.first.location else { return nil }
            return .duplicateID(at, kind: pair.item.kind.name, id: pair.item.id, first: first)
        }
        let known = kinds
        for references in items.map(\.references) + [loose] {
            for reference in references {
                // The common case, one kind and found, allocates nothing.
                if resolves(reference.id, as: reference.kind) { continue }
                // A kind no loaded plugin defines cannot be checked, e.g. `enters` without stages.
                let kinds = reference.kinds.filter { known.contains($0) }
                guard !kinds.isEmpty, let at = reference.location else { continue }
                let resolutions = kinds.map { resolve(reference.id, as: $0) }
                if resolutions.contains(where: { if case .found = $0 { return true } else { return false } }) { continue }
                if case .ambiguous(let matches)? = resolutions.first(where: { if case .ambiguous = $0 { return true } else { return false } }) {
                    errors.append(.ambiguousReference(at, kind: kinds[0].name, id: reference.id, candidates: matches.map(\.id).sorted()))
                    continue
                }
                let candidates = kinds.flatMap { names(of: $0) }
                errors.append(.unknownReference(at, kind: kinds[0].name, id: reference.id,
                                                suggestion: Suggestion.closest(to: reference.id, in: candidates)))
            }
        }
        return errors
    }
}
