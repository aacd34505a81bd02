/// How a CRM export writes its dates: the order of day, month and year, e.g. `DD-MM-YYYY`.
///
/// A time of day may follow any date (`2024-03-15T13:45:12Z`, `26-02-2018 19:58`); it is kept
/// as a fraction of the day, so `first_touch_at - mql_at > 48h` measures hours, not days.
/// ISO-8601 (year first) is always understood, whatever the format says, because it is
/// never ambiguous.
public struct DateFormat: Sendable, Equatable, CustomStringConvertible {
    public enum Order: Sendable, Equatable { case yearMonthDay, dayMonthYear, monthDayYear }

    public let order: Order
    public let description: String

    public static let iso = DateFormat(order: .yearMonthDay, description: "YYYY-MM-DD")
    /// The formats `date_format` accepts, as a user writes them.
    public static let known: [DateFormat] = [
        .iso,
        DateFormat(order: .dayMonthYear, description: "DD-MM-YYYY"),
        DateFormat(order: .dayMonthYear, description: "DD/MM/YYYY"),
        DateFormat(order: .dayMonthYear, description: "DD.MM.YYYY"),
        DateFormat(order: .monthDayYear, description: "MM/DD/YYYY"),
        DateFormat(order: .monthDayYear, description: "MM-DD-YYYY"),
    ]

    /// Parses `date_format`; a trailing time pattern (`YYYY-MM-DD HH:MM`) is accepted and implied.
    public init?(_ text: String) {
        let datePart = text.split(separator: " ").first.map(String.init)?.uppercased() ?? ""
        let names = ["ISO", "ISO-8601", "ISO8601"]
        if names.contains(datePart) {
            self = .iso
            return
        }
        guard let known = Self.known.first(where: { $0.description == datePart }) else { return nil }
        self = known
    }

    private init(order: Order, description: String) {
        self.order = order
        self.description = description
    }

    /// Days since 1970-01-01 in UTC, with the time of day as a fraction; nil when the bytes are not a date.
    public func days(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        if let days = Self.isoTimestamp(bytes) { return days }
        var cursor = ByteCursor(bytes)
        guard let first = cursor.number(maxDigits: 4) else { return nil }
        let yearFirst = first.digits == 4
        guard let separator = cursor.take(where: { $0 == 0x2D || $0 == 0x2F || $0 == 0x2E }),  // - / .
            let second = cursor.number(maxDigits: 2), cursor.take(separator),
            let third = cursor.number(maxDigits: 4)
        else { return nil }
        let year: Int, month: Int, day: Int
        if yearFirst {
            guard third.digits <= 2 else { return nil }
            (year, month, day) = (first.value, second.value, third.value)
        } else {
            guard third.digits == 4, first.digits <= 2, order != .yearMonthDay else { return nil }
            year = third.value
            (day, month) = order == .dayMonthYear ? (first.value, second.value) : (second.value, first.value)
        }
        guard let date = Day(year: year, month: month, day: day) else { return nil }
        guard let seconds = cursor.timeOfDay() else { return nil }
        return Double(date.daysSinceEpoch) + seconds / 86_400
    }
}

extension DateFormat {
    /// `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM:SSZ` at fixed offsets, as most CRMs export them: the
    /// common case read without the general parser's branches, which a date column of millions
    /// of cells feels. Anything else is left to the general parser (nil).
    @inline(__always)
    static func isoTimestamp(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        let count = bytes.count
        guard
            count == 10
                || (count == 20 && bytes[10] == 0x54 && bytes[13] == 0x3A && bytes[16] == 0x3A
                    && bytes[19] == 0x5A),
            bytes[4] == 0x2D, bytes[7] == 0x2D
        else { return nil }
        @inline(__always) func digits(_ at: Int, _ width: Int) -> Int? {
            var value = 0
            for index in at..<(at + width) {
                let digit = bytes[index] &- 0x30
                guard digit < 10 else { return nil }
                value = value * 10 + Int(digit)
            }
            return value
        }
        guard let year = digits(0, 4), let month = digits(5, 2), let day = digits(8, 2),
            let date = Day(year: year, month: month, day: day)
        else { return nil }
        guard count == 20 else { return Double(date.daysSinceEpoch) }
        guard let hours = digits(11, 2), let minutes = digits(14, 2), let seconds = digits(17, 2),
            hours < 24, minutes < 60, seconds < 61
        else { return nil }
        return Double(date.daysSinceEpoch) + Double(hours * 3600 + minutes * 60 + seconds) / 86_400
    }
}

/// Reads numbers and separators off a field's bytes.
struct ByteCursor {
    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    var atEnd: Bool { index >= bytes.count }

    mutating func number(maxDigits: Int) -> (value: Int, digits: Int)? {
        var value = 0, digits = 0
        while index < bytes.count, digits < maxDigits, bytes[index] &- 0x30 < 10 {
            value = value * 10 + Int(bytes[index] &- 0x30)
            digits += 1
            index += 1
        }
        return digits > 0 ? (value, digits) : nil
    }

    mutating func take(where test: (UInt8) -> Bool) -> UInt8? {
        guard index < bytes.count, test(bytes[index]) else { return nil }
        index += 1
        return bytes[index - 1]
    }

    mutating func take(_ byte: UInt8) -> Bool { take(where: { $0 == byte }) != nil }

    /// An optional `[T| ]HH:MM[:SS[.fff]][Z|±HH[:MM]]`, as seconds after midnight UTC; nil when malformed.
    mutating func timeOfDay() -> Double? {
        if atEnd { return 0 }
        guard take(where: { $0 == 0x54 || $0 == 0x20 }) != nil,  // T or space
            let hours = number(maxDigits: 2), take(0x3A), let minutes = number(maxDigits: 2),
            hours.value < 24, minutes.value < 60
        else { return nil }
        var seconds = Double(hours.value * 3600 + minutes.value * 60)
        if take(0x3A) {
            guard let whole = number(maxDigits: 2), whole.value < 61 else { return nil }
            seconds += Double(whole.value)
            if take(0x2E) {
                var scale = 0.1
                while index < bytes.count, bytes[index] &- 0x30 < 10 {
                    seconds += Double(bytes[index] &- 0x30) * scale
                    scale /= 10
                    index += 1
                }
            }
        }
        if take(0x5A) { return atEnd ? seconds : nil }  // Z
        if let sign = take(where: { $0 == 0x2B || $0 == 0x2D }) {
            guard let offsetHours = number(maxDigits: 2) else { return nil }
            _ = take(0x3A)
            let offsetMinutes = number(maxDigits: 2)?.value ?? 0
            let offset = Double(offsetHours.value * 3600 + offsetMinutes * 60)
            seconds += sign == 0x2B ? -offset : offset
        }
        return atEnd ? seconds : nil
    }
}
