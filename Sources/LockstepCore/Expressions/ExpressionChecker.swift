/// Type-checks an expression against a schema and inlines its named references.
///
/// Run when a workbook loads, so a criterion comparing `country` with a number, or naming a
/// field that does not exist, is reported before any data arrives.
public struct ExpressionChecker: Sendable {
    /// The type of a value inside an expression; `list` carries its element type when known.
    indirect enum ValueType: Equatable {
        case scalar(FieldType)
        case list(FieldType?)

        var phrase: String {
            switch self {
            case .scalar(let type): return type.phrase
            case .list: return "a list"
            }
        }
    }

    public let schema: ExpressionSchema

    public init(schema: ExpressionSchema) { self.schema = schema }

    /// Parses and checks `source` as a condition (true or false for each record). `name` is the
    /// reference the condition itself stands for, if any, so a cycle is reported from its start.
    ///
    /// The expression's own mistakes are reported before those of the criteria it refers to,
    /// which get their own error where they are written.
    public func checkCondition(_ source: String, named name: String? = nil) throws(ExpressionError) -> CheckedExpression {
        var visiting = name.map { [$0] } ?? []
        let parsed = try ExpressionParser.parse(source)
        var own = Pass(checker: self, source: source, visiting: visiting)
        own.referencesAreOpaque = true
        _ = try own.type(of: parsed)
        return try checkCondition(source, visiting: &visiting)
    }

    private func checkCondition(_ source: String, visiting: inout [String]) throws(ExpressionError) -> CheckedExpression {
        let parsed = try ExpressionParser.parse(source)
        var pass = Pass(checker: self, source: source, visiting: visiting)
        let type = try pass.type(of: parsed)
        guard type == .scalar(.bool) else {
            throw ExpressionError("this is \(type.phrase), not a condition: compare it, e.g. \(Self.example(for: type))",
                                  at: parsed.offset, in: source)
        }
        return CheckedExpression(source: source, root: pass.inline(parsed), types: pass.fieldTypes)
    }

    static func example(for type: ValueType) -> String {
        switch type {
        case .scalar(.number): return "score >= 50"
        case .scalar(.string): return "country = \"US\""
        case .scalar(.date): return "mql_at >= 2026-01-01"
        case .scalar(.duration): return "first_touch_at - mql_at > 48h"
        default: return "stages is not empty"
        }
    }

    /// One check of one expression; references are checked recursively with cycle detection.
    fileprivate struct Pass {
        let checker: ExpressionChecker
        let source: String
        var visiting: [String]
        /// Take a named reference as a condition without looking into it.
        var referencesAreOpaque = false
        var inlined: [String: Expression] = [:]
        /// The type of every field the expression reads, for compiling it.
        var fieldTypes: [String: FieldType] = [:]

        init(checker: ExpressionChecker, source: String, visiting: [String]) {
            self.checker = checker
            self.source = source
            self.visiting = visiting
        }

        func fail(_ message: String, at node: Expression) -> ExpressionError {
            ExpressionError(message, at: node.offset, in: source)
        }

        mutating func type(of node: Expression) throws(ExpressionError) -> ValueType {
            switch node {
            case .literal(let literal, _):
                switch literal {
                case .number: return .scalar(.number)
                case .string: return .scalar(.string)
                case .bool: return .scalar(.bool)
                case .date: return .scalar(.date)
                case .duration: return .scalar(.duration)
                }
            case .today:
                return .scalar(.date)
            case .name(let name, _):
                return try typeOfName(name, node: node)
            case .list(let items, _):
                var element: FieldType?
                for item in items {
                    guard case .literal = item else {
                        throw fail("a list holds fixed values, e.g. [\"US\", \"CA\"] or [10, 20]", at: item)
                    }
                    guard case .scalar(let type) = try self.type(of: item) else { throw fail("a list cannot hold a list", at: item) }
                    if let known = element, known != type {
                        throw fail("this list mixes \(known.phrase) and \(type.phrase)", at: item)
                    }
                    element = type
                }
                return .list(element)
            case .not(let inner, _):
                try requireCondition(inner, after: "not")
                return .scalar(.bool)
            case .and(let a, let b, _), .or(let a, let b, _):
                let word = { if case .and = node { return "and" } else { return "or" } }()
                try requireCondition(a, after: word)
                try requireCondition(b, after: word)
                return .scalar(.bool)
            case .compare(let comparison, let a, let b, _):
                try checkComparison(comparison, a, b)
                return .scalar(.bool)
            case .member(let a, let b, let negated, _):
                let left = try type(of: a), right = try type(of: b)
                guard case .scalar(let element) = left else { throw fail("'in' needs a single value on its left, not a list", at: a) }
                guard case .list(let items) = right else {
                    throw fail("'\(negated ? "not in" : "in")' needs a list on its right, e.g. [\"US\", \"CA\"]", at: b)
                }
                if let items, items != element {
                    throw fail("this list holds \(items.phrase), but \(describe(a)) is \(element.phrase)", at: b)
                }
                return .scalar(.bool)
            case .contains(let a, let b, _):
                let left = try type(of: a), right = try type(of: b)
                switch (left, right, b) {
                case (.scalar(.string), .scalar(.string), _), (.list, .scalar(.string), .literal): return .scalar(.bool)
                case (.list, _, _): throw fail("'contains' looks in a list for fixed text, e.g. personas contains \"cfo\"", at: b)
                case (.scalar(.string), _, _): throw fail("'contains' looks for text, e.g. title contains \"VP\"", at: b)
                default: throw fail("'contains' looks for text in text or in a list; \(describe(a)) is \(left.phrase)", at: a)
                }
            case .startsWith(let a, let b, _):
                guard try type(of: a) == .scalar(.string) else { throw fail("'starts with' needs text on its left", at: a) }
                guard try type(of: b) == .scalar(.string) else { throw fail("'starts with' needs text on its right, e.g. \"VP\"", at: b) }
                return .scalar(.bool)
            case .isEmpty(let inner, _, _):
                _ = try type(of: inner)
                return .scalar(.bool)
            case .arithmetic(let subtract, let a, let b, _):
                return try arithmetic(subtract: subtract, a, b, node: node)
            }
        }

        private mutating func typeOfName(_ name: String, node: Expression) throws(ExpressionError) -> ValueType {
            if let type = checker.schema.fields[name] {
                fieldTypes[name] = type
                return type == .list ? .list(.string) : .scalar(type)
            }
            guard let referenced = checker.schema.references[name] else {
                let known = Array(checker.schema.fields.keys) + Array(checker.schema.references.keys)
                throw fail("unknown field '\(name)'\(Suggestion.phrase(for: name, in: known))", at: node)
            }
            if referencesAreOpaque { return .scalar(.bool) }
            if let cycleStart = visiting.firstIndex(of: name) {
                let cycle = (visiting[cycleStart...] + [name]).joined(separator: " → ")
                throw fail("criteria refer to each other in a cycle: \(cycle)", at: node)
            }
            visiting.append(name)
            defer { visiting.removeLast() }
            var nested = visiting
            do {
                let checked = try checker.checkCondition(referenced, visiting: &nested)
                inlined[name] = checked.root
                fieldTypes.merge(checked.types) { first, _ in first }
            } catch {
                if error.message.hasPrefix("criteria refer to each other in a cycle") {
                    throw fail(error.message, at: node)
                }
                throw fail("'\(name)' stands for criteria that have an error: \(error.message)", at: node)
            }
            return .scalar(.bool)
        }

        private mutating func requireCondition(_ node: Expression, after word: String) throws(ExpressionError) {
            let type = try type(of: node)
            guard type == .scalar(.bool) else {
                throw fail("\(describe(node)) is \(type.phrase), not a condition: '\(word)' joins conditions such as \(ExpressionChecker.example(for: type))", at: node)
            }
        }

        private mutating func checkComparison(_ comparison: Expression.Comparison, _ a: Expression, _ b: Expression) throws(ExpressionError) {
            let left = try type(of: a), right = try type(of: b)
            guard case .scalar(let leftType) = left, case .scalar(let rightType) = right else {
                throw fail("'\(comparison.rawValue)' compares single values; to look in a list use 'in' or 'contains'", at: left == right ? a : (left.isList ? a : b))
            }
            guard leftType == rightType else {
                throw fail("cannot compare \(describe(a)) (\(leftType.phrase)) with \(rightType.phrase)", at: b)
            }
            if comparison != .equal && comparison != .notEqual, leftType == .string || leftType == .bool {
                throw fail("'\(comparison.rawValue)' needs numbers, dates or durations; \(describe(a)) is \(leftType.phrase)", at: a)
            }
        }

        private mutating func arithmetic(subtract: Bool, _ a: Expression, _ b: Expression, node: Expression) throws(ExpressionError) -> ValueType {
            let left = try type(of: a), right = try type(of: b)
            switch (left, right, subtract) {
            case (.scalar(.number), .scalar(.number), _): return .scalar(.number)
            case (.scalar(.date), .scalar(.date), true): return .scalar(.duration)
            case (.scalar(.date), .scalar(.duration), _): return .scalar(.date)
            case (.scalar(.duration), .scalar(.duration), _): return .scalar(.duration)
            default:
                let word = subtract ? "subtract" : "add"
                throw fail("cannot \(word) \(right.phrase) \(subtract ? "from" : "to") \(left.phrase); dates subtract to a duration (first_touch_at - mql_at > 48h)", at: node)
            }
        }

        func describe(_ node: Expression) -> String {
            if case .name(let name, _) = node { return "'\(name)'" }
            return "this"
        }

        /// The tree with every named reference replaced by the expression it stands for.
        func inline(_ node: Expression) -> Expression {
            switch node {
            case .name(let name, _): return inlined[name] ?? node
            case .literal, .today: return node
            case .list(let items, let at): return .list(items.map(inline), at: at)
            case .not(let inner, let at): return .not(inline(inner), at: at)
            case .and(let a, let b, let at): return .and(inline(a), inline(b), at: at)
            case .or(let a, let b, let at): return .or(inline(a), inline(b), at: at)
            case .compare(let c, let a, let b, let at): return .compare(c, inline(a), inline(b), at: at)
            case .member(let a, let b, let negated, let at): return .member(inline(a), inline(b), negated: negated, at: at)
            case .contains(let a, let b, let at): return .contains(inline(a), inline(b), at: at)
            case .startsWith(let a, let b, let at): return .startsWith(inline(a), inline(b), at: at)
            case .isEmpty(let inner, let negated, let at): return .isEmpty(inline(inner), negated: negated, at: at)
            case .arithmetic(let subtract, let a, let b, let at): return .arithmetic(subtract: subtract, inline(a), inline(b), at: at)
            }
        }
    }
}

extension ExpressionChecker.ValueType {
    var isList: Bool { if case .list = self { return true } else { return false } }
}

/// A condition that passed the checker, with references inlined and the types of the fields it reads.
public struct CheckedExpression: Sendable {
    public let source: String
    public let root: Expression
    public let types: [String: FieldType]
}

extension CheckedExpression {
    /// The expression as written, named references left as names: for a frame that already holds
    /// each reference's result as a true/false column, so a later stage's `mql and …` reads the
    /// MQL answer instead of working it out again.
    public var keepingReferences: CheckedExpression {
        guard let parsed = try? ExpressionParser.parse(source) else { return self }
        return CheckedExpression(source: source, root: parsed, types: types)
    }
}
