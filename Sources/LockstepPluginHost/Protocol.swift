import Foundation
import LockstepCore

/// The protocol's messages (docs/plugins.md), as the host reads them; `ModelJSON` writes the large ones.
enum PluginProtocol {
    static let version = 1

    struct Response<Result: Decodable>: Decodable {
        let id: Int?
        let result: Result?
        let error: ResponseError?
    }

    struct ResponseError: Decodable {
        let code: Int
        let message: String
    }

    struct Initialize: Encodable {
        let protocolVersion: Int
        let lockstep: String
    }

    /// What a plugin says of itself at the handshake.
    struct Signature: Codable {
        let name: String
        let version: String
        let protocolVersion: Int
        let summary: String
        /// Plugins that must be loaded first (built-in ones by name: `stages`).
        var dependencies: [String]?
        var commands: [CommandSignature]?
        var checks: [CheckSignature]?
        var sections: [SectionSignature]?
        /// Which calls beyond `check` and `command` it answers, so none is made in vain.
        var validates: Bool?
        var report: Bool?
        var diagram: Bool?
        /// It answers `coverage`, for `lockstep diff`.
        var coverage: Bool?
        /// The `new --template` names it has sections for (`template` call).
        var templates: [String]?
        /// Its steps of the guided tour (`lesson` call judges one).
        var lessons: [LessonSignature]?
    }

    struct LessonSignature: Codable {
        let id: String
        let order: Int
        let idea: String
        let task: String
        let example: String
        var focus: String?
        /// `[question, expected answer]` pairs for `tour --class`.
        var questions: [[String]]?
    }

    struct LessonResult: Decodable {
        /// nil when the task is done; else what is still missing, said to the learner.
        var missing: String?
    }

    struct TemplateParams: Encodable {
        let name: String
    }

    struct TemplateResult: Decodable {
        let yaml: String
    }

    struct CoverageResult: Decodable {
        let rowTitle: String
        let columnTitle: String
        let cells: [CoverageCellResult]
    }

    struct CoverageCellResult: Decodable {
        let row: String
        let column: String
        let count: Int
    }

    struct SectionSignature: Codable {
        let key: String
        let kind: String
        var plural: String?
        var summary: String?
        var fields: [FieldSignature]?
    }

    struct FieldSignature: Codable {
        let name: String
        let type: String
        var summary: String?
        /// The words of a `choice`.
        var values: [String]?
        /// The kind an `id` or `ids` field names.
        var kind: String?
        var required: Bool?
    }

    struct CommandSignature: Codable {
        let name: String
        let summary: String
        var arguments: [ArgumentSignature]?
        var options: [OptionSignature]?
        var examples: [String]?
    }

    /// An argument: its name alone (`"STAGE"`), or `{"name", "kind", "words", "optional"}` so the
    /// shell completes ids of that kind or those words.
    struct ArgumentSignature: Codable {
        let name: String
        var kind: String?
        var words: [String]?
        var optional: Bool?

        init(from decoder: any Decoder) throws {
            if let name = try? decoder.singleValueContainer().decode(String.self) {
                self.name = name
                optional = true
                return
            }
            let container = try decoder.container(keyedBy: CodingKeys.self)
            name = try container.decode(String.self, forKey: .name)
            kind = try container.decodeIfPresent(String.self, forKey: .kind)
            words = try container.decodeIfPresent([String].self, forKey: .words)
            optional = try container.decodeIfPresent(Bool.self, forKey: .optional)
        }
    }

    /// `--name [VALUE]`: `value` names the value it takes (none for a flag).
    struct OptionSignature: Codable {
        let name: String
        var value: String?
        let summary: String
        var kind: String?
        var words: [String]?
    }

    struct CheckSignature: Codable {
        let code: String
        let slug: String
        let severity: String
        let summary: String
        let what: String
        let why: String
        let fix: String
        let problem: String
        let action: String
        let stake: String
    }

    struct CheckResult: Decodable {
        let findings: [FoundFinding]
    }

    struct FoundFinding: Decodable {
        let rule: String
        let target: String
        let message: String
        var who: String?
        var place: String?
    }

    struct CommandResult: Decodable {
        var text: String?
        var table: ResultTable?
        /// Changes to the workbook, made by the core as one undoable step.
        var edits: [Edit]?
    }

    /// One change a command asks for, in the words of the shell's own commands.
    struct Edit: Decodable {
        let op: String
        let kind: String?
        let id: String?
        var name: String?
        var field: String?
        var value: EditValueText?
        var section: String?
        var to: String?
        var force: Bool?
    }

    /// A value as `edit` takes it: text, a number, true/false, a list (joined with commas), or
    /// null to clear the field.
    struct EditValueText: Decodable {
        let text: String

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if container.decodeNil() {
                text = ""
            } else if let flag = try? container.decode(Bool.self) {
                text = flag ? "true" : "false"
            } else if let number = try? container.decode(Double.self) {
                text = number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : String(number)
            } else if let list = try? container.decode([String].self) {
                text = list.joined(separator: ", ")
            } else {
                text = try container.decode(String.self)
            }
        }
    }

    struct ValidateResult: Decodable {
        let problems: [Problem]
    }

    /// Something wrong in the plugin's own terms, at an item (and a field of it).
    struct Problem: Decodable {
        let target: String
        var field: String?
        let message: String
        var fix: String?
    }

    struct ReportResult: Decodable {
        let sections: [ReportSectionResult]
    }

    struct ReportSectionResult: Decodable {
        let title: String
        var part: String?
        var order: Int?
        let blocks: [ReportBlockResult]
    }

    /// One block of a report section: exactly one of its fields is set.
    struct ReportBlockResult: Decodable {
        var paragraph: String?
        var heading: String?
        var bullets: [String]?
        var facts: [[String]]?
        var table: ResultTable?
    }

    struct DiagramResult: Decodable {
        let notes: [DiagramNote]
    }

    /// A line on the drawing beside an item (a stage), and whether it marks a gap there.
    struct DiagramNote: Decodable {
        let target: String
        let text: String
        var mark: String?
    }

    struct ResultTable: Decodable {
        let columns: [String]
        let rows: [[String]]
    }

    struct Empty: Codable {}
}
