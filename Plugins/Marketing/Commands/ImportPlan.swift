import LockstepCore

/// The rows of an inventory checked against the workbook: each becomes an activity whole, or is
/// rejected with the reason; nothing is half-imported.
struct ImportPlan {
    let mapping: InventoryMapping
    let columnCount: Int
    let index: ItemIndex
    var takenIDs: Set<String>
    var accepted: [Activity] = []
    var rejected: [(line: Int, problem: String)] = []

    init(workbook: Workbook, mapping: InventoryMapping, columnCount: Int) {
        self.mapping = mapping
        self.columnCount = columnCount
        self.index = ItemIndex(workbook)
        self.takenIDs = Set(workbook.activities.map(\.id))
    }

    mutating func add(_ row: CSVReader.Record) {
        if row.fields.count == 1, row.fields[0].isEmpty { return }
        do {
            let activity = try activity(from: row)
            takenIDs.insert(activity.id)
            accepted.append(activity)
        } catch {
            rejected.append((row.line, error.message))
        }
    }

    private func activity(from row: CSVReader.Record) throws(CommandError) -> Activity {
        guard row.fields.count == columnCount else {
            throw .input("has \(row.fields.count) fields where the header has \(columnCount) (a stray quote or delimiter?)", fix: nil)
        }
        guard let name = mapping.value("name", in: row.fields) else { throw .input("has no name", fix: nil) }
        let id = mapping.value("id", in: row.fields) ?? Identifier.suggest(from: name)
        guard Identifier.isValid(id) else { throw .input("id '\(id)' is not lower-case words joined by hyphens", fix: nil) }
        guard !takenIDs.contains(id) else { throw .input("id '\(id)' is already taken (name it in an id column to import both)", fix: nil) }
        var activity = Activity(id: id, name: name)
        activity.kind = mapping.value("kind", in: row.fields).map { $0.lowercased().replacingSpaces }
        activity.stages = try references("stages", .stage, row)
        activity.personas = try references("personas", .persona, row)
        activity.needs = try references("needs", .need, row)
        activity.channel = mapping.value("channel", in: row.fields)
        activity.cta = mapping.value("cta", in: row.fields)
        if let response = mapping.value("response", in: row.fields) {
            guard Activity.responseChannels.contains(response) else {
                throw .input("response '\(response)' is not one of \(Activity.responseChannels.joined(separator: ", "))", fix: nil)
            }
            activity.response = response
        }
        activity.kpi = mapping.value("kpi", in: row.fields)
        activity.owner = mapping.value("owner", in: row.fields)
        if let reviewed = mapping.value("reviewed", in: row.fields) {
            guard let day = Day(iso: String(reviewed.prefix(10))) else { throw .input("reviewed '\(reviewed)' is not a date written YYYY-MM-DD", fix: nil) }
            activity.reviewed = day
        }
        return activity
    }

    private func references(_ field: String, _ kind: ItemKind, _ row: CSVReader.Record) throws(CommandError) -> [Located<String>] {
        try mapping.list(field, in: row.fields).map { (id: String) throws(CommandError) -> Located<String> in
            switch index.resolve(id, as: kind) {
            case .found(let item): return Located(item.id, at: nil)
            case .ambiguous(let items): throw .input("\(kind.name) '\(id)' is ambiguous (\(items.map(\.id).joined(separator: " or ")))", fix: nil)
            case .missing: throw .input("unknown \(kind.name) '\(id)'\(Suggestion.phrase(for: id, in: index.names(of: kind)))", fix: nil)
            }
        }
    }

    func mappingSummary(header: [String]) -> String {
        let lines = InventoryMapping.fields.compactMap { field in mapping.columns[field].map { "  \(field) ← column '\(header[$0])'" } }
        return "columns mapped:\n" + lines.joined(separator: "\n") + "\npreview:"
    }

    var preview: Table {
        Table(["id", "name", "kind", "stages", "personas"], rows: accepted.prefix(5).map { activity in
            [.text(activity.id), .text(activity.name), .text(activity.kind ?? ""), .text(activity.stages.map(\.value).joined(separator: ", ")),
             .text(activity.personas.map(\.value).joined(separator: ", "))]
        })
    }
}
