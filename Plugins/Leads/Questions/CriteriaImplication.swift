import LockstepCore

/// Decides, from the criteria's text alone, whether meeting a later stage's criteria is sure to
/// mean meeting an earlier one's (LD006). It proves what it can — shared conditions, tighter
/// bounds on the same field, a smaller list for `in` — and answers false otherwise, so a
/// false means "not shown", which data can then settle.
enum CriteriaImplication {
    static func implies(_ later: Expression, _ earlier: Expression) -> Bool {
        let facts = conjuncts(of: later)
        return conjuncts(of: earlier).allSatisfy { required in facts.contains { implies(fact: $0, required) } }
    }

    private static func conjuncts(of node: Expression) -> [Expression] {
        if case .and(let a, let b, _) = node { return conjuncts(of: a) + conjuncts(of: b) }
        return [node]
    }

    private static func implies(fact: Expression, _ required: Expression) -> Bool {
        if case .literal(.bool(true), _) = required { return true }
        if canonical(fact) == canonical(required) { return true }
        if case .or(let a, let b, _) = required { return implies(fact: fact, a) || implies(fact: fact, b) }
        if case .and = fact { return conjuncts(of: fact).contains { implies(fact: $0, required) } }
        switch (fact, required) {
        case (.compare(let op1, .name(let f1, _), .literal(.number(let a), _), _),
              .compare(let op2, .name(let f2, _), .literal(.number(let b), _), _)) where f1 == f2:
            return bound(op1, a, implies: op2, b)
        case (.member(.name(let f1, _), .list(let l1, _), false, _), .member(.name(let f2, _), .list(let l2, _), false, _)) where f1 == f2:
            let allowed = Set(l2.map(canonical))
            return l1.allSatisfy { allowed.contains(canonical($0)) }
        case (.compare(.equal, .name(let f1, _), let value, _), .member(.name(let f2, _), .list(let list, _), false, _)) where f1 == f2:
            return list.contains { canonical($0) == canonical(value) }
        default:
            return false
        }
    }

    /// `x op1 a` implies `x op2 b` for every x.
    private static func bound(_ op1: Expression.Comparison, _ a: Double, implies op2: Expression.Comparison, _ b: Double) -> Bool {
        switch (op1, op2) {
        case (.greaterOrEqual, .greaterOrEqual), (.greater, .greater), (.greater, .greaterOrEqual): return a >= b
        case (.greaterOrEqual, .greater): return a > b
        case (.lessOrEqual, .lessOrEqual), (.less, .less), (.less, .lessOrEqual): return a <= b
        case (.lessOrEqual, .less): return a < b
        case (.equal, .greaterOrEqual): return a >= b
        case (.equal, .greater): return a > b
        case (.equal, .lessOrEqual): return a <= b
        case (.equal, .less): return a < b
        case (.equal, .equal): return a == b
        default: return false
        }
    }

    /// The expression written out without source positions, so two spellings of one condition compare equal.
    static func canonical(_ node: Expression) -> String {
        switch node {
        case .literal(let literal, _):
            switch literal {
            case .number(let value): return "\(value)"
            case .string(let value): return "\"\(value)\""
            case .bool(let value): return "\(value)"
            case .date(let day): return day.description
            case .duration(let duration): return "\(duration.seconds)s"
            }
        case .name(let name, _): return name
        case .today: return "today"
        case .list(let items, _): return "[" + items.map(canonical).joined(separator: ",") + "]"
        case .not(let inner, _): return "not(\(canonical(inner)))"
        case .and(let a, let b, _): return "(\(canonical(a)) and \(canonical(b)))"
        case .or(let a, let b, _): return "(\(canonical(a)) or \(canonical(b)))"
        case .compare(let op, let a, let b, _): return "(\(canonical(a)) \(op.rawValue) \(canonical(b)))"
        case .member(let a, let b, let negated, _): return "(\(canonical(a)) \(negated ? "not in" : "in") \(canonical(b)))"
        case .contains(let a, let b, _): return "(\(canonical(a)) contains \(canonical(b)))"
        case .startsWith(let a, let b, _): return "(\(canonical(a)) starts with \(canonical(b)))"
        case .isEmpty(let inner, let negated, _): return "(\(canonical(inner)) is \(negated ? "not " : "")empty)"
        case .arithmetic(let subtract, let a, let b, _): return "(\(canonical(a)) \(subtract ? "-" : "+") \(canonical(b)))"
        }
    }
}
