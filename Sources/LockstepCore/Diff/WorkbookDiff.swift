/// What changed in the alignment between two versions of a workbook: items added, removed and
/// changed, findings introduced and fixed, and coverage cells that became empty or filled.
public struct WorkbookDiff: Sendable {
    public enum Change: String, Sendable {
        case added, removed, changed
    }

    public struct ItemChange: Sendable {
        public var change: Change
        public var kind: String
        public var id: String
        public var name: String
        /// For a changed item, the fields whose values differ (`name` and references included).
        public var fields: [String]
        public var location: SourceLocation?
    }

    public var items: [ItemChange]
    public var introduced: [Finding]
    public var fixed: [Finding]
    /// Cells supported before and not now, and the reverse: (old, new).
    public var emptied: [(before: CoverageCell, after: CoverageCell)]
    public var filled: [(before: CoverageCell, after: CoverageCell)]
    /// Rules that could not run on one side (their CRM data did not load there): their findings
    /// are not compared, or a missing export would read as every such finding fixed.
    public var notCompared: [String]
    /// What the coverage rows and columns are, from the plugin that draws the matrix.
    public var axes: (row: String, column: String)

    public var isEmpty: Bool {
        items.isEmpty && introduced.isEmpty && fixed.isEmpty && emptied.isEmpty && filled.isEmpty
    }

    /// One side of the comparison: the workbook, its open findings, its coverage cells.
    public struct Side: Sendable {
        public var workbook: Workbook
        public var findings: [Finding]
        public var coverage: [CoverageMatrix]

        public init(workbook: Workbook, findings: [Finding], coverage: [CoverageMatrix]) {
            self.workbook = workbook
            self.findings = findings
            self.coverage = coverage
        }
    }

    public init(old: Side, new: Side) {
        items = Self.itemChanges(old.workbook, new.workbook)
        let skipped = Set((old.findings + new.findings).filter(\.isNotice).map(\.rule))
        notCompared = skipped.sorted()
        let compared = { (findings: [Finding]) in findings.filter { $0.isOpen && !skipped.contains($0.rule) } }
        (introduced, fixed) = Self.findingChanges(compared(old.findings), compared(new.findings))
        let before = Dictionary(
            old.coverage.flatMap { matrix in matrix.cells.map { ([matrix.rowTitle, $0.row, $0.column], $0) } }
        ) { first, _ in first }
        emptied = []
        filled = []
        axes = new.coverage.first.map { ($0.rowTitle, $0.columnTitle) } ?? ("row", "column")
        for matrix in new.coverage {
            for cell in matrix.cells {
                guard let earlier = before[[matrix.rowTitle, cell.row, cell.column]] else { continue }
                if earlier.count > 0, cell.count == 0 { emptied.append((earlier, cell)) }
                if earlier.count == 0, cell.count > 0 { filled.append((earlier, cell)) }
            }
        }
    }

    /// Items matched by kind and id, in the new workbook's order, removed ones after.
    static func itemChanges(_ old: Workbook, _ new: Workbook) -> [ItemChange] {
        let before = Dictionary(old.items.map { ([$0.kind.name, $0.id], $0) }) { first, _ in first }
        let after = Set(new.items.map { [$0.kind.name, $0.id] })
        var changes: [ItemChange] = []
        for item in new.items {
            guard let earlier = before[[item.kind.name, item.id]] else {
                changes.append(
                    ItemChange(
                        change: .added, kind: item.kind.name, id: item.id, name: item.name, fields: [],
                        location: item.location))
                continue
            }
            let fields = changedFields(earlier, item)
            if !fields.isEmpty {
                changes.append(
                    ItemChange(
                        change: .changed, kind: item.kind.name, id: item.id, name: item.name, fields: fields,
                        location: item.location))
            }
        }
        for item in old.items where !after.contains([item.kind.name, item.id]) {
            changes.append(
                ItemChange(
                    change: .removed, kind: item.kind.name, id: item.id, name: item.name, fields: [],
                    location: item.location))
        }
        return changes
    }

    static func changedFields(_ old: Item, _ new: Item) -> [String] {
        var fields: [String] = []
        if old.name != new.name { fields.append("name") }
        let before = old.fields, after = new.fields
        for key in Set(before.keys).union(after.keys).sorted() where before[key] != after[key] { fields.append(key) }
        let references = { (item: Item) in item.references.map { "\($0.kind.name):\($0.id)" }.sorted() }
        // A changed reference shows as the field that holds it; "references" only when no field says so.
        if fields.isEmpty, references(old) != references(new) { fields.append("references") }
        return fields
    }

    /// Findings matched by rule and target (their fingerprint), so a finding that only moved is neither.
    static func findingChanges(_ old: [Finding], _ new: [Finding]) -> (introduced: [Finding], fixed: [Finding]) {
        func counts(_ findings: [Finding]) -> [String: Int] {
            findings.reduce(into: [:]) { $0[$1.fingerprint, default: 0] += 1 }
        }
        var remainingOld = counts(old), remainingNew = counts(new)
        let introduced = new.filter { finding in
            if let left = remainingOld[finding.fingerprint], left > 0 {
                remainingOld[finding.fingerprint] = left - 1
                return false
            }
            return true
        }
        let fixed = old.filter { finding in
            if let left = remainingNew[finding.fingerprint], left > 0 {
                remainingNew[finding.fingerprint] = left - 1
                return false
            }
            return true
        }
        return (introduced, fixed)
    }
}
