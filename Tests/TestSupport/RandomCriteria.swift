/// Criteria drawn at random over the benchmark's fields, using every form the language has:
/// comparisons, `in`, `contains`, `starts with`, `is empty`, `not`, `and`, `or`, date arithmetic
/// and `today`; for the tests that hold one evaluator of criteria to another.
public enum RandomCriteria {
    public static func condition(depth: Int, using random: inout SeededRandom) -> String {
        if depth > 0, random.next() % 3 == 0 {
            let a = condition(depth: depth - 1, using: &random), b = condition(depth: depth - 1, using: &random)
            switch random.next() % 3 {
            case 0: return "(\(a) and \(b))"
            case 1: return "(\(a) or \(b))"
            default: return "not (\(a))"
            }
        }
        let pick = { (values: [String], random: inout SeededRandom) in values[Int(random.next() % UInt64(values.count))]
        }
        switch random.next() % 11 {
        case 0: return "score \(pick([">=", "<", "=", "!=", ">", "<="], &random)) \(random.next() % 100)"
        case 1: return "employees \(pick([">=", "<", "!="], &random)) \(pick(["10", "100", "1000", "12.5"], &random))"
        case 2:
            return
                "country \(pick(["in", "not in"], &random)) [\(pick(["\"US\"", "\"DE\", \"FR\"", "\"CA\", \"US\", \"GB\"", "\"\", \"US\""], &random))]"
        case 3: return "title contains \(pick(["\"VP\"", "\"Director\"", "\"vp\"", "\"Manager\""], &random))"
        case 4: return "title starts with \(pick(["\"VP\"", "\"Head\"", "\"C\""], &random))"
        case 5:
            return
                "\(pick(["title", "country", "score", "employees", "mql_at", "first_touch_at", "budget_confirmed"], &random)) is \(pick(["", "not "], &random))empty"
        case 6: return "budget_confirmed"
        case 7: return "budget_confirmed = \(pick(["true", "false"], &random))"
        case 8:
            return
                "first_touch_at - mql_at \(pick([">", "<=", "<"], &random)) \(pick(["48h", "2d", "30m", "1w"], &random))"
        case 9:
            return "mql_at \(pick([">=", "<"], &random)) \(pick(["2024-01-01", "2023-06-15", "today - 365d"], &random))"
        default: return "country = \(pick(["\"US\"", "\"DE\"", "\"\""], &random))"
        }
    }
}
