import Foundation
import LockstepCore

/// The protocol's messages (docs/plugins.md), as the host writes and reads them.
enum PluginProtocol {
    static let version = 1

    struct Request<Params: Encodable>: Encodable {
        var jsonrpc = "2.0"
        let id: Int
        let method: String
        let params: Params
    }

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
        var commands: [CommandSignature]?
        var checks: [CheckSignature]?
    }

    struct CommandSignature: Codable {
        let name: String
        let summary: String
        var arguments: [String]?
        var examples: [String]?
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

    /// The workbook as a plugin receives it: every item, by kind, with its values.
    struct Model: Encodable {
        let name: String?
        let items: [ModelItem]
    }

    struct ModelItem: Encodable {
        let kind: String
        let id: String
        let name: String
        let fields: [String: ModelValue]
    }

    /// A field's value: text, number, true or false, a list of texts, or null.
    enum ModelValue: Encodable {
        case text(String)
        case number(Double)
        case bool(Bool)
        case list([String])
        case null

        func encode(to encoder: Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .text(let text): try container.encode(text)
            case .number(let number): try container.encode(number)
            case .bool(let value): try container.encode(value)
            case .list(let list): try container.encode(list)
            case .null: try container.encodeNil()
            }
        }
    }

    struct CheckParams: Encodable {
        let today: String
        let workbook: Model
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

    struct CommandParams: Encodable {
        let command: String
        let arguments: [String]
        let today: String
        let workbook: Model
    }

    struct CommandResult: Decodable {
        var text: String?
        var table: ResultTable?
    }

    struct ResultTable: Decodable {
        let columns: [String]
        let rows: [[String]]
    }

    struct Empty: Codable {}
}

extension PluginProtocol.Model {
    init(_ workbook: Workbook) {
        name = workbook.name
        items = workbook.items.map { item in
            PluginProtocol.ModelItem(kind: item.kind.name, id: item.id, name: item.name, fields: item.fields.mapValues { value in
                switch value {
                case .string(let text): return text.map(PluginProtocol.ModelValue.text) ?? .null
                case .number(let number): return number.map(PluginProtocol.ModelValue.number) ?? .null
                case .bool(let flag): return flag.map(PluginProtocol.ModelValue.bool) ?? .null
                case .date(let day): return day.map { .text("\($0)") } ?? .null
                case .duration(let duration): return duration.map { .text("\($0)") } ?? .null
                case .list(let list): return .list(list)
                }
            })
        }
    }
}
