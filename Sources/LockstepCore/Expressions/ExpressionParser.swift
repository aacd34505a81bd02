/// Parses the expression language: `not` and comparisons bind tighter than `and`, which binds
/// tighter than `or`; parentheses group.
///
/// `not` applies to the whole comparison after it, as in English and SQL:
/// `not country in ["US"]` means "country is not in the list".
public struct ExpressionParser {
    /// Deeper nesting than any person writes; the limit keeps recursion bounded on hostile input.
    static let depthLimit = 64
    /// Far more conditions than a lead definition or a filter joins (`a and b or c` joins two).
    /// A chain makes a tree as deep as it is long, which the checker and compiler walk by
    /// recursion: the limit keeps a pasted monster from exhausting the stack.
    static let operatorLimit = 1_000

    private let source: String
    private var tokens: [ExpressionToken] = []
    private var position = 0
    private var depth = 0
    private var operators = 0

    public static func parse(_ source: String) throws(ExpressionError) -> Expression {
        var parser = ExpressionParser(source: source)
        parser.tokens = try ExpressionLexer(source).tokens()
        if case .end = parser.tokens[0].kind {
            throw ExpressionError("the expression is empty: write a condition such as score >= 50", at: 0, in: source)
        }
        let expression = try parser.parseOr()
        guard case .end = parser.current.kind else {
            throw parser.error("expected 'and', 'or' or the end of the expression, not \(parser.describe(parser.current))")
        }
        return expression
    }

    private init(source: String) { self.source = source }

    private var current: ExpressionToken { tokens[position] }

    private mutating func advance() -> ExpressionToken {
        defer { position = min(position + 1, tokens.count - 1) }
        return tokens[position]
    }

    private func isKeyword(_ word: String, ahead: Int = 0) -> Bool {
        let index = min(position + ahead, tokens.count - 1)
        return tokens[index].kind == .keyword(word)
    }

    private func isSymbol(_ symbol: String) -> Bool { current.kind == .symbol(symbol) }

    private func error(_ message: String, at token: ExpressionToken? = nil) -> ExpressionError {
        ExpressionError(message, at: (token ?? current).offset, in: source)
    }

    private func describe(_ token: ExpressionToken) -> String {
        if case .end = token.kind { return "the end" }
        return "'\(token.text)'"
    }

    private mutating func parseOr() throws(ExpressionError) -> Expression {
        var left = try parseAnd()
        while isKeyword("or") {
            let operatorToken = advance()
            try count(operatorToken)
            let right = try operand(after: operatorToken) { (parser: inout ExpressionParser) throws(ExpressionError) in try parser.parseAnd() }
            left = .or(left, right, at: operatorToken.offset)
        }
        return left
    }

    private mutating func parseAnd() throws(ExpressionError) -> Expression {
        var left = try parseNot()
        while isKeyword("and") {
            let operatorToken = advance()
            try count(operatorToken)
            let right = try operand(after: operatorToken) { (parser: inout ExpressionParser) throws(ExpressionError) in try parser.parseNot() }
            left = .and(left, right, at: operatorToken.offset)
        }
        return left
    }

    private mutating func parseNot() throws(ExpressionError) -> Expression {
        guard isKeyword("not") else { return try parseComparison() }
        let operatorToken = advance()
        try enter()
        defer { depth -= 1 }
        let inner = try operand(after: operatorToken) { (parser: inout ExpressionParser) throws(ExpressionError) in try parser.parseNot() }
        return .not(inner, at: operatorToken.offset)
    }

    /// Parses what must follow an operator, saying which operator lacks it when nothing does.
    private mutating func operand(after operatorToken: ExpressionToken,
                                  _ parse: (inout ExpressionParser) throws(ExpressionError) -> Expression) throws(ExpressionError) -> Expression {
        if case .end = current.kind { throw error("expected a value after '\(operatorToken.text)'") }
        if case .keyword(let word) = current.kind, ["and", "or"].contains(word) {
            throw error("expected a value after '\(operatorToken.text)', not '\(current.text)'")
        }
        return try parse(&self)
    }

    private mutating func parseComparison() throws(ExpressionError) -> Expression {
        let left = try parseAdditive()
        let start = current
        if case .symbol(let symbol) = current.kind, let comparison = Expression.Comparison(rawValue: symbol) {
            _ = advance()
            return .compare(comparison, left, try operand(after: start) { (p: inout ExpressionParser) throws(ExpressionError) in try p.parseAdditive() }, at: start.offset)
        }
        if isKeyword("in") || (isKeyword("not") && isKeyword("in", ahead: 1)) {
            let negated = isKeyword("not")
            if negated { _ = advance() }
            _ = advance()
            return .member(left, try operand(after: start) { (p: inout ExpressionParser) throws(ExpressionError) in try p.parseAdditive() }, negated: negated, at: start.offset)
        }
        if isKeyword("contains") {
            _ = advance()
            return .contains(left, try operand(after: start) { (p: inout ExpressionParser) throws(ExpressionError) in try p.parseAdditive() }, at: start.offset)
        }
        if isKeyword("starts") {
            _ = advance()
            guard isKeyword("with") else { throw error("expected 'with' after 'starts' (write: starts with \"…\")") }
            let withToken = advance()
            return .startsWith(left, try operand(after: withToken) { (p: inout ExpressionParser) throws(ExpressionError) in try p.parseAdditive() }, at: start.offset)
        }
        if isKeyword("is") {
            _ = advance()
            let negated = isKeyword("not")
            if negated { _ = advance() }
            guard isKeyword("empty") else {
                throw error("expected 'empty' after '\(negated ? "is not" : "is")' (write: is empty, or is not empty); use = to compare")
            }
            _ = advance()
            return .isEmpty(left, negated: negated, at: start.offset)
        }
        return left
    }

    private mutating func parseAdditive() throws(ExpressionError) -> Expression {
        var left = try parsePrimary()
        while isSymbol("-") || isSymbol("+") {
            let operatorToken = advance()
            try count(operatorToken)
            let right = try operand(after: operatorToken) { (p: inout ExpressionParser) throws(ExpressionError) in try p.parsePrimary() }
            left = .arithmetic(subtract: operatorToken.text == "-", left, right, at: operatorToken.offset)
        }
        return left
    }

    private mutating func parsePrimary() throws(ExpressionError) -> Expression {
        let token = current
        switch token.kind {
        case .number(let value):
            _ = advance()
            return .literal(.number(value), at: token.offset)
        case .string(let value):
            _ = advance()
            return .literal(.string(value), at: token.offset)
        case .date(let day):
            _ = advance()
            return .literal(.date(day), at: token.offset)
        case .duration(let duration):
            _ = advance()
            return .literal(.duration(duration), at: token.offset)
        case .name(let name, _):
            _ = advance()
            return .name(name, at: token.offset)
        case .keyword("true"), .keyword("false"):
            _ = advance()
            return .literal(.bool(token.kind == .keyword("true")), at: token.offset)
        case .keyword("today"):
            _ = advance()
            return .today(at: token.offset)
        case .symbol("-"):
            // A negative number: `-5`.
            _ = advance()
            guard case .number(let value) = current.kind else { throw error("expected a number after '-'") }
            _ = advance()
            return .literal(.number(-value), at: token.offset)
        case .symbol("("):
            _ = advance()
            try enter()
            defer { depth -= 1 }
            let inner = try operand(after: token) { (p: inout ExpressionParser) throws(ExpressionError) in try p.parseOr() }
            guard isSymbol(")") else { throw error("expected ')' to close the '(' at column \(token.offset + 1), not \(describe(current))") }
            _ = advance()
            return inner
        case .symbol("["):
            return try parseList()
        case .end:
            throw error("expected a value, such as a field name, a number or \"text\"")
        default:
            throw error("expected a value, such as a field name, a number or \"text\", not \(describe(token))")
        }
    }

    private mutating func parseList() throws(ExpressionError) -> Expression {
        let open = advance()
        try enter()
        defer { depth -= 1 }
        var items: [Expression] = []
        while !isSymbol("]") {
            if case .end = current.kind { throw error("expected ']' to close the list opened at column \(open.offset + 1)") }
            if !items.isEmpty {
                guard isSymbol(",") else { throw error("expected ',' or ']' in the list, not \(describe(current))") }
                _ = advance()
            }
            if case .end = current.kind { throw error("expected ']' to close the list opened at column \(open.offset + 1)") }
            items.append(try parseAdditive())
        }
        _ = advance()
        return .list(items, at: open.offset)
    }

    private mutating func count(_ operatorToken: ExpressionToken) throws(ExpressionError) {
        operators += 1
        guard operators <= Self.operatorLimit else {
            throw error("the expression joins more than \(Self.operatorLimit) conditions with and, or, + and -", at: operatorToken)
        }
    }

    private mutating func enter() throws(ExpressionError) {
        depth += 1
        if depth > Self.depthLimit { throw error("the expression nests more than \(Self.depthLimit) levels deep") }
    }
}
