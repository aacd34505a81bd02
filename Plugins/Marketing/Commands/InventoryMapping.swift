import LockstepCore

/// How the columns of a client's content inventory map onto activity fields.
struct InventoryMapping {
    static let fields = ["id", "name", "kind", "stages", "personas", "needs", "channel", "cta", "response", "kpi", "owner", "reviewed"]

    /// Header names (lower-cased, punctuation as spaces) that usually hold each field.
    static let guesses: [String: [String]] = [
        "id": ["id", "slug", "asset id", "content id"],
        "name": ["name", "title", "asset", "asset name", "content", "content name", "content title"],
        "kind": ["kind", "type", "content type", "asset type", "format"],
        "stages": ["stage", "stages", "sales stage", "funnel stage", "buyer stage", "journey stage"],
        "personas": ["persona", "personas", "audience", "buyer persona", "target persona", "buying role"],
        "needs": ["need", "needs", "pain", "pains", "pain point", "pain points", "customer need"],
        "channel": ["channel", "distribution", "medium"],
        "cta": ["cta", "call to action"],
        "response": ["response", "response channel"],
        "kpi": ["kpi", "metric", "success metric", "measure"],
        "owner": ["owner", "author", "responsible"],
        "reviewed": ["reviewed", "last reviewed", "review date", "last updated", "updated"],
    ]

    /// Field → column index.
    var columns: [String: Int]

    /// Guesses from the header, then applies `--map field=Column,…` on top.
    init(header: [String], overrides: String?) throws {
        var columns: [String: Int] = [:]
        for (index, title) in header.enumerated() {
            let normalized = Self.normalize(title)
            for (field, names) in Self.guesses where columns[field] == nil && names.contains(normalized) {
                columns[field] = index
            }
        }
        for pair in (overrides ?? "").split(separator: ",") {
            let parts = pair.split(separator: "=", maxSplits: 1).map { $0.trimmed }
            guard parts.count == 2, Self.fields.contains(parts[0]) else {
                throw CommandError.usage("--map: '\(pair)' is not FIELD=Column\(Suggestion.phrase(for: parts.first ?? "", in: Self.fields))",
                                         fix: "fields: \(Self.fields.joined(separator: ", ")); e.g. --map name=Title,stages=\"Funnel Stage\"")
            }
            guard let index = header.firstIndex(where: { $0 == parts[1] }) ?? header.firstIndex(where: { Self.normalize($0) == Self.normalize(parts[1]) }) else {
                throw CommandError.usage("--map: the file has no column '\(parts[1])'\(Suggestion.phrase(for: parts[1], in: header))",
                                         fix: "columns: \(header.joined(separator: ", "))")
            }
            columns[parts[0]] = index
        }
        guard columns["name"] != nil else {
            throw CommandError.input("no column holds the activities' names (columns: \(header.joined(separator: ", ")))",
                                     fix: "say which one: --map name=COLUMN")
        }
        self.columns = columns
    }

    static func normalize(_ title: String) -> String {
        String(title.lowercased().map { $0.isLetter || $0.isNumber ? $0 : " " }).split(separator: " ").joined(separator: " ")
    }

    func value(_ field: String, in fields: [String]) -> String? {
        guard let index = columns[field], index < fields.count else { return nil }
        let value = fields[index].trimmed
        return value.isEmpty ? nil : value
    }

    /// A list cell: ids separated by `;`, `|` or `,`.
    func list(_ field: String, in fields: [String]) -> [String] {
        (value(field, in: fields) ?? "").split(whereSeparator: { $0 == ";" || $0 == "|" || $0 == "," }).map { $0.trimmed }.filter { !$0.isEmpty }
    }
}
