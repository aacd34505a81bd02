/// Compiles a checked condition once into closures over a frame's typed columns; evaluating a
/// row then does no parsing and no string work beyond what the condition itself needs.
///
/// An empty cell never satisfies a comparison, `in`, `contains` or `starts with`; `not` turns
/// that false into true, and `is empty` asks about emptiness directly.
public struct CompiledCondition {
    public let evaluate: (Int) -> Bool
    /// The answers for a range of rows, written from the pointer on (see `answers`).
    let fill: ExpressionCompiler.Fill

    public init(_ expression: CheckedExpression, over frame: Frame, today: Day) {
        let compiler = ExpressionCompiler(frame: frame, today: Double(today.daysSinceEpoch))
        evaluate = compiler.condition(expression.root)
        fill = compiler.fill(expression.root)
    }

    /// The answers for `rows`, written to `output` from its start: the same as `evaluate` row by
    /// row, computed a column at a time where the condition allows (see `ExpressionCompiler.fill`).
    public func answers(_ rows: Range<Int>, into output: UnsafeMutableBufferPointer<Bool>) {
        precondition(output.count >= rows.count, "room for every row's answer")
        guard let base = output.baseAddress, !rows.isEmpty else { return }
        fill(rows, base)
    }

    /// The rows that satisfy the condition.
    public func matchingRows(count: Int) -> [Int] {
        (0..<count).filter(evaluate)
    }
}

/// The compiler proper: one method per kind of value an expression produces.
struct ExpressionCompiler {
    typealias Condition = (Int) -> Bool
    typealias Numeric = (Int) -> Double

    /// A text operand: a constant, or a dictionary-encoded column.
    enum Text {
        case constant(String)
        case column(codes: [Int32], values: [String])
        case missing
    }

    let frame: Frame
    let today: Double

    func condition(_ node: Expression) -> Condition {
        if let (a, b, test) = textTestParts(node) { return textTest(a, b, test) }
        switch node {
        case .literal(.bool(let value), _):
            return { _ in value }
        case .name(let name, _):
            guard case .bool(let values)? = frame.columns[name] else { return { _ in false } }
            return { values[$0] == 1 }
        case .not(let inner, _):
            let inner = condition(inner)
            return { !inner($0) }
        case .and(let a, let b, _):
            let a = condition(a), b = condition(b)
            return { a($0) && b($0) }
        case .or(let a, let b, _):
            let a = condition(a), b = condition(b)
            return { a($0) || b($0) }
        case .compare(let comparison, let a, let b, _):
            return compare(comparison, a, b)
        case .member(let a, .list(let items, _), let negated, _):
            return member(a, items, negated: negated)
        case .contains(let a, let b, _):
            return contains(a, b)
        case .isEmpty(let inner, let negated, _):
            let empty = isEmpty(inner)
            return negated ? { !empty($0) } : empty
        default:
            return { _ in false }
        }
    }

    private func compare(_ comparison: Expression.Comparison, _ a: Expression, _ b: Expression) -> Condition {
        if case .flag = kind(of: a) {
            let left = flag(a), right = flag(b), equal = comparison == .equal
            return { row in
                let l = left(row), r = right(row)
                return l >= 0 && r >= 0 && (l == r) == equal
            }
        }
        let left = numeric(a), right = numeric(b)
        switch comparison {
        case .equal: return { left($0) == right($0) }
        // NaN != x is true in IEEE arithmetic; an empty cell must not satisfy '!=' either.
        case .notEqual:
            return { row in
                let l = left(row), r = right(row); return !l.isNaN && !r.isNaN && l != r
            }
        case .less: return { left($0) < right($0) }
        case .lessOrEqual: return { left($0) <= right($0) }
        case .greater: return { left($0) > right($0) }
        case .greaterOrEqual: return { left($0) >= right($0) }
        }
    }

    private func member(_ a: Expression, _ items: [Expression], negated: Bool) -> Condition {
        if case .flag = kind(of: a) {
            let values = Set(
                items.compactMap {
                    if case .literal(.bool(let b), _) = $0 { return Int8(b ? 1 : 0) } else { return nil }
                })
            let left = flag(a)
            return { row in
                let l = left(row); return l >= 0 && values.contains(l) != negated
            }
        }
        let values = Set(items.map { numeric($0)(0) })
        let left = numeric(a)
        return { row in
            let l = left(row); return !l.isNaN && values.contains(l) != negated
        }
    }

    /// `contains` on a list column (on text, it is a text test).
    private func contains(_ a: Expression, _ b: Expression) -> Condition {
        guard case .name(let name, _) = a, case .list(let lists)? = frame.columns[name],
            case .literal(.string(let wanted), _) = b
        else { return { _ in false } }
        return { lists[$0].contains(wanted) }
    }

    /// The test a node makes on two text operands, when it makes one: `=`/`!=` on text, `in`
    /// on text, `contains` on text and `starts with`.
    func textTestParts(_ node: Expression) -> (Expression, Expression, (String, String) -> Bool)? {
        switch node {
        case .compare(let comparison, let a, let b, _) where kind(of: a) == .text:
            let equal = comparison == .equal
            return (a, b, { left, right in (left == right) == equal })
        case .member(let a, .list(let items, _), let negated, _) where kind(of: a) == .text:
            let set = Set(
                items.compactMap { if case .literal(.string(let s), _) = $0 { return s } else { return nil } })
            return (a, .literal(.string(""), at: 0), { value, _ in set.contains(value) != negated })
        case .contains(let a, let b, _) where kind(of: a) != .list:
            return (a, b, { $0.contains($1) })
        case .startsWith(let a, let b, _):
            return (a, b, { $0.hasPrefix($1) })
        default:
            return nil
        }
    }

    /// With one column and one constant, the answer for each distinct value of the column, to be
    /// looked up by a row's code (-1, an empty cell, answers false).
    func textAnswers(
        _ a: Expression, _ b: Expression, _ test: (String, String) -> Bool
    ) -> (codes: [Int32], answers: [Bool])? {
        switch (text(a), text(b)) {
        case (.column(let codes, let values), .constant(let constant)):
            return (codes, values.map { test($0, constant) })
        case (.constant(let constant), .column(let codes, let values)):
            return (codes, values.map { test(constant, $0) })
        default: return nil
        }
    }

    /// A test on two text operands. With one column and one constant, the test runs once per
    /// distinct value of the column and rows look the answer up by their code.
    private func textTest(_ a: Expression, _ b: Expression, _ test: @escaping (String, String) -> Bool) -> Condition {
        if let (codes, answers) = textAnswers(a, b, test) {
            return { row in
                let code = codes[row]; return code >= 0 && answers[Int(code)]
            }
        }
        switch (text(a), text(b)) {
        case (.column(let leftCodes, let leftValues), .column(let rightCodes, let rightValues)):
            return { row in
                let l = leftCodes[row], r = rightCodes[row]
                return l >= 0 && r >= 0 && test(leftValues[Int(l)], rightValues[Int(r)])
            }
        case (.constant(let left), .constant(let right)):
            let answer = !left.isEmpty && !right.isEmpty && test(left, right)
            return { _ in answer }
        default:
            return { _ in false }
        }
    }

    private func isEmpty(_ node: Expression) -> Condition {
        switch kind(of: node) {
        case .text:
            switch text(node) {
            case .column(let codes, _): return { codes[$0] < 0 }
            case .constant(let value): return { _ in value.isEmpty }
            case .missing: return { _ in true }
            }
        case .flag:
            let value = flag(node)
            return { value($0) < 0 }
        case .list:
            guard case .name(let name, _) = node, case .list(let lists)? = frame.columns[name] else {
                return { _ in true }
            }
            return { lists[$0].isEmpty }
        case .numeric:
            let value = numeric(node)
            return { value($0).isNaN }
        }
    }

    enum Kind { case text, flag, numeric, list }

    private func kind(of node: Expression) -> Kind {
        switch node {
        case .literal(.string, _): return .text
        case .literal(.bool, _): return .flag
        case .name(let name, _):
            switch frame.columns[name] {
            case .string?: return .text
            case .bool?: return .flag
            case .list?: return .list
            default: return .numeric
            }
        case .list: return .list
        default: return .numeric
        }
    }

    private func text(_ node: Expression) -> Text {
        switch node {
        case .literal(.string(let value), _): return .constant(value)
        case .name(let name, _):
            guard case .string(let codes, let values)? = frame.columns[name] else { return .missing }
            return .column(codes: codes, values: values)
        default: return .missing
        }
    }

    private func flag(_ node: Expression) -> (Int) -> Int8 {
        switch node {
        case .literal(.bool(let value), _):
            let flag: Int8 = value ? 1 : 0
            return { _ in flag }
        case .name(let name, _):
            guard case .bool(let values)? = frame.columns[name] else { return { _ in -1 } }
            return { values[$0] }
        default:
            let test = condition(node)
            return { test($0) ? 1 : 0 }
        }
    }

    /// Numbers, dates (in days) and durations (in seconds); NaN is an empty value.
    func numeric(_ node: Expression) -> Numeric {
        switch node {
        case .literal(.number(let value), _): return { _ in value }
        case .literal(.date(let day), _):
            let days = Double(day.daysSinceEpoch)
            return { _ in days }
        case .literal(.duration(let duration), _):
            let seconds = Double(duration.seconds)
            return { _ in seconds }
        case .today:
            let days = today
            return { _ in days }
        case .name(let name, _):
            switch frame.columns[name] {
            case .number(let values)?, .date(let values)?, .duration(let values)?: return { values[$0] }
            default: return { _ in .nan }
            }
        case .arithmetic(let subtract, let a, let b, _):
            return arithmetic(subtract: subtract, a, b)
        default:
            return { _ in .nan }
        }
    }

    private func arithmetic(subtract: Bool, _ a: Expression, _ b: Expression) -> Numeric {
        let left = numeric(a), right = numeric(b)
        let sign = subtract ? -1.0 : 1.0
        switch (isDate(a), isDate(b)) {
        case (true, true):
            // date - date: a duration in seconds.
            return { (left($0) - right($0)) * 86_400 }
        case (true, false):
            // date ± duration: a date, in days.
            return { left($0) + sign * right($0) / 86_400 }
        default:
            return { left($0) + sign * right($0) }
        }
    }

    private func isDate(_ node: Expression) -> Bool {
        switch node {
        case .literal(.date, _), .today: return true
        case .name(let name, _): if case .date? = frame.columns[name] { return true } else { return false }
        case .arithmetic(_, let a, let b, _): return isDate(a) && !isDate(b)
        default: return false
        }
    }
}
