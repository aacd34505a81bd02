/// The fast path: a plain record, read through a `FieldCursor`; anything else is left to
/// `record`, which reads byte by byte and names what is wrong.
extension ChunkScanner {
    /// Reads the record at `start` when it is plain: one field per header column, each bare or
    /// wholly quoted with any quote inside doubled, no line break inside quotes, and every cell of
    /// its column's type. Returns where the next record begins; or nil, having dropped what it
    /// stored, when the record is not plain or runs past the cursor's last block. `slots` and
    /// `seconds` are the scanner's `slotTable`.
    @inline(__always)
    func plainRecord(
        in bytes: UnsafeBufferPointer<UInt8>, at start: Int, slots: UnsafeBufferPointer<Int>,
        seconds: UnsafeBufferPointer<Int>, cursor: inout FieldCursor, state: inout Result
    ) -> Int? {
        let quote: UInt8 = 0x22, comma: UInt8 = 0x2C, newline: UInt8 = 0x0A, carriage: UInt8 = 0x0D
        // A blank line is skipped, not read as a row: `record` knows how.
        guard start < bytes.count, bytes[start] != newline, bytes[start] != carriage else { return nil }
        let fields = header.count
        var fieldStart = start
        for field in 0..<fields {
            guard let stop = cursor.next() else { return notPlain(&state) }
            var contentStart = fieldStart, contentEnd = stop.offset, escaped = false
            if stop.quotes != .none {
                guard bytes[contentStart] == quote, contentEnd - contentStart >= 2, bytes[contentEnd - 1] == quote
                else { return notPlain(&state) }
                contentStart += 1
                contentEnd -= 1
                if stop.quotes == .other {
                    guard Self.quotesDoubled(UnsafeBufferPointer(rebasing: bytes[contentStart..<contentEnd])) else {
                        return notPlain(&state)
                    }
                    escaped = true
                }
            }
            let slot = slots[field]
            if slot >= 0 {
                // A bad cell makes the row bad: `record` reads it again and says why.
                let value = UnsafeBufferPointer(rebasing: bytes[contentStart..<contentEnd])
                guard store(value, escaped: escaped, slot: slot, state: &state) else { return notPlain(&state) }
                let second = seconds[field]
                if second >= 0, !store(value, escaped: escaped, slot: second, state: &state) {
                    return notPlain(&state)
                }
            }
            let byte = bytes[stop.offset]
            if field + 1 < fields {
                guard byte == comma else { return notPlain(&state) }
                fieldStart = stop.offset + 1
                continue
            }
            guard byte != comma else { return notPlain(&state) }
            var next = stop.offset + 1
            if byte == carriage {
                guard next < bytes.count else { return notPlain(&state) }
                if bytes[next] == newline {
                    guard cursor.next()?.offset == next else { return notPlain(&state) }
                    next += 1
                }
            }
            state.lines += 1
            state.rows += 1
            return next
        }
        return notPlain(&state)
    }

    /// Drops what was stored of the record; nil, for `record` to read it.
    private func notPlain(_ state: inout Result) -> Int? {
        _ = abandon(&state)
        return nil
    }

    /// Whether every quote in a quoted field's content is one of a doubled pair.
    static func quotesDoubled(_ content: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index < content.count {
            if content[index] == 0x22 {
                guard index + 1 < content.count, content[index + 1] == 0x22 else { return false }
                index += 2
            } else {
                index += 1
            }
        }
        return true
    }

    /// Counts a row that was read but not loaded, and drops what it stored.
    func reject(_ problem: (message: String, fix: String), line: Int, state: inout Result) {
        state.badRowCount += 1
        if state.badRows.count < BadRow.keptLimit {
            state.badRows.append(BadRow(line: line, problem: problem.message, fix: problem.fix))
        }
        for slot in state.columns.indices { state.columns.slots[slot].truncate(to: state.rows) }
    }
}
