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
    }

    struct ResultTable: Decodable {
        let columns: [String]
        let rows: [[String]]
    }

    struct Empty: Codable {}
}
