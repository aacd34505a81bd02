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
    /// Per code: a value of up to 32 bytes as its bytes in four words (compared without reading
    /// `storage`: a CRM's text values are mostly that short, and comparing them word by word
    /// was most of the cost of interning); a longer value as zeros, compared byte by byte.
    private var keys: [Key] = []
    /// Open addressing; -1 is a free slot.
    private var slots = [Int32](repeating: -1, count: 64)

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
        let key = short ? bytes.baseAddress.map { Key(UnsafeRawPointer($0), count: length) } ?? Key() : Key()
        let hash = short ? key.hash(count: length) : Self.hash(bytes)
        var slot = Int(truncatingIfNeeded: hash) & (slots.count - 1)
        while true {
            let code = slots[slot]
            if code < 0 { break }
            if hashes[Int(code)] == hash, lengths[Int(code)] == length, keys[Int(code)] == key,
                short || equal(Int(code), bytes)
            {
                return code
            }
            slot = (slot + 1) & (slots.count - 1)
        }
        let code = Int32(starts.count)
        starts.append(storage.count)
        lengths.append(length)
        hashes.append(hash)
        keys.append(key)
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
        hashes.removeAll(keepingCapacity: true)
        keys.removeAll(keepingCapacity: true)
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
