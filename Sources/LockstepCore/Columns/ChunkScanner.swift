import CByteSearch

#if canImport(Glibc)
import Glibc
#endif

/// Reads the records that start inside one byte range of a CSV file into typed columns.
///
/// A byte-level scanner rather than a CSV library: the Swift CSV libraries were measured at
/// about 30× slower than a million-row export needs (bench/README.md). It reads blocks with
/// `pread`, so memory stays near the block size however large the file, and a record that
/// starts before the range's end is finished even when it runs past it.
struct ChunkScanner {
    struct Result {
        var columns: ColumnBuffers
        /// Rows in `columns`; when streaming, since the last batch was handed on.
        var rows = 0
        /// Rows handed on in batches, when streaming.
        var streamedRows = 0
        var badRows: [BadRow] = []
        var badRowCount = 0
        /// Line breaks read, including those inside quoted fields.
        var lines = 0
        /// The file offset just past the last record read: where the next range must start.
        var endOffset = 0
    }

    let fd: Int32
    let header: [String]
    let requests: [ColumnRequest]
    let options: ColumnLoadOptions
    let emptyValues: [[UInt8]]
    /// Column index → index into `requests` (`first`, or -1), and a second slot for a column
    /// asked for as a second type (a date column also read as text; `second`, or -1). Held by
    /// pointer: read through arrays in `self` for every field, the arrays' storage was loaded
    /// again each time (2.7% of the instructions of reading the bench export).
    let slotTable: SlotTable
    let progress: ProgressTally?
    /// Whether plain records are read through a `FieldCursor` (unless `options.byteByByte`).
    let plainPath: Bool

    init(fd: Int32, header: [String], requests: [ColumnRequest], options: ColumnLoadOptions, progress: ProgressTally?) {
        self.fd = fd
        plainPath = !options.byteByByte
        self.header = header
        self.requests = requests
        self.options = options
        self.progress = progress
        emptyValues = options.emptyValues.map { Array($0.utf8) }
        var slots = [Int](repeating: -1, count: header.count), seconds = slots
        for (slot, request) in requests.enumerated() where request.column < header.count {
            if slots[request.column] < 0 { slots[request.column] = slot } else { seconds[request.column] = slot }
        }
        slotTable = SlotTable(first: slots, second: seconds)
    }

    static let blockSize = 1 << 22
    /// Line breaks a quoted field may hold: a note of a few paragraphs, not a stray quote that
    /// would swallow the rest of the file into one field.
    static let quotedLineLimit = 100

    /// Reads records starting in `start..<end`; `firstLine` is the file line `start` is on.
    ///
    /// With `batch`, every `batchRows` rows read are handed to it as a frame and dropped, so
    /// memory stays near one batch however long the range: what a question that only counts
    /// needs. Without, the result keeps every row's values.
    func scan(
        from start: Int, to end: Int, firstLine: Int, batchRows: Int = .max, batch: ((Frame) -> Void)? = nil
    ) throws(ColumnLoadFailure) -> Result {
        var state = Result(columns: ColumnBuffers(requests))
        // Memory held by pointer rather than an array reached through closures: the loop below
        // passes `state` to the record readers for every row, and a closure capturing it would
        // make each of those an exclusivity check at run time.
        var buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: Self.blockSize)
        defer { buffer.deallocate() }
        var bufferOffset = start, filled = 0, position = 0, atEOF = false
        var reported = start
        while true {
            let read = records(
                in: UnsafeBufferPointer(rebasing: buffer[..<filled]), from: position, until: end - bufferOffset,
                atEOF: atEOF, firstLine: firstLine, batchRows: batchRows, batch: batch, state: &state)
            position = read.position
            if read.finished { break }
            // The record runs past the block: keep its start, read on.
            if position > 0 {
                memmove(buffer.baseAddress!, buffer.baseAddress! + position, filled - position)
                bufferOffset += position
                filled -= position
                position = 0
            }
            if filled == buffer.count {
                let larger = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: buffer.count * 2)
                larger.baseAddress!.initialize(from: buffer.baseAddress!, count: filled)
                buffer.deallocate()
                buffer = larger
            }
            let count = pread(fd, buffer.baseAddress! + filled, buffer.count - filled, off_t(bufferOffset + filled))
            if count < 0 {
                if errno == EINTR { continue }
                throw ColumnLoadFailure(path: "", reason: String(cString: strerror(errno)))
            }
            if count == 0 { atEOF = true }
            filled += count
            if options.isInterrupted() { throw ColumnLoadFailure(path: "", reason: "interrupted") }
            if let progress, bufferOffset - reported >= Self.blockSize {
                progress.add(bufferOffset - reported)
                reported = bufferOffset
            }
        }
        progress?.add(max(0, min(end, bufferOffset + position) - reported))
        state.endOffset = bufferOffset + position
        handOn(&state, to: batch)
        return state
    }

    /// Reads the records of `bytes` from `start` until one starts at or past `end` or the file
    /// ends (finished), or one runs past the bytes read so far (to be read on from `position`).
    private func records(
        in bytes: UnsafeBufferPointer<UInt8>, from start: Int, until end: Int, atEOF: Bool, firstLine: Int,
        batchRows: Int, batch: ((Frame) -> Void)?, state: inout Result
    ) -> (position: Int, finished: Bool) {
        var position = start
        var cursor = FieldCursor(bytes, at: position, enabled: plainPath)
        let slots = slotTable.first, seconds = slotTable.second
        while true {
            if position >= end || (atEOF && position >= bytes.count) { return (position, true) }
            if let next = plainRecord(
                in: bytes, at: position, slots: slots, seconds: seconds, cursor: &cursor, state: &state)
            {
                position = next
            } else {
                let next = record(in: bytes, at: position, atEOF: atEOF, firstLine: firstLine, state: &state)
                if next < 0 { return (position, false) }
                position = next
                cursor = FieldCursor(bytes, at: position, enabled: plainPath)
            }
            if state.rows >= batchRows { handOn(&state, to: batch) }
        }
    }

    /// With `batch`, hands the rows read so far on as a frame and empties the buffers for more.
    private func handOn(_ state: inout Result, to batch: ((Frame) -> Void)?) {
        guard let batch, state.rows > 0 else { return }
        var columns: [String: Frame.Column] = [:]
        for (slot, request) in requests.enumerated() {
            columns[request.field] = state.columns.slots[slot].batchColumn()
        }
        batch(Frame(count: state.rows, columns: columns))
        state.streamedRows += state.rows
        state.rows = 0
        for slot in state.columns.indices { state.columns.slots[slot].removeAll() }
    }

    /// Reads one record at `start`; returns where the next begins, or -1 when the block ends first.
    private func record(
        in bytes: UnsafeBufferPointer<UInt8>, at start: Int, atEOF: Bool, firstLine: Int,
        state: inout Result
    ) -> Int {
        let quote: UInt8 = 0x22, comma: UInt8 = 0x2C, newline: UInt8 = 0x0A, carriage: UInt8 = 0x0D
        let count = bytes.count
        var position = start, field = 0, lines = 0
        var problem: (String, String)?
        let line = firstLine + state.lines
        while true {
            var contentStart = position, contentEnd = position, escaped = false
            if position < count, bytes[position] == quote {
                position += 1
                contentStart = position
                // Where the quote's first line ends: a quote left open is cut there, so the rows
                // after it are read as rows rather than as one field.
                var firstBreak = -1, quotedLines = 0
                let linesBefore = lines
                var unclosed = false
                while true {
                    guard position < count else {
                        if !atEOF { return abandon(&state) }
                        unclosed = true
                        break
                    }
                    let byte = bytes[position]
                    if byte == quote {
                        if position + 1 < count {
                            if bytes[position + 1] == quote {
                                escaped = true
                                position += 2
                                continue
                            }
                        } else if !atEOF {
                            return abandon(&state)
                        }
                        break
                    }
                    if byte == newline {
                        lines += 1
                        quotedLines += 1
                        if firstBreak < 0 { firstBreak = position }
                        if quotedLines > Self.quotedLineLimit {
                            unclosed = true
                            break
                        }
                    }
                    position += 1
                }
                if unclosed {
                    problem =
                        problem ?? (
                            "a quote opened in column \(field + 1) is not closed within \(Self.quotedLineLimit) lines, so "
                                + "this row is left out and reading goes on with the next line",
                            "close the quote, or double a quote inside the field (\"\")"
                        )
                    if firstBreak >= 0 {
                        position = firstBreak
                        lines = linesBefore
                        if position > start, bytes[position - 1] == carriage { position -= 1 }
                    }
                    contentEnd = position
                } else {
                    contentEnd = min(position, count)
                    position = min(position + 1, count)
                }
                if !unclosed, position < count, bytes[position] != comma, bytes[position] != newline,
                    bytes[position] != carriage
                {
                    problem =
                        problem ?? (
                            "text after a closing quote in column \(field + 1)",
                            "double a quote inside a quoted field (\"\")"
                        )
                    while position < count, bytes[position] != comma, bytes[position] != newline,
                        bytes[position] != carriage
                    { position += 1 }
                }
            } else {
                position = Self.nextStop(bytes, from: position)
                contentEnd = position
            }
            if field < slotTable.first.count, slotTable.first[field] >= 0, problem == nil {
                let value = UnsafeBufferPointer(rebasing: bytes[contentStart..<contentEnd])
                let slot = slotTable.first[field], second = slotTable.second[field]
                if !store(value, escaped: escaped, slot: slot, state: &state) {
                    problem = cellProblem(value, slot: slot)
                } else if second >= 0, !store(value, escaped: escaped, slot: second, state: &state) {
                    problem = cellProblem(value, slot: second)
                }
            }
            guard position < count else {
                if !atEOF { return abandon(&state) }
                break
            }
            let byte = bytes[position]
            if byte == comma {
                position += 1
                field += 1
                continue
            }
            if byte == carriage {
                if position + 1 < count {
                    position += bytes[position + 1] == newline ? 2 : 1
                } else if !atEOF {
                    return abandon(&state)
                } else {
                    position += 1
                }
            } else {
                position += 1
            }
            lines += 1
            break
        }
        state.lines += lines
        let fields = field + 1
        if fields == 1, position - start <= 2, bytes[start] == newline || bytes[start] == carriage {
            // A blank line: the empty cell stored for its one field is not a row's.
            _ = abandon(&state)
            return position
        }
        if problem == nil, fields != header.count {
            problem = Self.fieldCountProblem(
                fields: fields, expected: header.count, bytes: UnsafeBufferPointer(rebasing: bytes[start..<position]))
        }
        if let problem {
            reject(problem, line: line, state: &state)
            return position
        }
        // A good row has every column, so every requested column got its value.
        state.rows += 1
        return position
    }

    /// The next comma or line end at or after `start`, sixteen bytes at a time where the CPU has
    /// SSE2 (`CByteSearch`), then eight: finding where fields end is where the scanner spends
    /// its time, and most fields are several bytes long.
    @inline(__always)
    private static func nextStop(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var position = start
        let count = bytes.count
        if let base = bytes.baseAddress {
            if LOCKSTEP_HAS_SSE2 == 1 {
                while position + 16 <= count {
                    let stops = lockstep_field_stops16(base + position)
                    if stops != 0 { return position + stops.trailingZeroBitCount }
                    position += 16
                }
            }
            while position + 8 <= count {
                let word = UInt64(littleEndian: UnsafeRawPointer(base + position).loadUnaligned(as: UInt64.self))
                let hits =
                    zeroBytes(word ^ 0x2C2C_2C2C_2C2C_2C2C) | zeroBytes(word ^ 0x0A0A_0A0A_0A0A_0A0A)
                    | zeroBytes(word ^ 0x0D0D_0D0D_0D0D_0D0D)
                // The lowest flagged byte is always a true match (the trick's false flags only sit above one).
                if hits != 0 { return position + hits.trailingZeroBitCount / 8 }
                position += 8
            }
        }
        while position < count {
            let byte = bytes[position]
            if byte == 0x2C || byte == 0x0A || byte == 0x0D { return position }
            position += 1
        }
        return position
    }

    /// The high bit of each byte of `word` that is zero.
    @inline(__always)
    private static func zeroBytes(_ word: UInt64) -> UInt64 {
        (word &- 0x0101_0101_0101_0101) & ~word & 0x8080_8080_8080_8080
    }

    /// Drops what was stored of a record left unfinished; -1, for `record` to return.
    func abandon(_ state: inout Result) -> Int {
        for slot in state.columns.indices { state.columns.slots[slot].truncate(to: state.rows) }
        return -1
    }
}

/// A scanner's column slots in memory of their own, freed with the last scanner that holds them.
final class SlotTable: @unchecked Sendable {
    let first: UnsafeBufferPointer<Int>
    let second: UnsafeBufferPointer<Int>

    init(first: [Int], second: [Int]) {
        self.first = UnsafeBufferPointer(Self.copy(first))
        self.second = UnsafeBufferPointer(Self.copy(second))
    }

    private static func copy(_ values: [Int]) -> UnsafeMutableBufferPointer<Int> {
        let memory = UnsafeMutableBufferPointer<Int>.allocate(capacity: values.count)
        _ = memory.initialize(from: values)
        return memory
    }

    deinit {
        first.deallocate()
        second.deallocate()
    }
}
