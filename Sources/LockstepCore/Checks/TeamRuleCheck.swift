/// A rule of the team's own (`checks.rules`): on every item of a kind where `when` holds,
/// `require` must hold too. Reported, configured and waived exactly like a built-in rule.
public struct TeamRuleCheck: Check {
    public let rule: CheckSettings.TeamRule
    public let kind: ItemKind
    public let schema: [String: FieldType]

    public var code: String { rule.id }
    public var slug: String { rule.id.lowercased() }
    public var defaultSeverity: Severity { Severity(rawValue: rule.severity) ?? .warning }
    public var summary: String { rule.message }
    public var explanation: RuleExplanation {
        RuleExplanation(what: "On every \(kind.name)\(rule.when.map { " where \($0.value)" } ?? ""): \(rule.require.value).",
                        why: "A rule of the team's own, declared in the workbook's `checks.rules`.",
                        fix: rule.message)
    }
    /// The team wrote the rule's message for people already: it is the problem and the action.
    public var advice: ClientAdvice {
        ClientAdvice(problem: "{where} does not meet the team's own rule: \(rule.message)", action: rule.message,
                     stake: "The team agreed this rule for its own way of working.")
    }
    public var examples: [CheckExample] { [] }

    public func findings(in workbook: Workbook, context: CheckContext) -> [Finding] {
        let expressions = ExpressionChecker(schema: ExpressionSchema(fields: schema))
        guard let require = try? expressions.checkCondition(rule.require.value) else { return [] }
        let when = rule.when.flatMap { try? expressions.checkCondition($0.value) }
        let items = workbook.items(of: kind)
        let frame = Frame(items: items, schema: schema)
        let applies = when.map { CompiledCondition($0, over: frame, today: context.today).evaluate } ?? { _ in true }
        let holds = CompiledCondition(require, over: frame, today: context.today).evaluate
        return items.indices.filter { applies($0) && !holds($0) }.map { row in
            finding("\(rule.message) (\(kind.name) '\(items[row].id)')", target: items[row].id, at: items[row].location)
        }
    }
}

extension Workbook {
    /// The checks a run over this workbook uses: the core's, the loaded plugins', the team's own.
    public func runnableChecks(plugins: [any Plugin]) -> [any Check] {
        var checks = CoreChecks.all + plugins.flatMap(\.checks)
        for rule in self.checks.rules {
            guard let (kind, schema) = Self.kind(named: rule.appliesTo.value, among: plugins) else { continue }
            checks.append(TeamRuleCheck(rule: rule, kind: kind, schema: schema))
        }
        return checks
    }

    /// The kind a name means (singular, plural, or plural with hyphens), and the fields a condition
    /// may use on it: for team rules' `applies_to` and the shell's `list` and `find`.
    public static func kind(named name: String, among plugins: [any Plugin]) -> (ItemKind, [String: FieldType])? {
        for plugin in plugins {
            for kind in plugin.itemKinds where kind.name == name || kind.plural == name || kind.plural.replacingSpaces == name {
                return (kind, plugin.fieldTypes(for: kind).merging(["id": .string, "name": .string]) { first, _ in first })
            }
        }
        return nil
    }
}
