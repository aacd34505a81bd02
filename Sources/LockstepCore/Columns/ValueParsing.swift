/// Typed values from a CSV field's raw bytes, without making a String first: a million-row
/// export has millions of numbers and dates, and a String per cell would dominate the load.
enum ValueParsing {
    private static let powersOfTen: [Double] = (0...22).map { exponent in
        var value = 1.0
        for _ in 0..<exponent { value *= 10 }
        return value
    }

    /// A decimal number (`42`, `-3.5`, `1e6`); nil when the bytes are not one.
    static func number(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        var index = 0
        var negative = false
        if index < bytes.count, bytes[index] == 0x2D || bytes[index] == 0x2B {
            negative = bytes[index] == 0x2D
            index += 1
        }
        var mantissa: UInt64 = 0
        var digits = 0, fractionDigits = 0
        while index < bytes.count, bytes[index] &- 0x30 < 10 {
            mantissa = mantissa &* 10 &+ UInt64(bytes[index] &- 0x30)
            digits += 1
            index += 1
        }
        if index < bytes.count, bytes[index] == 0x2E {
            index += 1
            while index < bytes.count, bytes[index] &- 0x30 < 10 {
                mantissa = mantissa &* 10 &+ UInt64(bytes[index] &- 0x30)
                digits += 1
                fractionDigits += 1
                index += 1
            }
        }
        // Clinger's fast path: an exact integer below 2^53 over an exact power of ten rounds once.
        if index == bytes.count, digits > 0, digits <= 15 {
            // Whole numbers, the usual case, need no table (whose lazy start is checked on each use).
            let value = fractionDigits == 0 ? Double(mantissa) : Double(mantissa) / powersOfTen[fractionDigits]
            return negative ? -value : value
        }
        return slowNumber(bytes)
    }

    /// Exponents and long mantissas; Swift's parser is exact but wants a String.
    private static func slowNumber(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        // Double("nan"), Double("inf") and hex floats are not numbers a CRM writes.
        guard
            bytes.allSatisfy({ $0 &- 0x30 < 10 || $0 == 0x2E || $0 == 0x2D || $0 == 0x2B || $0 == 0x65 || $0 == 0x45 }),
            let value = Double(String(decoding: bytes, as: UTF8.self)), value.isFinite
        else { return nil }
        return value
    }

    /// 1 for true, 0 for false: `true`/`false`, `yes`/`no`, `y`/`n`, `1`/`0`, any case; nil otherwise.
    static func flag(_ bytes: UnsafeBufferPointer<UInt8>) -> Int8? {
        var word: UInt64 = 0
        guard bytes.count <= 5 else { return nil }
        for byte in bytes { word = word << 8 | UInt64(byte | 0x20) }  // lower-cases ASCII letters
        switch word {
        case 0x74_72_75_65, 0x79_65_73, 0x79, 0x74, 0x31: return 1  // true yes y t 1
        case 0x66_61_6C_73_65, 0x6E_6F, 0x6E, 0x66, 0x30: return 0  // false no n f 0
        default: return nil
        }
    }
}
