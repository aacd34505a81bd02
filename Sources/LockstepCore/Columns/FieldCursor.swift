import CByteSearch

/// Hands out the ends of CSV fields (commas and line breaks outside quotes) sixty-four bytes at a
/// time, from bit masks of the bytes (`CByteSearch`), the way SIMD CSV and JSON parsers index
/// their input.
///
/// Whether a byte is inside quotes is the parity of the quotes before it (a prefix XOR of the
/// quote mask), which reads a doubled quote right too. That parity assumes the cursor starts at
/// a record's start; `ChunkScanner` checks every record it reads this way and starts a cursor
/// afresh after any record it had to read byte by byte.
struct FieldCursor {
    /// A field's end, with what the scanner needs to check the field without reading it again.
    struct Stop {
        /// The comma or line break that ends the field.
        var offset: Int
        var quotes: Quotes
    }

    /// The quotes in a field: counted only as far as the check needs (x86-64's baseline has no
    /// instruction that counts bits, and the count would cost more than the rest of the search).
    enum Quotes {
        case none
        /// Exactly two, within one block: a plain quoted field when they open and close it.
        case two
        /// Any other number: the field is checked byte by byte.
        case other
    }

    private let base: UnsafePointer<UInt8>?
    private let count: Int
    private var blockStart: Int
    /// Commas and line breaks outside quotes in the block, not handed out yet.
    private var stops: UInt64 = 0
    /// Quotes in the block not counted into a field yet.
    private var quotes: UInt64 = 0
    /// Line breaks inside quotes in the block, not passed yet.
    private var quotedBreaks: UInt64 = 0
    /// All ones when the block before ended inside quotes.
    private var inside: UInt64 = 0

    /// A cursor at `start`, which must be a record's start. With fewer than 64 bytes left, or not
    /// `enabled`, it hands out nothing.
    init(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int, enabled: Bool = true) {
        base = bytes.baseAddress
        count = bytes.count
        guard enabled, base != nil, start + 64 <= count else {
            blockStart = count
            return
        }
        blockStart = start
        load()
    }

    /// The next field's end; nil when it lies beyond the last whole block, or a quoted field
    /// holds a line break (the scanner reads such a record byte by byte, counting its lines).
    @inline(__always)
    mutating func next() -> Stop? {
        var earlier = false
        while stops == 0 {
            if quotedBreaks != 0 { return nil }
            earlier = earlier || quotes != 0
            blockStart += 64
            if blockStart + 64 > count { return nil }
            load()
        }
        let below = (stops & (0 &- stops)) &- 1
        if quotedBreaks & below != 0 { return nil }
        let mine = quotes & below
        quotes &= ~below
        let offset = blockStart + stops.trailingZeroBitCount
        stops &= stops &- 1
        if mine == 0 { return Stop(offset: offset, quotes: earlier ? .other : .none) }
        let second = mine & (mine &- 1)
        let two = !earlier && second != 0 && second & (second &- 1) == 0
        return Stop(offset: offset, quotes: two ? .two : .other)
    }

    private mutating func load() {
        let masks = lockstep_csv_masks64(base! + blockStart)
        // Bit i of `parity` is set when an odd number of quotes is at or before byte i.
        var parity = masks.quotes
        parity ^= parity << 1
        parity ^= parity << 2
        parity ^= parity << 4
        parity ^= parity << 8
        parity ^= parity << 16
        parity ^= parity << 32
        let quoted = parity ^ inside
        inside = UInt64(bitPattern: Int64(bitPattern: quoted) >> 63)
        stops = (masks.commas | masks.breaks) & ~quoted
        quotes = masks.quotes
        quotedBreaks = masks.breaks & quoted
    }
}
