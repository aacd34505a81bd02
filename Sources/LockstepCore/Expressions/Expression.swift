/// A parsed expression: lead criteria, a `where` filter or a team rule.
public indirect enum Expression: Equatable, Sendable {
    public enum Literal: Equatable, Sendable {
        case number(Double)
        case string(String)
        case bool(Bool)
        case date(Day)
        case duration(WorkbookDuration)
    }

    public enum Comparison: String, Sendable {
        case equal = "=", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
    }

    case literal(Literal, at: Int)
    /// A field, or a named reference (a lead stage's id stands for its criteria).
    case name(String, at: Int)
    case today(at: Int)
    case list([Expression], at: Int)
    case not(Expression, at: Int)
    case and(Expression, Expression, at: Int)
    case or(Expression, Expression, at: Int)
    case compare(Comparison, Expression, Expression, at: Int)
    /// `x in [...]`, or `x not in [...]` when `negated`.
    case member(Expression, Expression, negated: Bool, at: Int)
    case contains(Expression, Expression, at: Int)
    case startsWith(Expression, Expression, at: Int)
    case isEmpty(Expression, negated: Bool, at: Int)
    /// `a - b` (subtract) or `a + b`.
    case arithmetic(subtract: Bool, Expression, Expression, at: Int)

    /// Where the node starts in the source, for carets.
    public var offset: Int {
        switch self {
        case .literal(_, let at), .name(_, let at), .today(let at), .list(_, let at), .not(_, let at),
             .and(_, _, let at), .or(_, _, let at), .compare(_, _, _, let at), .member(_, _, _, let at),
             .contains(_, _, let at), .startsWith(_, _, let at), .isEmpty(_, _, let at), .arithmetic(_, _, _, let at):
            return at
        }
    }

    /// Every name the expression mentions, in order.
    public var names: [String] {
        switch self {
        case .name(let name, _): return [name]
        case .literal, .today: return []
        case .list(let items, _): return items.flatMap(\.names)
        case .not(let inner, _), .isEmpty(let inner, _, _): return inner.names
        case .and(let a, let b, _), .or(let a, let b, _), .compare(_, let a, let b, _), .member(let a, let b, _, _),
             .contains(let a, let b, _), .startsWith(let a, let b, _), .arithmetic(_, let a, let b, _):
            return a.names + b.names
        }
    }
}
