import LockstepCore
import TestSupport
import Testing

/// The lead schema of the format's documentation.
let leadSchema = ExpressionSchema(
    fields: ["score": .number, "employees": .number, "country": .string, "title": .string, "budget_confirmed": .bool,
             "mql_at": .date, "first_touch_at": .date, "Lead Source": .string, "tags": .list],
    references: ["mql": "score >= 50 and employees >= 100 and country in [\"US\", \"CA\"]",
                 "sql": "mql and budget_confirmed", "loop-a": "`loop-b`", "loop-b": "`loop-a`"])

/// A few leads, with empty cells where a CRM export would have them.
let leads: Frame = {
    var country = StringColumnBuilder(), title = StringColumnBuilder(), source = StringColumnBuilder()
    for value in ["US", "CA", "DE", nil, "US"] { country.append(value) }
    for value in ["VP Sales", "CFO", nil, "VP Finance", "Analyst"] { title.append(value) }
    for value in ["Web", "Event", "Web", "Web", nil] { source.append(value) }
    let day = { (text: String) in Double(Day(iso: text)!.daysSinceEpoch) }
    return Frame(count: 5, columns: [
        "score": .number([80, 40, 90, 70, .nan]),
        "employees": .number([500, 50, 1_000, 200, 300]),
        "country": country.column, "title": title.column, "Lead Source": source.column,
        "budget_confirmed": .bool([1, 0, 1, -1, 1]),
        "mql_at": .date([day("2026-01-01"), day("2026-01-02"), .nan, day("2026-01-04"), day("2026-01-05")]),
        "first_touch_at": .date([day("2026-01-02"), day("2026-01-10"), day("2026-01-03"), .nan, day("2026-01-06")]),
        "tags": .list([["partner"], [], ["partner", "event"], [], []]),
    ])
}()

func rows(_ source: String) throws -> [Int] {
    let checked = try ExpressionChecker(schema: leadSchema).checkCondition(source)
    return CompiledCondition(checked, over: leads, today: Day(iso: "2026-01-20")!).matchingRows(count: leads.count)
}

func failure(_ source: String) -> String {
    do {
        _ = try ExpressionChecker(schema: leadSchema).checkCondition(source)
        return "no error"
    } catch {
        return "\(error.offset): \(error.message)"
    }
}

@Suite("The expression language")
struct ExpressionTests {
    @Test("conditions select the right records", arguments: [
        ("score >= 50", [0, 2, 3]),
        ("score >= 50 and country in [\"US\", \"CA\"]", [0]),
        ("score > 50 or country = \"CA\"", [0, 1, 2, 3]),
        ("country == \"US\"", [0, 4]),
        ("country != \"US\"", [1, 2]),
        ("not country = \"US\"", [1, 2, 3]),
        ("country not in [\"US\", \"CA\"]", [2]),
        ("title contains \"VP\"", [0, 3]),
        ("title starts with \"VP\"", [0, 3]),
        ("title is empty", [2]),
        ("score is not empty", [0, 1, 2, 3]),
        ("budget_confirmed", [0, 2, 4]),
        ("budget_confirmed = false", [1]),
        ("not budget_confirmed", [1, 3]),
        ("`Lead Source` = \"Web\"", [0, 2, 3]),
        ("first_touch_at - mql_at > 48h", [1]),
        ("first_touch_at - mql_at <= 1d", [0, 4]),
        ("mql_at >= 2026-01-04", [3, 4]),
        ("mql_at + 2w < today", [0, 1, 3, 4]),
        ("today - mql_at > 17d", [0, 1]),
        ("employees - 100 >= 400", [0, 2]),
        ("tags contains \"partner\"", [0, 2]),
        ("tags is empty", [1, 3, 4]),
        ("mql", [0]),
        ("sql", [0]),
        ("not (score >= 50 or country = \"CA\")", [4]),
        ("score >= 50 and (country = \"DE\" or country = \"CA\")", [2]),
        ("score in [40, 90]", [1, 2]),
        ("score = -1 or score > 85", [2]),
        ("SCORE >= 50 AND Country = \"US\"", []),
    ])
    func selects(source: String, expected: [Int]) throws {
        if source.hasPrefix("SCORE") {
            // Field names are exact; keywords are not.
            #expect(failure(source) == "0: unknown field 'SCORE' (did you mean 'score'?)")
            return
        }
        #expect(try rows(source) == expected)
    }

    @Test("an empty cell never satisfies a comparison", arguments: [
        "score < 1000", "score != 1", "score = 0", "mql_at < 2100-01-01", "country != \"XX\"", "title contains \"\"",
    ])
    func emptyCells(source: String) throws {
        let matched = try rows(source)
        let empties: [String: Int] = ["score": 4, "mql_at": 2, "country": 3, "title": 2]
        let field = String(source.prefix { $0 != " " })
        #expect(!matched.contains(empties[field]!))
    }

    @Test("mistakes point at the character and say what was expected", arguments: [
        ("score >= 50 and", "15: expected a value after 'and'"),
        ("score >=", "8: expected a value after '>='"),
        ("score >= 50 and and country = \"US\"", "16: expected a value after 'and', not 'and'"),
        ("(score >= 50", "12: expected ')' to close the '(' at column 1, not the end"),
        ("country in [\"US\", \"CA\"", "22: expected ']' to close the list opened at column 12"),
        ("country = \"US", "10: this quote is never closed: add \" at the end of the text"),
        ("score >= 50 country = \"US\"", "12: expected 'and', 'or' or the end of the expression, not 'country'"),
        ("score => 50", "7: expected a value, such as a field name, a number or \"text\", not '>'"),
        ("title starts \"VP\"", "13: expected 'with' after 'starts' (write: starts with \"…\")"),
        ("title is \"VP\"", "9: expected 'empty' after 'is' (write: is empty, or is not empty); use = to compare"),
        ("score >= 5O", "9: 5O is neither a number nor a duration (30m, 48h, 2d, 2w)"),
        ("mql_at > 2026-13-01", "9: '2026-13-01' is not a date: write YYYY-MM-DD, e.g. 2026-06-01"),
        ("score ; 3", "6: unexpected character ';'"),
        ("", "0: the expression is empty: write a condition such as score >= 50"),
        ("`unclosed", "0: this backtick is never closed: write `Field Name`"),
    ])
    func syntaxErrors(source: String, expected: String) {
        #expect(failure(source) == expected.replacingOccurrences(of: "9: 5O", with: "9: '5O'"))
    }

    @Test("type mistakes are found before any data arrives", arguments: [
        ("contry = \"US\"", "0: unknown field 'contry' (did you mean 'country'?)"),
        ("country = 50", "10: cannot compare 'country' (text) with a number"),
        ("score = \"high\"", "8: cannot compare 'score' (a number) with text"),
        ("country > \"M\"", "0: '>' needs numbers, dates or durations; 'country' is text"),
        ("score", "0: this is a number, not a condition: compare it, e.g. score >= 50"),
        ("score and budget_confirmed", "0: 'score' is a number, not a condition: 'and' joins conditions such as score >= 50"),
        ("country in \"US\"", "11: 'in' needs a list on its right, e.g. [\"US\", \"CA\"]"),
        ("country in [\"US\", 1]", "18: this list mixes text and a number"),
        ("country in [1, 2]", "11: this list holds a number, but 'country' is text"),
        ("country in [title]", "12: a list holds fixed values, e.g. [\"US\", \"CA\"] or [10, 20]"),
        ("score contains \"5\"", "0: 'contains' looks for text in text or in a list; 'score' is a number"),
        ("mql_at - score > 1", "7: cannot subtract a number from a date; dates subtract to a duration (first_touch_at - mql_at > 48h)"),
        ("first_touch_at - mql_at > 2", "26: cannot compare this (a duration) with a number"),
        ("`loop-a`", "0: criteria refer to each other in a cycle: loop-a → loop-b → loop-a"),
        ("tags = \"x\"", "0: '=' compares single values; to look in a list use 'in' or 'contains'"),
    ])
    func typeErrors(source: String, expected: String) {
        #expect(failure(source) == expected)
    }

    @Test("an error renders with a caret under the offending character")
    func caret() {
        #expect(throws: ExpressionError.self) { try ExpressionChecker(schema: leadSchema).checkCondition("score >= 50 and") }
        let error = ExpressionError("expected a value after 'and'", at: 15, in: "score >= 50 and")
        #expect(error.pointed == "    score >= 50 and\n                   ^")
    }

    @Test("kebab-case names read as one name; subtraction needs spaces")
    func hyphens() throws {
        let schema = ExpressionSchema(fields: ["a": .number, "b": .number, "lead-gen": .bool])
        #expect(throws: Never.self) { try ExpressionChecker(schema: schema).checkCondition("lead-gen and a - b > 1") }
    }

    @Test("deep nesting is refused with an error, not a crash")
    func depth() {
        let deep = String(repeating: "(", count: 10_000) + "score > 1" + String(repeating: ")", count: 10_000)
        #expect(failure(deep).hasSuffix("the expression nests more than 64 levels deep"))
        let deepNot = String(repeating: "not ", count: 10_000) + "budget_confirmed"
        #expect(failure(deepNot).hasSuffix("the expression nests more than 64 levels deep"))
    }

    @Test("a chain of 1,000 conditions is parsed, checked and compiled; a longer one is refused at its 1,001st operator, never a crash",
          arguments: ["and", "or", "+"])
    func longChains(joiner: String) throws {
        let term = joiner == "+" ? "score" : "score > 1"
        func chain(_ count: Int) -> String {
            let body = Array(repeating: term, count: count).joined(separator: " \(joiner) ")
            return joiner == "+" ? body + " > 1" : body
        }
        let checked = try ExpressionChecker(schema: leadSchema).checkCondition(chain(1_001))
        #expect(!CompiledCondition(checked, over: leads, today: Day(iso: "2026-01-20")!).matchingRows(count: leads.count).isEmpty)
        let refused = chain(1_002)
        let column = refused.components(separatedBy: " \(joiner) ").prefix(1_001).joined(separator: " \(joiner) ").count + 1
        #expect(failure(refused) == "\(column): the expression joins more than 1000 conditions with and, or, + and -")
        #expect(failure(chain(200_000)).hasSuffix("the expression joins more than 1000 conditions with and, or, + and -"))
    }

    @Test("a long expression's caret shows the stretch around it, with control characters escaped")
    func longCaret() {
        let source = String(repeating: "a", count: 200) + "\u{1B}[2J" + String(repeating: "b", count: 200)
        let pointed = ExpressionError("bad", at: 200, in: source).pointed
        let lines = pointed.split(separator: "\n")
        #expect(lines[0] == "    …" + String(repeating: "a", count: 60) + "\\e[2J" + String(repeating: "b", count: 36) + "…")
        #expect(lines[1].count == 4 + 61 + 1 && lines[1].hasSuffix("^"))
    }
}

/// Criteria answered a column at a time (as a large export's are) against the same criteria
/// answered row by row, on a frame of seeded random values with empty cells in every column.
@Suite("Answering criteria a column at a time")
struct ColumnAnswerTests {
    static let schema = ExpressionSchema(
        fields: [
            "score": .number, "employees": .number, "country": .string, "title": .string,
            "budget_confirmed": .bool, "mql_at": .date, "first_touch_at": .date, "lifecycle_stage": .string,
        ],
        references: [:])

    static func frame(rows: Int, random: inout SeededRandom) -> Frame {
        var country = StringColumnBuilder(), title = StringColumnBuilder(), stage = StringColumnBuilder()
        func pick(_ values: [String?]) -> String? { values[Int(random.next() % UInt64(values.count))] }
        func number(_ range: UInt64) -> Double { random.next() % 8 == 0 ? .nan : Double(random.next() % range) }
        var score: [Double] = [], employees: [Double] = [], mql: [Double] = [], touch: [Double] = []
        var budget: [Int8] = []
        for _ in 0..<rows {
            country.append(pick(["US", "CA", "DE", "GB", "", nil]))
            title.append(pick(["VP Sales", "Director of IT", "Head of Ops", "CFO", "vp marketing", nil]))
            stage.append(pick(["lead", "marketingqualifiedlead", nil]))
            score.append(number(100))
            employees.append(random.next() % 5 == 0 ? 12.5 : number(2_000))
            mql.append(number(1_000) + 19_500)
            touch.append(number(1_000) + 19_500 + Double(random.next() % 48) / 24)
            budget.append([1, 0, -1][Int(random.next() % 3)])
        }
        return Frame(
            count: rows,
            columns: [
                "score": .number(score), "employees": .number(employees), "country": country.column,
                "title": title.column, "lifecycle_stage": stage.column, "budget_confirmed": .bool(budget),
                "mql_at": .date(mql), "first_touch_at": .date(touch),
            ])
    }

    @Test("seeded random criteria get the same answer for every row either way, over any range of rows")
    func sameAnswers() throws {
        var random = SeededRandom(fallback: 20_261_201, label: "column answers")
        let frame = Self.frame(rows: 700, random: &random)
        let checker = ExpressionChecker(schema: Self.schema)
        for _ in 0..<300 {
            let source = RandomCriteria.condition(depth: 3, using: &random)
            let condition = CompiledCondition(
                try checker.checkCondition(source), over: frame, today: Day(iso: "2026-06-01")!)
            let start = Int(random.next() % 100), end = 600 + Int(random.next() % 101)
            let answers = [Bool](unsafeUninitializedCapacity: end - start) { buffer, count in
                condition.answers(start..<end, into: buffer)
                count = end - start
            }
            if let row = (start..<end).first(where: { answers[$0 - start] != condition.evaluate($0) }) {
                Issue.record(
                    "seed \(random.seed): '\(source)' answers row \(row) \(answers[row - start]) a column at a time")
                return
            }
        }
    }
}
