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

    /// Text field → its column before empty text became NULL (`LeadSQL.raw`).
    var rawText: [String: String] = [:]
    /// The texts an export writes for an empty cell, "" among them.
    var emptyValues: Set<String> = [""]

    /// A stage's criteria: true or false, never unknown.
    func stageCondition(_ node: Expression) -> String { "COALESCE(\(condition(node, positive: true)), FALSE)" }

    /// `node` as SQL. Where `positive` (no `not` above it, and unknown counted as false by the
    /// caller) a test need not be made two-valued: unknown there fails as false does, and the
    /// database saves a COALESCE per test per row. Under `not` every test is `COALESCE(test, FALSE)`.
    func condition(_ node: Expression, positive: Bool = false) -> String {
        func test(_ sql: String) -> String { positive ? sql : "COALESCE(\(sql), FALSE)" }
        switch node {
        case .literal(.bool(let value), _):
            return value ? "TRUE" : "FALSE"
        case .name(let name, _):
            if let column = stages[name], fields[name] == nil { return column }
            return test(dialect.identifier(name))
        case .not(let inner, _):
            return "(NOT \(condition(inner)))"
        case .and(let a, let b, _):
            return "(\(condition(a, positive: positive)) AND \(condition(b, positive: positive)))"
        case .or(let a, let b, _):
            return "(\(condition(a, positive: positive)) OR \(condition(b, positive: positive)))"
        case .compare(.equal, let a, let b, _):
            return test("\(text(a, against: [b])) = \(text(b, against: [a]))")
        case .compare(let comparison, let a, let b, _):
            let op = comparison == .notEqual ? "<>" : comparison.rawValue
            return test("\(value(a)) \(op) \(value(b))")
        case .member(let a, .list(let items, _), let negated, _):
            let list = items.map(value).joined(separator: ", ")
            let column = negated ? value(a) : text(a, against: items)
            return test("\(column) \(negated ? "NOT IN" : "IN") (\(list))")
        case .contains(let a, let b, _):
            return test(dialect.contains(text(a, against: [b]), value(b)))
        case .startsWith(let a, .literal(.string(let prefix), _), _):
            return test(
                dialect.startsWith(
                    text(a, against: [.literal(.string(prefix), at: 0)]), dialect.string(prefix), length: prefix.count))
        case .startsWith(let a, let b, _):
            return test("SUBSTR(\(value(a)), 1, LENGTH(\(value(b)))) = \(value(b))")
        case .isEmpty(let inner, let negated, _):
            return "(\(value(inner)) IS \(negated ? "NOT " : "")NULL)"
        default:
            return "FALSE"
        }
    }

    /// A text field's raw column when it is tested against literals none of which an empty cell
    /// could equal: an empty cell then fails the test on its raw text as it does as NULL, and
    /// the database skips turning empty text into NULL on every row. Otherwise `value(node)`.
    private func text(_ node: Expression, against literals: [Expression]) -> String {
        guard case .name(let name, _) = node, let raw = rawText[name],
            literals.allSatisfy({ literal in
                if case .literal(.string(let text), _) = literal { return !emptyValues.contains(text) }
                return false
            })
        else { return value(node) }
        return raw
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
