/// Looks items up by id or alias, and finds duplicate ids and unresolved references.
public struct ItemIndex {
    /// A kind's name and an id: one key, so a look-up hashes once (a workbook's validation
    /// looks up every reference it holds, a hundred thousand in a large one).
    private struct Key: Hashable {
        let kind: String
        let id: String
    }

    /// The items, looked up by position: the tables hold positions, not copies of items.
    private let all: [Item]
    private var byID: [Key: Int] = [:]
    private var byAlias: [Key: [Int]] = [:]
    /// The kinds some item has, in the order first met.
    private var kindsMet: [ItemKind] = []
    public private(set) var duplicates: [(item: Item, first: Item)] = []

    public init(_ items: [Item]) {
        all = items
        byID.reserveCapacity(items.count)
        for (position, item) in items.enumerated() {
            let key = Key(kind: item.kind.name, id: item.id)
            if let first = byID[key] {
                duplicates.append((item, items[first]))
                continue
            }
            byID[key] = position
            if kindsMet.last != item.kind, !kindsMet.contains(item.kind) { kindsMet.append(item.kind) }
            if let alias = item.alias { byAlias[Key(kind: item.kind.name, id: alias), default: []].append(position) }
        }
    }

    public init(_ workbook: Workbook) { self.init(workbook.items) }

    /// The kinds some loaded section defines (a reference to another kind cannot be checked).
    public var kinds: Set<ItemKind> { Set(kindsMet) }

    public func ids(of kind: ItemKind) -> [String] { items(of: kind).map(\.id) }

    public func items(of kind: ItemKind) -> [Item] {
        all.enumerated().filter { $0.element.kind == kind && byID[Key(kind: kind.name, id: $0.element.id)] == $0.offset }.map(\.element)
    }

    public enum Resolution {
        case found(Item)
        case ambiguous([Item])
        case missing
    }

    public func resolve(_ id: String, as kind: ItemKind) -> Resolution {
        if let position = byID[Key(kind: kind.name, id: id)] { return .found(all[position]) }
        guard let matches = byAlias[Key(kind: kind.name, id: id)] else { return .missing }
        return matches.count == 1 ? .found(all[matches[0]]) : .ambiguous(matches.map { all[$0] })
    }

    /// Whether `id` names exactly one item of `kind`, without copying it.
    public func resolves(_ id: String, as kind: ItemKind) -> Bool {
        let key = Key(kind: kind.name, id: id)
        return byID[key] != nil || byAlias[key]?.count == 1
    }

    /// Every id and alias a user may type for `kind`, for completion and "did you mean".
    public func names(of kind: ItemKind) -> [String] {
        var names = ids(of: kind)
        for (key, items) in byAlias where key.kind == kind.name && items.count == 1 { names.append(key.id) }
        return names.sorted()
    }

    /// Duplicate ids (WB002) and references that name nothing (WB001).
    public func problems(of items: [Item], loose: [Reference] = []) -> [WorkbookError] {
        var errors: [WorkbookError] = duplicates.compactMap { pair in
            guard let at = pair.item.location, let first = pair.first.location else { return nil }
            return .duplicateID(at, kind: pair.item.kind.name, id: pair.item.id, first: first)
        }
        let known = kinds
        func check(_ reference: Reference) {
            // The common case, one kind and found, allocates nothing.
            if resolves(reference.id, as: reference.kind) { return }
            // A kind no loaded plugin defines cannot be checked, e.g. `enters` without stages.
            let kinds = reference.kinds.filter { known.contains($0) }
            guard !kinds.isEmpty, let at = reference.location else { return }
            let resolutions = kinds.map { resolve(reference.id, as: $0) }
            if resolutions.contains(where: { if case .found = $0 { return true } else { return false } }) { return }
            if case .ambiguous(let matches)? = resolutions.first(where: { if case .ambiguous = $0 { return true } else { return false } }) {
                errors.append(.ambiguousReference(at, kind: kinds[0].name, id: reference.id, candidates: matches.map(\.id).sorted()))
                return
            }
            let candidates = kinds.flatMap { names(of: $0) }
            errors.append(.unknownReference(at, kind: kinds[0].name, id: reference.id,
                                            suggestion: Suggestion.closest(to: reference.id, in: candidates)))
        }
        for position in items.indices {
            for reference in items[position].references { check(reference) }
        }
        for reference in loose { check(reference) }
        return errors
    }
}
