/// The values one worker has read for one requested column.
///
/// Held by pointer rather than in arrays: the scanner appends one value per cell, tens of
/// millions of times, and an array nested in an array checks that both are unique at each
/// append (about 4% of reading the benchmark export, measured with perf). `ColumnBuffers` owns
/// the memory; the frame columns handed on are arrays copied out once per batch, into the same
/// arrays each time.
struct ColumnBuffer {
    let type: FieldType
    private(set) var count = 0
    private var capacity = 0
    /// Doubles for number and date columns (NaN is an empty cell), Int8 flags for bool columns
    /// (1, 0, or -1 for empty), Int32 codes into `interner` for text (-1 for empty).
    private var storage: UnsafeMutableRawPointer?
    var interner = ByteInterner()
    /// The arrays a streamed batch's frame column is copied into. The frame of the batch before
    /// is gone when the next is copied, so they are refilled in place: fresh arrays each batch
    /// would be fresh pages, and faulting them in took more time than the copy.
    private var batchDoubles: [Double] = [], batchFlags: [Int8] = [], batchCodes: [Int32] = []

    init(type: FieldType) { self.type = type }

    private var stride: Int {
        switch type {
        case .bool: return 1
        case .string: return 4
        default: return 8
        }
    }

    @inline(__always)
    mutating func append(number: Double) { append(number, as: Double.self) }

    @inline(__always)
    mutating func append(flag: Int8) { append(flag, as: Int8.self) }

    @inline(__always)
    mutating func append(code: Int32) { append(code, as: Int32.self) }

    @inline(__always)
    private mutating func append<Value>(_ value: Value, as: Value.Type) {
        if count == capacity { grow() }
        storage.unsafelyUnwrapped.storeBytes(
            of: value, toByteOffset: count &* MemoryLayout<Value>.stride, as: Value.self)
        count &+= 1
    }

    private mutating func grow() {
        let larger = max(1024, capacity * 2)
        let moved = UnsafeMutableRawPointer.allocate(byteCount: larger * stride, alignment: 8)
        // Bound to the column's kind of value once, so that `values` may read it as such.
        switch type {
        case .bool: moved.bindMemory(to: Int8.self, capacity: larger)
        case .string: moved.bindMemory(to: Int32.self, capacity: larger)
        default: moved.bindMemory(to: Double.self, capacity: larger)
        }
        if let storage {
            moved.copyMemory(from: storage, byteCount: count * stride)
            storage.deallocate()
        }
        storage = moved
        capacity = larger
    }

    /// Empties the buffer for the next batch of a streamed export, keeping its memory.
    mutating func removeAll() {
        count = 0
        interner.removeAll()
    }

    /// Drops the values of a row that turned out bad or incomplete.
    mutating func truncate(to rows: Int) { count = min(count, rows) }

    /// Frees the memory; the buffer is empty after.
    mutating func deallocate() {
        storage?.deallocate()
        storage = nil
        count = 0
        capacity = 0
    }

    /// The values read so far as a frame column, for a streamed batch.
    mutating func batchColumn() -> Frame.Column {
        switch type {
        case .bool:
            Self.refill(&batchFlags, from: values(Int8.self))
            return .bool(batchFlags)
        case .string:
            Self.refill(&batchCodes, from: values(Int32.self))
            return .string(codes: batchCodes, values: interner.strings)
        case .date:
            Self.refill(&batchDoubles, from: values(Double.self))
            return .date(batchDoubles)
        default:
            Self.refill(&batchDoubles, from: values(Double.self))
            return .number(batchDoubles)
        }
    }

    private static func refill<Value>(_ array: inout [Value], from values: UnsafeBufferPointer<Value>) {
        array.removeAll(keepingCapacity: true)
        array.append(contentsOf: values)
    }

    /// The values read, as `Value` (which must be the column's kind of value).
    func values<Value>(_: Value.Type) -> UnsafeBufferPointer<Value> {
        UnsafeBufferPointer(start: storage?.assumingMemoryBound(to: Value.self), count: count)
    }
}

/// The buffers of one worker's requested columns, by slot, and their memory's owner.
final class ColumnBuffers: @unchecked Sendable {
    /// Written by the one worker that reads into them; read once it has finished.
    let slots: UnsafeMutableBufferPointer<ColumnBuffer>

    init(_ requests: [ColumnRequest]) {
        slots = .allocate(capacity: requests.count)
        _ = slots.initialize(from: requests.map { ColumnBuffer(type: $0.type) })
    }

    var indices: Range<Int> { slots.indices }

    deinit {
        for slot in slots.indices { slots[slot].deallocate() }
        slots.deinitialize().deallocate()
    }
}

extension ColumnBuffer {
    /// The workers' buffers for one column, in file order, as one frame column. Text codes are
    /// renumbered into one dictionary, since each worker numbered its values as it met them.
    static func merge(_ parts: [ColumnBuffer]) -> Frame.Column {
        switch parts.first?.type ?? .string {
        case .bool: return .bool(joined(parts, Int8.self))
        case .date: return .date(joined(parts, Double.self))
        case .string:
            if parts.count == 1 {
                return .string(codes: Array(parts[0].values(Int32.self)), values: parts[0].interner.strings)
            }
            var values: [String] = []
            var lookup: [String: Int32] = [:]
            var codes: [Int32] = []
            codes.reserveCapacity(parts.reduce(0) { $0 + $1.count })
            for part in parts {
                let renumber: [Int32] = part.interner.strings.map { value in
                    if let code = lookup[value] { return code }
                    let code = Int32(values.count)
                    lookup[value] = code
                    values.append(value)
                    return code
                }
                codes.append(contentsOf: part.values(Int32.self).lazy.map { $0 < 0 ? -1 : renumber[Int($0)] })
            }
            return .string(codes: codes, values: values)
        default: return .number(joined(parts, Double.self))
        }
    }

    /// The parts' values one after another, copied once.
    private static func joined<Value>(_ parts: [ColumnBuffer], _: Value.Type) -> [Value] {
        var all: [Value] = []
        all.reserveCapacity(parts.reduce(0) { $0 + $1.count })
        for part in parts { all.append(contentsOf: part.values(Value.self)) }
        return all
    }
}
