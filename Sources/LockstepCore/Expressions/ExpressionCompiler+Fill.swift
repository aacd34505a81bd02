/// Conditions answered a column at a time: `and`, `or` and `not` over whole ranges of answers,
/// a number column compared with a constant, and a text column tested against a constant by
/// looking each row's code up. Each is a loop the compiler can vectorize, where answering row by
/// row calls a closure per operator per row. Anything else is answered row by row, by
/// `condition`.
extension ExpressionCompiler {
    /// Writes the answers for a range of rows from the pointer on.
    typealias Fill = (_ rows: Range<Int>, _ output: UnsafeMutablePointer<Bool>) -> Void

    func fill(_ node: Expression) -> Fill {
        if let (a, b, test) = textTestParts(node), let (codes, answers) = textAnswers(a, b, test) {
            return { rows, output in
                codes.withUnsafeBufferPointer { codes in
                    answers.withUnsafeBufferPointer { answers in
                        for (index, row) in rows.enumerated() {
                            let code = Int(codes[row])
                            output[index] = code >= 0 && answers[code]
                        }
                    }
                }
            }
        }
        switch node {
        case .name(let name, _):
            // A flag column, or an earlier stage's answers (1 true, 0 false, -1 empty).
            if case .bool(let values)? = frame.columns[name] {
                return { rows, output in
                    values.withUnsafeBufferPointer { all in
                        for (index, value) in all[rows].enumerated() { output[index] = value == 1 }
                    }
                }
            }
        case .not(let inner, _):
            let inner = fill(inner)
            return { rows, output in
                inner(rows, output)
                Self.bytes(output, rows.count) { output in
                    for index in output.indices { output[index] ^= 1 }
                }
            }
        case .and(let a, let b, _):
            return both(fill(a), fill(b), and: true)
        case .or(let a, let b, _):
            return both(fill(a), fill(b), and: false)
        case .compare(let comparison, let a, let b, _):
            if case .name(let name, _) = a, case .literal(.number(let constant), _) = b,
                let values = frame.columns[name]?.numbers
            {
                return { rows, output in Self.compare(values, rows, comparison, constant, into: output) }
            }
        default:
            break
        }
        let condition = condition(node)
        return { rows, output in
            for (index, row) in rows.enumerated() { output[index] = condition(row) }
        }
    }

    /// `a and b` (or `a or b`) from the answers of each side.
    private func both(_ a: @escaping Fill, _ b: @escaping Fill, and: Bool) -> Fill {
        { rows, output in
            a(rows, output)
            let other = UnsafeMutableBufferPointer<Bool>.allocate(capacity: rows.count)
            defer { other.deallocate() }
            b(rows, other.baseAddress!)
            Self.bytes(output, rows.count) { output in
                Self.bytes(other.baseAddress!, rows.count) { other in
                    if and {
                        for index in output.indices { output[index] &= other[index] }
                    } else {
                        for index in output.indices { output[index] |= other[index] }
                    }
                }
            }
        }
    }

    /// Answers as the bytes they are stored as (0 or 1), to combine them with bitwise operators:
    /// `&&` and `||` on Bools branch on every row, and on answers that vary from row to row the
    /// processor mispredicts those branches (3% of the time of the lead-data benchmark).
    private static func bytes(
        _ answers: UnsafeMutablePointer<Bool>, _ count: Int, _ body: (UnsafeMutableBufferPointer<UInt8>) -> Void
    ) {
        answers.withMemoryRebound(to: UInt8.self, capacity: count) {
            body(UnsafeMutableBufferPointer(start: $0, count: count))
        }
    }

    /// A number column against a constant, with the row-by-row comparison's meaning: an empty
    /// cell (NaN) satisfies none, `!=` included.
    private static func compare(
        _ values: [Double], _ rows: Range<Int>, _ comparison: Expression.Comparison, _ constant: Double,
        into output: UnsafeMutablePointer<Bool>
    ) {
        values.withUnsafeBufferPointer { all in
            let values = UnsafeBufferPointer(rebasing: all[rows])
            switch comparison {
            case .equal: for index in values.indices { output[index] = values[index] == constant }
            case .notEqual:
                for index in values.indices { output[index] = !values[index].isNaN && values[index] != constant }
            case .less: for index in values.indices { output[index] = values[index] < constant }
            case .lessOrEqual: for index in values.indices { output[index] = values[index] <= constant }
            case .greater: for index in values.indices { output[index] = values[index] > constant }
            case .greaterOrEqual: for index in values.indices { output[index] = values[index] >= constant }
            }
        }
    }
}

extension Frame.Column {
    /// The values of a number, date or duration column.
    var numbers: [Double]? {
        switch self {
        case .number(let values), .date(let values), .duration(let values): return values
        default: return nil
        }
    }
}
