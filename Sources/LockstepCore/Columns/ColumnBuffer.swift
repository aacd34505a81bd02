/// The values one worker has read for one requested column.
struct ColumnBuffer {
    let type: FieldType
    /// number and date columns; NaN is an empty cell.
    var doubles: [Double] = []
    /// bool columns: 1, 0, or -1 for empty.
    var flags: [Int8] = []
    /// string columns: codes into `interner`, -1 for empty.
    var codes: [Int32] = []
    var interner = ByteInterner()

    init(type: FieldType) { self.type = type }

    var count: Int {
        switch type {
        case .bool: return flags.count
        case .string: return codes.count
        default: return doubles.count
        }
    }

    mutating func appendEmpty() {
        switch type {
        case .bool: flags.append(-1)
        case .string: codes.append(-1)
        default: doubles.append(.nan)
        }
    }

    /// Empties the buffer for the next batch of a streamed export, keeping its memory: a batch's
    /// frame is gone by then, so nothing else holds these arrays.
    mutating func removeAll() {
        doubles.removeAll(keepingCapacity: true)
        flags.removeAll(keepingCapacity: true)
        codes.removeAll(keepingCapacity: true)
        interner.removeAll()
    }

    /// Drops the values of a row that turned out bad or incomplete.
    mutating func truncate(to rows: Int) {
        switch type {
        case .bool: if flags.count > rows { flags.removeLast(flags.count - rows) }
        case .string: if codes.count > rows { codes.removeLast(codes.count - rows) }
        default: if doubles.count > rows { doubles.removeLast(doubles.count - rows) }
        }
    }
}

extension ColumnBuffer {
    /// The workers' buffers for one column, in file order, as one frame column. Text codes are
    /// renumbered into one dictionary, since each worker numbered its values as it met them.
    static func merge(_ parts: [ColumnBuffer]) -> Frame.Column {
        let type = parts.first?.type ?? .string
        switch type {
        case .bool:
            return .bool(parts.count == 1 ? parts[0].flags : parts.flatMap(\.flags))
        case .date:
            return .date(parts.count == 1 ? parts[0].doubles : parts.flatMap(\.doubles))
        case .string:
            if parts.count == 1 { return .string(codes: parts[0].codes, values: parts[0].interner.strings) }
            var values: [String] = []
            var lookup: [String: Int32] = [:]
            var codes: [Int32] = []
            codes.reserveCapacity(parts.reduce(0) { $0 + $1.codes.count })
            for part in parts {
                let renumber: [Int32] = part.interner.strings.map { value in
                    if let code = lookup[value] { return code }
                    let code = Int32(values.count)
                    lookup[value] = code
                    values.append(value)
                    return code
                }
                codes.append(contentsOf: part.codes.lazy.map { $0 < 0 ? -1 : renumber[Int($0)] })
            }
            return .string(codes: codes, values: values)
        default:
            return .number(parts.count == 1 ? parts[0].doubles : parts.flatMap(\.doubles))
        }
    }
}
