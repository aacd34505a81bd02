import LockstepCore

/// A lead stage's criteria as a SQL condition with the evaluator's meaning (docs/sql.md):
/// an empty value never satisfies a comparison, `in`, `contains` or `starts with`; `not` turns
/// that false into true; a true/false field alone counts an empty value as false. Each such
/// test is `COALESCE(test, FALSE)`, so SQL's unknown never reaches `not`, `and` or `or`, and
/// the condition is always true or false, as in the evaluator.
///
/// Dates are days since 1970 (a double, the time of day a fraction) and durations seconds, as
/// the evaluator has them, so date arithmetic and its comparisons round the same way.
struct CriteriaSQL {
    let dialect: SQLDialect
    /// Field name → its type, for the fields the table has.
    let fields: [String: FieldType]
    /// Lead stage id → the column holding whether a row meets it (named criteria).
    let stages: [String: String]
    /// Today in days, when pinned (`--as-of`); nil for the database's current date.
    let today: Day?

    func condition(_ node: Expression) -> String {
        switch node {
        case .literal(.bool(let value), _):
            return value ? "TRUE" : "FALSE"
        case .name(let name, _):
            if let column = stages[name], fields[name] == nil { return column }
            return "COALESCE(\(dialect.identifier(name)), FALSE)"
        case .not(let inner, _):
            return "(NOT \(condition(inner)))"
        case .and(let a, let b, _):
            return "(\(condition(a)) AND \(condition(b)))"
        case .or(let a, let b, _):
            return "(\(condition(a)) OR \(condition(b)))"
        case .compare(let comparison, let a, let b, _):
            let op = comparison == .notEqual ? "<>" : comparison.rawValue
            return "COALESCE(\(value(a)) \(op) \(value(b)), FALSE)"
        case .member(let a, .list(let items, _), let negated, _):
            let list = items.map(value).joined(separator: ", ")
            return "COALESCE(\(value(a)) \(negated ? "NOT IN" : "IN") (\(list)), FALSE)"
        case .contains(let a, let b, _):
            return "COALESCE(\(dialect.contains(value(a), value(b))), FALSE)"
        case .startsWith(let a, .literal(.string(let prefix), _), _):
            return "COALESCE(\(dialect.startsWith(value(a), dialect.string(prefix), length: prefix.count)), FALSE)"
        case .startsWith(let a, let b, _):
            return "COALESCE(SUBSTR(\(value(a)), 1, LENGTH(\(value(b)))) = \(value(b)), FALSE)"
        case .isEmpty(let inner, let negated, _):
            return "(\(value(inner)) IS \(negated ? "NOT " : "")NULL)"
        default:
            return "FALSE"
        }
    }

    /// A value: a field's column, a literal, today, or date arithmetic.
    func value(_ node: Expression) -> String {
        switch node {
        case .literal(.number(let number), _): return dialect.number(number)
        case .literal(.string(let text), _): return dialect.string(text)
        case .literal(.bool(let flag), _): return flag ? "TRUE" : "FALSE"
        case .literal(.date(let day), _): return String(day.daysSinceEpoch)
        case .literal(.duration(let duration), _): return String(duration.seconds)
        case .today: return today.map { String($0.daysSinceEpoch) } ?? dialect.today
        case .name(let name, _):
            if let column = stages[name], fields[name] == nil { return column }
            return dialect.identifier(name)
        case .arithmetic(let subtract, let a, let b, _):
            let sign = subtract ? "-" : "+"
            switch (isDate(a), isDate(b)) {
            case (true, true): return "((\(value(a)) - \(value(b))) * 86400)"  // date - date: seconds
            case (true, false): return "(\(value(a)) \(sign) \(value(b)) / 86400.0)"  // date ± duration: days
            default: return "(\(value(a)) \(sign) \(value(b)))"
            }
        default:
            // A condition used as a value (`(score > 5) = true`).
            return condition(node)
        }
    }

    private func isDate(_ node: Expression) -> Bool {
        switch node {
        case .literal(.date, _), .today: return true
        case .name(let name, _): return fields[name] == .date
        case .arithmetic(_, let a, let b, _): return isDate(a) && !isDate(b)
        default: return false
        }
    }
}
