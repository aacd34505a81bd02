extension WorkbookLoader {
    /// Team rules are checked when the workbook loads: the kind they apply to, codes that do not
    /// clash with built-in rules, and their conditions against that kind's fields.
    static func validateTeamRules(_ workbook: Workbook, registry: PluginRegistry, context: DecodeContext) {
        let plugins = workbook.plugins.compactMap { registry.plugin(named: $0) }
        let builtIn = Set((CoreChecks.all + plugins.flatMap(\.checks)).map(\.code))
        var seen: [String: SourceLocation] = [:]
        for rule in workbook.checks.rules {
            let at = rule.location ?? SourceLocation(file: context.file, line: 1, column: 1)
            if builtIn.contains(rule.id) {
                context.report(.ruleCodeTaken(at, id: rule.id))
            } else if let first = seen[rule.id] {
                context.report(.duplicateID(at, kind: "rule", id: rule.id, first: first))
            }
            seen[rule.id] = at
            guard let (_, schema) = Workbook.kind(named: rule.appliesTo.value, among: plugins) else {
                let kinds = plugins.flatMap(\.itemKinds).map(\.name)
                context.report(
                    .notAllowed(
                        rule.appliesTo.location ?? at, what: "applies_to of rule '\(rule.id)'",
                        value: rule.appliesTo.value, allowed: kinds))
                continue
            }
            let checker = ExpressionChecker(schema: ExpressionSchema(fields: schema))
            for (key, expression) in [("when", rule.when), ("require", Optional(rule.require))] {
                guard let expression else { continue }
                do {
                    _ = try checker.checkCondition(expression.value)
                } catch {
                    var location = expression.location ?? at
                    location.column += error.offset
                    context.report(.expression(location, what: "\(key) of rule '\(rule.id)'", error: error, code: nil))
                }
            }
        }
    }
}
