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
        all.enumerated().filter {
            $0.element.kind == kind && byID[Key(kind: kind.name, id: $0.element.id)] == $0.offset
        }.map(\.element)
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
        problems(ofReferences: { check in items.forEach { $0.references.forEach(check) } }, loose: loose)
    }

    /// The same, for references handed over one at a time by `references` (given the check to
    /// call): a large workbook's references need never be held at once.
    public func problems(
        ofReferences references: ((Reference) -> Void) -> Void, loose: [Reference] = []
    ) -> [WorkbookError] {
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
            if case .ambiguous(let matches)? = resolutions.first(where: {
                if case .ambiguous = $0 { return true } else { return false }
            }) {
                errors.append(
                    .ambiguousReference(
                        at, kind: kinds[0].name, id: reference.id, candidates: matches.map(\.id).sorted()))
                return
            }
            let candidates = kinds.flatMap { names(of: $0) }
            errors.append(
                .unknownReference(
                    at, kind: kinds[0].name, id: reference.id,
                    suggestion: Suggestion.closest(to: reference.id, in: candidates)))
        }
        references(check)
        for reference in loose { check(reference) }
        return errors
    }
}

extension ItemIndex {
    /// A finding's target as a waiver or a query may write it, in the full form findings use:
    /// a bare id that names one item (`onboarding`) becomes its full id (`expansion/onboarding`),
    /// and so does the first part of a composite target (`proposal/it-architect`). A target that
    /// names nothing, or more than one item, is returned as written.
    public func fullTarget(_ target: String) -> String {
        let matches = Set(
            kinds.compactMap { kind -> String? in
                if case .found(let item) = resolve(target, as: kind) { return item.id }
                return nil
            })
        if matches.count == 1, let id = matches.first { return id }
        if matches.isEmpty, let slash = target.lastIndex(of: "/") {
            let prefix = String(target[..<slash]), full = fullTarget(prefix)
            if full != prefix { return full + target[slash...] }
        }
        return target
    }
}

extension Item {
    /// The item with the ids it references in their full form in its fields (`discovery` →
    /// `new-business/discovery`), so a query sees one id for one item however the file wrote it.
    public func referencesInFullForm(_ index: ItemIndex) -> Item {
        let written = Set(references.map(\.id))
        let full = Dictionary(uniqueKeysWithValues: written.map { ($0, index.fullTarget($0)) }).filter {
            $0.key != $0.value
        }
        guard !full.isEmpty else { return self }
        let original = self
        return Item(
            kind: kind, id: id, alias: alias, name: name, location: location, references: references,
            fields: original.fields.mapValues { value in
                switch value {
                case .list(let ids): return .list(ids.map { full[$0] ?? $0 })
                case .string(let id?): return .string(full[id] ?? id)
                default: return value
                }
            })
    }
}

extension ItemIndex {
    /// `condition` with each string literal that names an item by a shorter id written in full,
    /// the same resolution the items' fields get (`stages contains "discovery"`).
    public func literalsInFullForm(_ condition: String) -> String {
        var out = "", literal = ""
        var inside = false, escaped = false
        for character in condition {
            guard inside else {
                out.append(character)
                if character == "\"" { inside = true }
                continue
            }
            if escaped {
                literal.append(character)
                escaped = false
            } else if character == "\\" {
                literal.append(character)
                escaped = true
            } else if character == "\"" {
                out += literal.contains("\\") ? literal : fullTarget(literal)
                out.append(character)
                literal = ""
                inside = false
            } else {
                literal.append(character)
            }
        }
        return out + literal
    }
}
