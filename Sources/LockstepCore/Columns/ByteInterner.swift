#if canImport(Glibc)
import Glibc
#endif

/// Gives each distinct byte string one code, for dictionary-encoded text columns.
///
/// Written here because a Swift `Dictionary<String, Int32>` needs a String per cell, which is
/// most of the cost of loading a text column; this table hashes the field's bytes in place.
struct ByteInterner {
    private var storage: [UInt8] = []
    private var starts: [Int] = []
    private var lengths: [Int] = []
    /// Open addressing. A slot holds all a lookup compares, so that finding a value reads one
    /// slot and nothing else (three arrays read per lookup were a third of its instructions).
    private var slots = [Slot](repeating: Slot(), count: 64)

    private struct Slot {
        /// A value of up to 32 bytes as its bytes in four words (compared without reading
        /// `storage`: a CRM's text values are mostly that short); a longer value by its hash.
        var key = Key()
        var length: Int32 = 0
        /// -1 for a free slot.
        var code: Int32 = -1
    }

    /// Up to 32 bytes, packed so that two values of one length are equal exactly when their keys are.
    struct Key: Equatable {
        var first: UInt64 = 0, second: UInt64 = 0, third: UInt64 = 0, fourth: UInt64 = 0

        /// Reads the bytes through loads that overlap rather than one byte at a time: every byte
        /// is in some word, and the length (kept beside) tells how the words overlap.
        @inline(__always)
        init(_ base: UnsafeRawPointer, count: Int) {
            func word(_ offset: Int) -> UInt64 { base.loadUnaligned(fromByteOffset: offset, as: UInt64.self) }
            switch count {
            case 0: break
            case 1...3:
                first =
                    UInt64(base.load(as: UInt8.self))
                    | UInt64(base.load(fromByteOffset: count >> 1, as: UInt8.self)) << 8
                    | UInt64(base.load(fromByteOffset: count - 1, as: UInt8.self)) << 16
            case 4...7:
                first =
                    UInt64(base.loadUnaligned(as: UInt32.self))
                    | UInt64(base.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self)) << 32
            case 8...16:
                first = word(0)
                second = word(count - 8)
            default:
                first = word(0)
                second = word(8)
                third = word(count - 16)
                fourth = word(count - 8)
            }
        }

        init() {}

        /// A longer value's key: its hash, with its bytes compared in `storage`.
        init(hash: UInt64) { first = hash }

        @inline(__always)
        func hash(count: Int) -> UInt64 {
            var hash = (first ^ UInt64(count)) &* 0x9E37_79B9_7F4A_7C15
            hash ^= second &* 0xBF58_476D_1CE4_E5B9
            hash ^= third &* 0x94D0_49BB_1331_11EB
            hash ^= fourth &* 0xC2B2_AE3D_27D4_EB4F
            return hash ^ (hash >> 29) ^ (hash >> 47)
        }
    }

    var count: Int { starts.count }

    mutating func code(for bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
        let length = bytes.count
        let short = length <= 32
        let key: Key
        if short {
            key = bytes.baseAddress.map { Key(UnsafeRawPointer($0), count: length) } ?? Key()
        } else {
            key = Key(hash: Self.hash(bytes))
        }
        let mask = slots.count &- 1
        var slot = Int(truncatingIfNeeded: short ? key.hash(count: length) : key.first) & mask
        while true {
            let entry = slots[slot]
            if entry.code < 0 { break }
            if entry.length == Int32(truncatingIfNeeded: length), entry.key == key,
                short || equal(Int(entry.code), bytes)
            {
                return entry.code
            }
            slot = (slot &+ 1) & mask
        }
        let code = Int32(starts.count)
        starts.append(storage.count)
        lengths.append(length)
        storage.append(contentsOf: bytes)
        slots[slot] = Slot(key: key, length: Int32(truncatingIfNeeded: length), code: code)
        if starts.count * 2 > slots.count { grow() }
        return code
    }

    /// The distinct values as Strings, in code order.
    var strings: [String] {
        storage.withUnsafeBufferPointer { all in
            (0..<starts.count).map { code in
                String(
                    decoding: UnsafeBufferPointer(rebasing: all[starts[code]..<(starts[code] + lengths[code])]),
                    as: UTF8.self)
            }
        }
    }

    /// A value longer than 32 bytes, compared here eight bytes at a time: a call to memcmp
    /// costs more than the comparison at these lengths.
    private func equal(_ code: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = bytes.count
        guard let base = bytes.baseAddress else { return true }
        return storage.withUnsafeBufferPointer { all in
            let stored = UnsafeRawPointer(all.baseAddress! + starts[code])
            let given = UnsafeRawPointer(base)
            var index = 0
            while index + 8 <= count {
                if stored.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                    != given.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                {
                    return false
                }
                index += 8
            }
            while index < count {
                if stored.load(fromByteOffset: index, as: UInt8.self)
                    != given.load(fromByteOffset: index, as: UInt8.self)
                {
                    return false
                }
                index += 1
            }
            return true
        }
    }

    /// Forgets every value, keeping the memory for the next batch of a streamed export.
    mutating func removeAll() {
        storage.removeAll(keepingCapacity: true)
        starts.removeAll(keepingCapacity: true)
        lengths.removeAll(keepingCapacity: true)
        for index in slots.indices { slots[index] = Slot() }
    }

    private mutating func grow() {
        let old = slots
        slots = [Slot](repeating: Slot(), count: slots.count * 2)
        let mask = slots.count - 1
        for entry in old where entry.code >= 0 {
            let length = Int(entry.length)
            var slot = Int(truncatingIfNeeded: length <= 32 ? entry.key.hash(count: length) : entry.key.first) & mask
            while slots[slot].code >= 0 { slot = (slot + 1) & mask }
            slots[slot] = entry
        }
    }

    /// A value longer than 32 bytes: eight bytes at a time, each word mixed in by multiplication,
    /// then a final mix so the low bits used for the slot depend on every byte.
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
        var index = 0
        if let base = bytes.baseAddress {
            while index + 8 <= bytes.count {
                let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                hash = (hash ^ word) &* 0xbf58_476d_1ce4_e5b9
                hash ^= hash >> 31
                index += 8
            }
        }
        var tail: UInt64 = 0
        while index < bytes.count {
            tail = tail << 8 | UInt64(bytes[index])
            index += 1
        }
        hash = (hash ^ tail) &* 0x94d0_49bb_1331_11eb
        return hash ^ (hash >> 29)
    }
}
