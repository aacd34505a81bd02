/// Records stored by column, the shape conditions are evaluated over: lead data from a CRM
/// export, or a workbook's items for `find`.
///
/// Text is dictionary-encoded (each distinct value once, rows hold its code), so a condition on
/// a text field is worked out once per distinct value, not once per row.
public struct Frame: Sendable {
    public enum Column: Sendable {
        /// NaN marks an empty cell.
        case number([Double])
        /// Days since 1970-01-01; NaN marks an empty cell.
        case date([Double])
        /// Seconds; NaN marks an empty cell.
        case duration([Double])
        /// 1 true, 0 false, -1 empty.
        case bool([Int8])
        /// Codes into `values`; -1 marks an empty cell.
        case string(codes: [Int32], values: [String])
        case list([[String]])

        public var type: FieldType {
            switch self {
            case .number: return .number
            case .date: return .date
            case .duration: return .duration
            case .bool: return .bool
            case .string: return .string
            case .list: return .list
            }
        }
    }

    public let count: Int
    public var columns: [String: Column]

    public init(count: Int, columns: [String: Column]) {
        self.count = count
        self.columns = columns
    }
}

/// Builds a text column, giving each distinct value one code.
public struct StringColumnBuilder {
    public private(set) var codes: [Int32] = []
    public private(set) var values: [String] = []
    private var lookup: [String: Int32] = [:]

    public init(capacity: Int = 0) { codes.reserveCapacity(capacity) }

    public mutating func append(_ value: String?) {
        guard let value, !value.isEmpty else {
            codes.append(-1)
            return
        }
        if let code = lookup[value] {
            codes.append(code)
        } else {
            let code = Int32(values.count)
            lookup[value] = code
            values.append(value)
            codes.append(code)
        }
    }

    public var column: Frame.Column { .string(codes: codes, values: values) }
}

extension Frame.Column {
    /// The values at `rows`, in that order; a row of -1 gives an empty cell (a left join's miss).
    public func gathered(_ rows: [Int]) -> Frame.Column {
        func pick<T>(_ values: [T], empty: T) -> [T] { rows.map { $0 < 0 ? empty : values[$0] } }
        switch self {
        case .number(let values): return .number(pick(values, empty: .nan))
        case .date(let values): return .date(pick(values, empty: .nan))
        case .duration(let values): return .duration(pick(values, empty: .nan))
        case .bool(let values): return .bool(pick(values, empty: -1))
        case .string(let codes, let values): return .string(codes: pick(codes, empty: -1), values: values)
        case .list(let values): return .list(pick(values, empty: []))
        }
    }
}
