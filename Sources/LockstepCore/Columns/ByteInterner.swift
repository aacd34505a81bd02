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
    private var hashes: [UInt64] = []
    /// Open addressing; -1 is a free slot.
    private var slots = [Int32](repeating: -1, count: 64)

    var count: Int { starts.count }

    mutating func code(for bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
        let hash = Self.hash(bytes)
        var slot = Int(truncatingIfNeeded: hash) & (slots.count - 1)
        while true {
            let code = slots[slot]
            if code < 0 { break }
            if hashes[Int(code)] == hash, equal(Int(code), bytes) { return code }
            slot = (slot + 1) & (slots.count - 1)
        }
        let code = Int32(starts.count)
        starts.append(storage.count)
        lengths.append(bytes.count)
        hashes.append(hash)
        storage.append(contentsOf: bytes)
        slots[slot] = code
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

    /// Compared here, eight bytes at a time: most values are a few words long, where a call to
    /// memcmp costs more than the comparison.
    private func equal(_ code: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = bytes.count
        guard lengths[code] == count else { return false }
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
        hashes.removeAll(keepingCapacity: true)
        for index in slots.indices { slots[index] = -1 }
    }

    private mutating func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        for code in 0..<hashes.count {
            var slot = Int(truncatingIfNeeded: hashes[code]) & (slots.count - 1)
            while slots[slot] >= 0 { slot = (slot + 1) & (slots.count - 1) }
            slots[slot] = Int32(code)
        }
    }

    /// Eight bytes at a time, each word mixed in by multiplication, then a final mix so the low
    /// bits used for the slot depend on every byte.
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
