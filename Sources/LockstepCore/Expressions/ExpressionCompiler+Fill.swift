/// Conditions answered a column at a time: `and`, `or` and `not` over whole ranges of answers,
/// a number column compared with a constant, and a text column tested against a constant by
/// looking each row's code up. Each is a loop the compiler can vectorize, where answering row by
/// row calls a closure per operator per row (most of the time of measuring the criteria of a
/// large export). Anything else is answered row by row, by `condition`.
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
        case .not(let inner, _):
            let inner = fill(inner)
            return { rows, output in
                inner(rows, output)
                for index in 0..<rows.count { output[index] = !output[index] }
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
            if and {
                for index in 0..<rows.count { output[index] = output[index] && other[index] }
            } else {
                for index in 0..<rows.count { output[index] = output[index] || other[index] }
            }
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
