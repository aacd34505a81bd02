import Foundation
import LockstepCore

/// What `lockstep plugin test PATH` asks of a plugin, as its author would want to know before a
/// user does: the handshake, the signature's fields, each rule and command called on a sample
/// workbook within the timeout, and an end when its input closes.
public enum PluginConformance {
    public struct Outcome: Sendable {
        public let test: String
        /// nil when it passed; else what is wrong.
        public let problem: String?
    }

    public static func run(
        executable: String, sample: Workbook, today: Day, builtIn: PluginRegistry, builtInCodes: Set<String>,
        builtInCommands: Set<String>, timeout: Double
    ) -> [Outcome] {
        var outcomes: [Outcome] = []
        let folder = FileSystem.folder(of: executable)
        let process = PluginProcess(
            executable: executable, folder: folder.isEmpty ? "." : folder,
            environment: PluginResolver.environment, timeout: timeout)
        defer { process.stop() }
        let signature: PluginProtocol.Signature
        do {
            signature = try process.call(
                "initialize", PluginProtocol.Initialize(protocolVersion: PluginProtocol.version, lockstep: "test"),
                as: PluginProtocol.Signature.self)
            outcomes.append(
                Outcome(test: "answers the handshake within \(PluginProcess.seconds(timeout))", problem: nil))
        } catch {
            return [
                Outcome(test: "answers the handshake", problem: error.reason + ExternalPlugin.said(error.stderrTail))
            ]
        }
        outcomes.append(
            Outcome(
                test: "speaks protocol version \(PluginProtocol.version)",
                problem: signature.protocolVersion == PluginProtocol.version
                    ? nil : "it says \(signature.protocolVersion)"))
        outcomes += signatureProblems(signature, builtInCodes: builtInCodes, builtInCommands: builtInCommands)
        outcomes += sectionProblems(signature, builtIn: builtIn)
        let codes = Set((signature.checks ?? []).map(\.code))
        if !codes.isEmpty {
            do {
                let found = try process.call(
                    "check", json: ModelJSON.checkParams(today: today, workbook: sample),
                    as: PluginProtocol.CheckResult.self
                ).findings
                let ids = Set(sample.items.map(\.id))
                let unknownRules = Set(found.map(\.rule)).subtracting(codes).sorted()
                let unknownTargets = found.map(\.target).filter { target in
                    !ids.contains(target) && !ids.contains { target.hasPrefix($0 + "/") }
                }
                var problems: [String] = []
                if !unknownRules.isEmpty {
                    problems.append("findings of undeclared rules: \(unknownRules.joined(separator: ", "))")
                }
                if let target = unknownTargets.first {
                    problems.append("a target that names no item of the sample: '\(Sanitized.excerpt(target))'")
                }
                outcomes.append(
                    Outcome(
                        test: "check answers on the sample workbook (\(found.count) findings)",
                        problem: problems.isEmpty ? nil : problems.joined(separator: "; ")))
            } catch {
                outcomes.append(
                    Outcome(
                        test: "check answers on the sample workbook",
                        problem: error.reason + ExternalPlugin.said(error.stderrTail)))
            }
        }
        for command in signature.commands ?? [] {
            do {
                let result = try process.call(
                    "command",
                    json: ModelJSON.commandParams(
                        command: command.name, arguments: [], today: today,
                        workbook: sample),
                    as: PluginProtocol.CommandResult.self)
                var problem: String?
                if result.text == nil, result.table == nil, result.edits == nil {
                    problem = "it answered with neither text, a table nor edits"
                }
                if let table = result.table, let row = table.rows.first(where: { $0.count != table.columns.count }) {
                    problem = "a row has \(row.count) cells for \(table.columns.count) columns"
                }
                for edit in result.edits ?? [] {
                    do throws(CommandError) {
                        _ = try ExternalPlugin.operation(edit)
                    } catch {
                        problem = "an edit Lockstep cannot make: \(error.message)"
                    }
                }
                outcomes.append(Outcome(test: "command '\(command.name)' answers", problem: problem))
            } catch {
                outcomes.append(
                    Outcome(
                        test: "command '\(command.name)' answers",
                        problem: error.reason + ExternalPlugin.said(error.stderrTail)))
            }
        }
        outcomes += callProblems(signature, process: process, sample: sample, today: today)
        if let ended = process.closeAndWait(seconds: 2) {
            outcomes.append(
                Outcome(test: "ends when its input closes", problem: ended ? nil : "it was still running 2 s later"))
        }
        return outcomes
    }

    /// The signature's own fields: names, codes, severities, and the words every rule must give.
    static func signatureProblems(
        _ signature: PluginProtocol.Signature, builtInCodes: Set<String>,
        builtInCommands: Set<String>
    ) -> [Outcome] {
        var problems: [String] = []
        if signature.name.isEmpty || signature.version.isEmpty || signature.summary.isEmpty {
            problems.append("name, version and summary must not be empty")
        }
        var seen = Set<String>()
        for check in signature.checks ?? [] {
            let code = Sanitized.excerpt(check.code)
            if check.code.range(of: #"^[A-Z]{2,5}[0-9]{3}$"#, options: .regularExpression) == nil {
                problems.append("rule code '\(code)' is not letters then three digits (e.g. MED001)")
            }
            if builtInCodes.contains(check.code) { problems.append("rule code \(code) is a built-in rule's") }
            if !seen.insert(check.code).inserted { problems.append("rule code \(code) is declared twice") }
            if check.slug.range(of: #"^[a-z0-9]+(-[a-z0-9]+)*$"#, options: .regularExpression) == nil {
                problems.append(
                    "\(code)'s slug '\(Sanitized.excerpt(check.slug))' is not lower-case words joined by hyphens")
            }
            if Severity(rawValue: check.severity) == nil {
                problems.append("\(code)'s severity is not error, warning or info")
            }
            for (field, text) in [
                ("summary", check.summary), ("what", check.what), ("why", check.why), ("fix", check.fix),
                ("problem", check.problem), ("action", check.action), ("stake", check.stake),
            ] where text.isEmpty {
                problems.append("\(code) has no \(field)")
            }
            let placeholders = (check.problem + check.action).matches(of: /\{[a-z]+\}/).map { String($0.output) }
            for placeholder in placeholders where !ClientAdvice.placeholders.contains(placeholder) {
                problems.append("\(code) uses \(placeholder); only {who} and {where} are filled")
            }
        }
        for command in signature.commands ?? [] where builtInCommands.contains(command.name) || command.name.isEmpty {
            problems.append("command '\(Sanitized.excerpt(command.name))' is empty or a built-in command's")
        }
        return [
            Outcome(
                test:
                    "its signature is complete (\(counted((signature.checks ?? []).count, "rule")), "
                    + "\(counted((signature.commands ?? []).count, "command")))",
                problem: problems.isEmpty ? nil : problems.joined(separator: "; "))
        ]
    }

    /// `1 rule`, `2 rules`.
    static func counted(_ count: Int, _ noun: String) -> String { "\(count) \(noun)\(count == 1 ? "" : "s")" }
}
