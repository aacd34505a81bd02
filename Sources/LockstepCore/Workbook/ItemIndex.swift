/// Looks items up by id or alias, and finds duplicate ids and unresolved references.
public struct ItemIndex {
    /// A kind's name and an alias: the key of the alias table (aliases are few).
    private struct Key: Hashable {
        let kind: String
        let id: String
    }

    /// What the index keeps of each item to find it and to tell duplicates apart.
    private struct Entry {
        let kind: ItemKind
        let id: String
        let location: SourceLocation?
    }

    private let entries: [Entry]
    /// The items, handed back by look-ups; empty in an index of identities, whose look-ups
    /// hand back items rebuilt from their entries (see `init(identitiesOf:)`).
    private let all: [Item]
    /// The position of each item, by kind and id; the first of duplicates.
    private let byID: PositionTable
    private var byAlias: [Key: [Int]] = [:]
    /// The kinds some item has, in the order first met.
    private var kindsMet: [ItemKind] = []
    /// Positions of items whose id an earlier item of their kind has, with the earlier one's.
    private var duplicatePositions: [(item: Int, first: Int)] = []

    public init(_ items: [Item]) {
        self.init(entries: items.map { Entry(kind: $0.kind, id: $0.id, location: $0.location) }, items: items)
    }

    public init(_ workbook: Workbook) { self.init(workbook.items) }

    /// An index of the items `each` hands over, keeping only their kinds, ids, aliases and
    /// places: what validation needs to find references and duplicates, without holding a large
    /// workbook's items (200,000 activities) beside its model. Look-ups hand back items with
    /// those alone.
    init(identitiesOf each: ((Item) -> Void) -> Void) {
        var entries: [Entry] = [], aliases: [Int: String] = [:]
        each { item in
            if let alias = item.alias { aliases[entries.count] = alias }
            entries.append(Entry(kind: item.kind, id: item.id, location: item.location))
        }
        self.init(entries: entries, items: [], aliases: aliases)
    }

    private init(entries: [Entry], items: [Item], aliases: [Int: String]? = nil) {
        self.entries = entries
        all = items
        let aliases =
            aliases
            ?? Dictionary(uniqueKeysWithValues: items.indices.compactMap { at in items[at].alias.map { (at, $0) } })
        var table = PositionTable(capacity: entries.count)
        for (position, entry) in entries.enumerated() {
            let hash = Self.hash(entry.kind, entry.id)
            if let first = table.find(hash, where: { entries[$0].id == entry.id && entries[$0].kind == entry.kind }) {
                duplicatePositions.append((position, first))
                continue
            }
            table.insert(position, hash: hash)
            if kindsMet.last != entry.kind, !kindsMet.contains(entry.kind) { kindsMet.append(entry.kind) }
            if let alias = aliases[position] {
                byAlias[Key(kind: entry.kind.name, id: alias), default: []].append(position)
            }
        }
        byID = table
    }

    private static func hash(_ kind: ItemKind, _ id: String) -> Int {
        var hasher = Hasher()
        hasher.combine(kind)
        hasher.combine(id)
        return hasher.finalize()
    }

    private func position(of id: String, as kind: ItemKind) -> Int? {
        byID.find(Self.hash(kind, id), where: { entries[$0].id == id && entries[$0].kind == kind })
    }

    private func item(at position: Int) -> Item {
        if !all.isEmpty { return all[position] }
        let entry = entries[position]
        return Item(kind: entry.kind, id: entry.id, name: entry.id, location: entry.location)
    }

    public var duplicates: [(item: Item, first: Item)] {
        duplicatePositions.map { (item(at: $0.item), item(at: $0.first)) }
    }

    /// The kinds some loaded section defines (a reference to another kind cannot be checked).
    public var kinds: Set<ItemKind> { Set(kindsMet) }

    public func ids(of kind: ItemKind) -> [String] { positions(of: kind).map { entries[$0].id } }

    public func items(of kind: ItemKind) -> [Item] { positions(of: kind).map(item(at:)) }

    /// The positions of the items of `kind` but duplicates, in order.
    private func positions(of kind: ItemKind) -> [Int] {
        entries.indices.filter { entries[$0].kind == kind && position(of: entries[$0].id, as: kind) == $0 }
    }

    public enum Resolution {
        case found(Item)
        case ambiguous([Item])
        case missing
    }

    public func resolve(_ id: String, as kind: ItemKind) -> Resolution {
        if let position = position(of: id, as: kind) { return .found(item(at: position)) }
        guard let matches = byAlias[Key(kind: kind.name, id: id)] else { return .missing }
        return matches.count == 1 ? .found(item(at: matches[0])) : .ambiguous(matches.map(item(at:)))
    }

    /// Whether `id` names exactly one item of `kind`, without copying it.
    public func resolves(_ id: String, as kind: ItemKind) -> Bool {
        position(of: id, as: kind) != nil || (!byAlias.isEmpty && byAlias[Key(kind: kind.name, id: id)]?.count == 1)
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
