import LockstepCore

/// The rows of an inventory checked against the workbook: each becomes an activity whole, or is
/// rejected with the reason; nothing is half-imported.
struct ImportPlan {
    let mapping: InventoryMapping
    let columnCount: Int
    let index: ItemIndex
    /// How the inventory writes dates (`--date-format`); ISO dates are read whatever it says.
    var dateFormat = DateFormat.iso
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
            throw .input(
                "has \(row.fields.count) fields where the header has \(columnCount) (a stray quote or delimiter?)",
                fix: nil)
        }
        guard let name = mapping.value("name", in: row.fields) else { throw .input("has no name", fix: nil) }
        let id = mapping.value("id", in: row.fields) ?? Identifier.suggest(from: name)
        guard Identifier.isValid(id) else {
            throw .input("id '\(id)' is not lower-case words joined by hyphens", fix: nil)
        }
        guard !takenIDs.contains(id) else {
            throw .input("id '\(id)' is already taken (name it in an id column to import both)", fix: nil)
        }
        var activity = Activity(id: id, name: name)
        activity.kind = mapping.value("kind", in: row.fields).map { $0.lowercased().replacingSpaces }
        activity.link(
            stages: try references("stages", .stage, row), personas: try references("personas", .persona, row),
            needs: try references("needs", .need, row))
        activity.channel = mapping.value("channel", in: row.fields)
        activity.cta = mapping.value("cta", in: row.fields)
        if let response = mapping.value("response", in: row.fields) {
            guard Activity.responseChannels.contains(response) else {
                throw .input(
                    "response '\(response)' is not one of \(Activity.responseChannels.joined(separator: ", "))",
                    fix: nil)
            }
            activity.response = response
        }
        activity.kpi = mapping.value("kpi", in: row.fields)
        activity.owner = mapping.value("owner", in: row.fields)
        if let reviewed = mapping.value("reviewed", in: row.fields) {
            activity.reviewed = try Self.day(reviewed, format: dateFormat)
        }
        return activity
    }

    /// A review date as the inventory writes it, or the exact reason it is not one.
    static func day(_ text: String, format: DateFormat) throws(CommandError) -> Day {
        let days = Array(text.utf8).withUnsafeBufferPointer { format.days($0) }
        if let days { return Day(daysSinceEpoch: Int(days.rounded(.down))) }
        let parts = text.prefix { $0 != " " && $0 != "T" }.split { $0 == "-" || $0 == "/" || $0 == "." }.compactMap {
            Int($0)
        }
        if parts.count == 3 {
            let yearFirst = parts[0] > 31
            let (year, month, day) =
                yearFirst
                ? (parts[0], parts[1], parts[2])
                : format.order == .monthDayYear ? (parts[2], parts[0], parts[1]) : (parts[2], parts[1], parts[0])
            if !yearFirst, format == .iso {
                throw .input(
                    "reviewed '\(text)' is not written YYYY-MM-DD; if it is \(parts[0] > 12 ? "DD/MM/YYYY" : "DD/MM/YYYY or MM/DD/YYYY"), "
                        + "say so with --date-format", fix: nil)
            }
            if (1...12).contains(month) {
                let length = Day.daysIn(month: month, year: year)
                if day > length || day < 1 {
                    throw .input(
                        "reviewed '\(text)' is not a date: \(Day.monthNames[month - 1]) \(year) has \(length) days",
                        fix: nil)
                }
            } else {
                throw .input("reviewed '\(text)' is not a date: there is no month \(month)", fix: nil)
            }
        }
        throw .input("reviewed '\(text)' is not a date written \(format.description)", fix: nil)
    }

    private func references(
        _ field: String, _ kind: ItemKind, _ row: CSVReader.Record
    ) throws(CommandError) -> [Located<String>] {
        try mapping.list(field, in: row.fields).map { (id: String) throws(CommandError) -> Located<String> in
            switch index.resolve(id, as: kind) {
            case .found(let item): return Located(item.id, at: nil)
            case .ambiguous(let items):
                throw .input(
                    "\(kind.name) '\(id)' is ambiguous (\(items.map(\.id).joined(separator: " or ")))", fix: nil)
            case .missing:
                // An inventory names stages and personas as people do: by their display name,
                // in any case, with or without accents.
                let wanted = Transliteration.folded(id)
                let named = index.items(of: kind).filter {
                    Transliteration.folded($0.name) == wanted || Transliteration.folded($0.id) == wanted
                }
                if named.count == 1 { return Located(named[0].id, at: nil) }
                if named.count > 1 {
                    throw .input(
                        "\(kind.name) '\(id)' could be \(named.map { "'\($0.id)'" }.joined(separator: " or ")) (they share the name)",
                        fix: nil)
                }
                throw .input(
                    "unknown \(kind.name) '\(id)'\(Suggestion.phrase(for: id, in: index.names(of: kind) + index.items(of: kind).map(\.name)))",
                    fix: nil)
            }
        }
    }

    func mappingSummary(header: [String]) -> String {
        let lines = InventoryMapping.fields.compactMap { field in
            mapping.columns[field].map { "  \(field) ← column '\(header[$0])'" }
        }
        return "columns mapped:\n" + lines.joined(separator: "\n") + "\npreview:"
    }

    var preview: Table {
        Table(
            ["id", "name", "kind", "stages", "personas"],
            rows: accepted.prefix(5).map { activity in
                [
                    .text(activity.id), .text(activity.name), .text(activity.kind ?? ""),
                    .text(activity.stages.map(\.value).joined(separator: ", ")),
                    .text(activity.personas.map(\.value).joined(separator: ", ")),
                ]
            })
    }
}
