/// The type of a field, as a workbook's lead schema or an item kind declares it.
public enum FieldType: String, Sendable, CaseIterable {
    case string, number, bool, date, duration, list

    /// How the type reads in a message.
    public var phrase: String {
        switch self {
        case .string: return "text"
        case .number: return "a number"
        case .bool: return "true or false"
        case .date: return "a date"
        case .duration: return "a duration"
        case .list: return "a list"
        }
    }
}

/// What an expression may name: typed fields, and named conditions that stand for other expressions.
public struct ExpressionSchema: Sendable {
    public var fields: [String: FieldType]
    /// A name → the expression it stands for (a lead stage's id → its criteria).
    public var references: [String: String]

    public init(fields: [String: FieldType], references: [String: String] = [:]) {
        self.fields = fields
        self.references = references
    }
}
