import LockstepCore
import TestSupport

/// Random editing commands over a workbook's own ids: every command that changes a workbook,
/// with values chosen to trip a YAML writer (booleans, nulls, numbers, indicators, quotes).
struct EditGenerator {
    let workbook: Workbook

    static let trickyValues = [
        "plain words", ".inf", "-.Inf", ".NaN", "<<", "=", "yes", "No", "ON", "y", "Null", "~", "2026-01-01", "12:30",
        "1_000", "0o17", "0x1F", "1e3", "#hash", "a: b", "a #b", "- dash", "it's", "say \"hi\"", "ünïcödé café",
        "emoji 🎯", "trailing ", " leading", "50%", "@home", "{x}", "[y]", "a, b", "ends:", "?", "|", ">", "!tag", "&a",
        "*b",
    ]

    func ids(_ kind: String) -> [String] {
        workbook.items.filter { $0.kind.name == kind }.map(\.id)
    }

    func next(using random: inout SeededRandom) -> String {
        let stages = ids("stage"), activities = ids("activity"), leadStages = ids("lead-stage")
        let personas = ids("persona"), processes = ids("process")
        func pick(_ values: [String]) -> String {
            values.isEmpty ? "none" : values[Int(random.next() % UInt64(values.count))]
        }
        func value() -> String { Self.quoted(pick(Self.trickyValues)) }
        func fresh() -> String { "new-\(random.next() % 10_000)" }
        let numberFields = leadNumberFields
        switch random.next() % 22 {
        case 0: return "activity edit \(pick(activities)) --kpi \(value())"
        case 1: return "activity edit \(pick(activities)) --name \(value()) --cta \(value())"
        case 2: return "activity edit \(pick(activities)) --owner \(value()) --channel \(value())"
        case 3:
            return "activity add \(fresh()) --name \(value()) --kind webinar --stage \(pick(stages)) --kpi \(value())"
        case 4: return "activity remove \(pick(activities))"
        case 5: return "activity map \(pick(activities)) --stage \(pick(stages)) --persona \(pick(personas))"
        case 6: return "activity unmap \(pick(activities)) --stage \(pick(stages))"
        case 7: return "stage edit \(pick(stages)) --probability \(random.next() % 101) --owner \(value())"
        case 8: return "stage edit \(pick(stages)) --goal \(value()) --name \(value())"
        case 9: return "stage add \(pick(processes))/\(fresh()) --phase decision --exit \(value())"
        case 10: return "stage rename \(pick(stages)) \(fresh())"
        case 11:
            return
                "stage move \(pick(stages)) --before \(pick(stages).split(separator: "/").last.map(String.init) ?? "x")"
        case 12: return "stage remove \(pick(stages)) --force"
        case 13: return "process add \(fresh()) --name \(value()) --kind customer"
        case 14: return "lead add \(fresh()) --owner sales --name \(value())"
        case 15:
            return numberFields.isEmpty
                ? "undo" : "lead criteria \(pick(leadStages)) \(pick(numberFields)) >= \(random.next() % 100)"
        case 16: return "lead sla \(pick(leadStages)) --to sales --first-touch \(1 + random.next() % 72)h"
        case 17: return "lead recycle \(pick(leadStages)) \(fresh()) --returns-to \(pick(leadStages))"
        case 18: return "waive MK001 \(pick(stages)) --reason \(value())"
        case 19: return "undo"
        case 20: return "redo"
        case 21: return "unload marketing"
        default: return "undo"
        }
    }

    /// The number fields of the lead record, for criteria that type-check.
    var leadNumberFields: [String] {
        guard let leads = workbook.sections["leads"] else { return [] }
        guard case .mapping(let entries) = leads.encode().content,
            case .mapping(let fields)? = entries.first(where: { $0.key.scalar == "fields" })?.value.content
        else { return [] }
        return fields.filter { $0.value.scalar == "number" }.compactMap { $0.key.scalar }
    }

    /// A value as one word of a command line: in single quotes, or double ones when it holds a single quote.
    static func quoted(_ value: String) -> String {
        value.contains("'") ? "\"\(value)\"" : "'\(value)'"
    }
}
