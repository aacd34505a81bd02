/// `lockstep diff` in the formats a reviewer reads: text for the terminal, Markdown for a
/// pull-request comment, JSON for a script.
public enum DiffFormat: String, Sendable, CaseIterable {
    case text, json, markdown

    public func render(_ diff: WorkbookDiff, old: String, new: String) -> String {
        switch self {
        case .text: return DiffReporter.text(diff, old: old, new: new)
        case .json: return DiffReporter.json(diff, old: old, new: new)
        case .markdown: return DiffReporter.markdown(diff, old: old, new: new)
        }
    }
}

enum DiffReporter {
    static func counts(_ diff: WorkbookDiff) -> (added: Int, removed: Int, changed: Int) {
        (
            diff.items.filter { $0.change == .added }.count, diff.items.filter { $0.change == .removed }.count,
            diff.items.filter { $0.change == .changed }.count
        )
    }

    static func itemLine(_ item: WorkbookDiff.ItemChange) -> String {
        let mark = item.change == .added ? "+" : item.change == .removed ? "-" : "~"
        let fields = item.fields.isEmpty ? "" : ": " + item.fields.joined(separator: ", ")
        return "\(mark) \(item.kind) \(item.id) '\(item.name)'\(fields)"
    }

    static func cellLine(_ pair: (before: CoverageCell, after: CoverageCell)) -> String {
        "\(pair.after.row) × \(pair.after.column): \(pair.before.count) → \(pair.after.count)"
    }

    static func text(_ diff: WorkbookDiff, old: String, new: String) -> String {
        var lines = ["lockstep diff \(Sanitized.visible(old)) \(Sanitized.visible(new))"]
        guard !diff.isEmpty || !diff.notCompared.isEmpty else { return lines[0] + "\nno change in the alignment\n" }
        let (added, removed, changed) = counts(diff)
        lines.append("items: \(added) added, \(removed) removed, \(changed) changed")
        lines += diff.items.map { "  " + Sanitized.visible(itemLine($0)) }
        lines.append("findings: \(diff.introduced.count) introduced, \(diff.fixed.count) fixed")
        lines += diff.introduced.map { "  + \($0.severity.rawValue) [\($0.rule)] \(Sanitized.visible($0.message))" }
        lines += diff.fixed.map { "  - \($0.severity.rawValue) [\($0.rule)] \(Sanitized.visible($0.message))" }
        if !diff.notCompared.isEmpty {
            lines.append(
                "  not compared (their CRM data did not load on one side): \(diff.notCompared.joined(separator: ", "))")
        }
        lines.append(
            "coverage: \(diff.emptied.count) cell\(diff.emptied.count == 1 ? "" : "s") became empty, \(diff.filled.count) filled"
        )
        lines += diff.emptied.map { "  - " + Sanitized.visible(cellLine($0)) }
        lines += diff.filled.map { "  + " + Sanitized.visible(cellLine($0)) }
        return lines.joined(separator: "\n") + "\n"
    }

    static func markdown(_ diff: WorkbookDiff, old: String, new: String) -> String {
        var text = "## Lockstep diff: \(MarkdownText.code(old)) → \(MarkdownText.code(new))\n\n"
        guard !diff.isEmpty else { return text + "No change in the alignment.\n" }
        let (added, removed, changed) = counts(diff)
        text +=
            "**\(diff.introduced.count) finding\(diff.introduced.count == 1 ? "" : "s") introduced, \(diff.fixed.count) fixed; "
            + "\(diff.emptied.count) coverage cell\(diff.emptied.count == 1 ? "" : "s") became empty, \(diff.filled.count) filled; "
            + "\(added) item\(added == 1 ? "" : "s") added, \(removed) removed, \(changed) changed.**\n"
        if !diff.introduced.isEmpty || !diff.fixed.isEmpty {
            text += "\n### Findings\n\n| | rule | severity | finding |\n| --- | --- | --- | --- |\n"
            for (mark, findings) in [("introduced", diff.introduced), ("fixed", diff.fixed)] {
                for finding in findings {
                    text +=
                        "| \(mark) | \(finding.rule) | \(finding.severity.rawValue) | \(MarkdownText.inline(finding.message)) |\n"
                }
            }
        }
        if !diff.notCompared.isEmpty {
            text +=
                "\nNot compared, as their CRM data did not load on one side: \(diff.notCompared.joined(separator: ", ")).\n"
        }
        if !diff.emptied.isEmpty || !diff.filled.isEmpty {
            text +=
                "\n### Coverage\n\n| | \(diff.axes.row) | \(diff.axes.column) | count |\n| --- | --- | --- | --- |\n"
            for (mark, cells) in [("became empty", diff.emptied), ("filled", diff.filled)] {
                for pair in cells {
                    text +=
                        "| \(mark) | \(MarkdownText.code(pair.after.row)) | \(MarkdownText.code(pair.after.column)) | "
                        + "\(pair.before.count) → \(pair.after.count) |\n"
                }
            }
        }
        if !diff.items.isEmpty {
            text += "\n### Items\n\n| | kind | id | name | fields |\n| --- | --- | --- | --- | --- |\n"
            for item in diff.items {
                text +=
                    "| \(item.change.rawValue) | \(item.kind) | \(MarkdownText.code(item.id)) | \(MarkdownText.inline(item.name)) | "
                    + "\(MarkdownText.inline(item.fields.joined(separator: ", "))) |\n"
            }
        }
        return text
    }

    struct Document: Encodable {
        let format = "lockstep-diff"
        let version = 1
        let old, new: String
        let items: [Item]
        let findings: Findings
        let coverage: Coverage
        let notCompared: [String]

        enum CodingKeys: String, CodingKey {
            case format, version, old, new, items, findings, coverage, notCompared = "not_compared"
        }
    }

    struct Item: Encodable {
        let change, kind, id, name: String
        let fields: [String]
    }

    struct Findings: Encodable { let introduced, fixed: [FindingEntry] }

    struct FindingEntry: Encodable {
        let rule, severity, message, target, fingerprint: String
    }

    struct Coverage: Encodable {
        let emptied, filled: [Cell]

        enum CodingKeys: String, CodingKey { case emptied = "became_empty", filled }
    }

    struct Cell: Encodable {
        let row, column: String
        let before, after: Int
    }

    static func json(_ diff: WorkbookDiff, old: String, new: String) -> String {
        let entry = { (finding: Finding) in
            FindingEntry(
                rule: finding.rule, severity: finding.severity.rawValue, message: finding.message,
                target: finding.target,
                fingerprint: finding.fingerprint)
        }
        let cell = { (pair: (before: CoverageCell, after: CoverageCell)) in
            Cell(row: pair.after.row, column: pair.after.column, before: pair.before.count, after: pair.after.count)
        }
        return OrderedJSON.encode(
            Document(
                old: old, new: new,
                items: diff.items.map {
                    Item(change: $0.change.rawValue, kind: $0.kind, id: $0.id, name: $0.name, fields: $0.fields)
                },
                findings: Findings(introduced: diff.introduced.map(entry), fixed: diff.fixed.map(entry)),
                coverage: Coverage(emptied: diff.emptied.map(cell), filled: diff.filled.map(cell)),
                notCompared: diff.notCompared))
    }
}
