import LockstepCore

extension LeadsPlugin {
    /// Type-checks every lead stage's criteria against the field schema when the workbook loads (LD002).
    public func validate(_ workbook: Workbook, context: DecodeContext) {
        guard let leads = workbook.section(LeadsSection.self) else { return }
        let schema = leads.expressionSchema
        let checker = ExpressionChecker(schema: schema)
        for stage in leads.stages {
            guard let criteria = stage.criteria else { continue }
            do {
                _ = try checker.checkCondition(criteria.value, named: stage.id)
            } catch {
                var location = criteria.location ?? SourceLocation(file: context.file, line: 1, column: 1)
                location.column += error.offset
                context.report(.expression(location, what: "criteria of lead stage '\(stage.id)'", error: error, code: "LD002"))
            }
        }
    }
}

extension LeadsSection {
    /// The lead fields, and each lead stage's id standing for its criteria.
    public var expressionSchema: ExpressionSchema {
        var fields: [String: FieldType] = [:]
        for field in self.fields { fields[field.name.value] = FieldType(rawValue: field.type) }
        var references: [String: String] = [:]
        for stage in stages {
            // A stage without criteria admits every lead: it stands for a condition that always holds.
            references[stage.id] = stage.criteria?.value ?? "true"
        }
        return ExpressionSchema(fields: fields, references: references)
    }
}
