import Foundation
import LockstepCore

/// An external plugin as the core sees one: the rules and commands its signature declares, each
/// answered by its process. The name is the entry as the workbook writes it (`./plugins/meddicc.py`),
/// so the workbook saves as it was read.
public final class ExternalPlugin: Plugin, @unchecked Sendable {
    public let name: String
    let signature: PluginProtocol.Signature
    let process: PluginProcess
    /// The sections it owns, as its signature declares them.
    let declarations: [SectionDeclaration]

    /// `LOCKSTEP_PLUGIN_TIMEOUT`, or 10 s: the timeout when the workbook sets none.
    let defaultTimeout: Double

    init(entry: String, signature: PluginProtocol.Signature, process: PluginProcess, declarations: [SectionDeclaration])
    {
        name = entry
        defaultTimeout = process.timeout
        self.signature = signature
        self.process = process
        self.declarations = declarations
    }

    public var summary: String { "\(signature.summary) (external: \(signature.name) \(signature.version))" }

    /// Whether its process runs, has not started, or stopped after a failure.
    public var state: String { process.state }

    public var sections: [SectionSpec] { declarations.map(\.spec) }

    public var isExternal: Bool { true }

    public var dependencies: [String] { signature.dependencies ?? [] }

    public var itemKinds: [ItemKind] { declarations.map(\.kind) }

    public func fieldTypes(for kind: ItemKind) -> [String: FieldType] {
        declarations.first { $0.kind == kind }?.fieldTypes ?? [:]
    }

    /// Its own items' fields, as the section holds them: `show` needs no call to the plugin.
    public func describe(_ item: Item, in workbook: Workbook) -> [String] {
        guard let declaration = declarations.first(where: { $0.kind == item.kind }) else { return [] }
        let fields = item.fields
        return declaration.fields.compactMap { field in
            guard let value = fields[field.name], let text = value.shown else { return nil }
            return "\(field.name): \(text)"
        }
    }

    public var checks: [any Check] { (signature.checks ?? []).map { ExternalCheck(plugin: self, signature: $0) } }

    /// The findings of every rule of this plugin for one run, asked once and shared by its checks.
    func findings(
        in workbook: Workbook, context: CheckContext
    ) -> Result<[PluginProtocol.FoundFinding], PluginProcess.Failure> {
        context.shared.value("external:\(name)") {
            Result { () throws(PluginProcess.Failure) in
                try process(for: workbook).call(
                    "check", json: ModelJSON.checkParams(today: context.today, workbook: workbook),
                    as: PluginProtocol.CheckResult.self
                ).findings
            }
        }
    }

    /// The process, set up as `workbook` allows (`plugin_settings:`): the variables it may see
    /// beyond the bare ones, and its timeout.
    func process(for workbook: Workbook) -> PluginProcess {
        let settings = workbook.pluginSettings[name]
        var environment = PluginResolver.environment
        for variable in settings?.environment ?? [] {
            if let value = FileSystem.environment(variable) { environment[variable] = value }
        }
        process.configure(environment: environment, timeout: settings?.timeout ?? defaultTimeout)
        return process
    }

    /// A failed call, in one line: the plugin, the call, why, and what it last wrote to standard error.
    func failure(_ error: PluginProcess.Failure, calling call: String) -> String {
        "plugin \(Sanitized.excerpt(signature.name, limit: 40)) (\(name)) failed at \(call): \(error.reason)"
            + Self.said(error.stderrTail)
    }

    /// What a plugin last wrote to standard error, its last lines shown safely on one line.
    static func said(_ tail: String) -> String {
        let lines = tail.split(separator: "\n").suffix(3).map { Sanitized.excerpt(String($0), limit: 160) }
        return lines.isEmpty ? "" : "; it wrote: " + lines.joined(separator: " | ")
    }
}

/// One rule of an external plugin, with the metadata its signature gave, so `rules`, `explain`,
/// SARIF and the report treat it as any built-in rule.
struct ExternalCheck: Check {
    let plugin: ExternalPlugin
    let signature: PluginProtocol.CheckSignature

    var code: String { signature.code }
    var slug: String { signature.slug }
    var defaultSeverity: Severity { Severity(rawValue: signature.severity) ?? .warning }
    var summary: String { signature.summary }
    var explanation: RuleExplanation { RuleExplanation(what: signature.what, why: signature.why, fix: signature.fix) }
    var advice: ClientAdvice {
        ClientAdvice(problem: signature.problem, action: signature.action, stake: signature.stake)
    }
    var examples: [CheckExample] { [] }

    func findings(in workbook: Workbook, context: CheckContext) -> [Finding] {
        switch plugin.findings(in: workbook, context: context) {
        case .failure(let error):
            // Said once, on the plugin's first rule, as a notice: the run goes on without it.
            guard plugin.signature.checks?.first?.code == code else { return [] }
            var notice = finding(plugin.failure(error, calling: "check"), target: plugin.name, at: nil)
            notice.isNotice = true
            notice.isToolFailure = true
            return [notice]
        case .success(let found):
            let index = ItemIndex(workbook)
            return found.filter { $0.rule == code }.map { item in
                let location = index.kinds.lazy.compactMap { kind -> SourceLocation? in
                    if case .found(let match) = index.resolve(item.target, as: kind) { return match.location }
                    return nil
                }.first
                return finding(
                    item.message, target: item.target, at: location,
                    terms: ClientTerms(who: item.who, place: item.place))
            }
        }
    }
}
