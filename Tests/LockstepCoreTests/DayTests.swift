import Testing

@testable import LockstepCore

/// Dates in 1901-2099 take a shorter way to their day number than other years do; both ways
/// must give the same day, and refuse the same days a month does not have.
@Suite("Calendar days")
struct DayTests {
    @Test("every day 1901-2099, and every day a month does not have, comes out as days from civil says")
    func centuryAsCivil() {
        var checked = 0
        for year in 1901...2099 {
            for month in 0...13 {
                for day in -1...32 {
                    let fast = Day.daysInCentury(year: year, month: month, day: day)
                    let general = Day.daysFromCivil(year: year, month: month, day: day)
                    if fast != general {
                        Issue.record(
                            "\(year)-\(month)-\(day): \(String(describing: fast)) vs \(String(describing: general))")
                        return
                    }
                    checked += fast == nil ? 0 : 1
                }
            }
        }
        // 199 years of 365 days, and a leap day in each of the 49 years 1904, 1908, ... 2096.
        #expect(checked == 199 * 365 + 49)
    }

    @Test("known days: the epoch, the ends of the century, leap days kept and refused")
    func knownDays() {
        #expect(Day(year: 1970, month: 1, day: 1)?.daysSinceEpoch == 0)
        #expect(Day(year: 1969, month: 12, day: 31)?.daysSinceEpoch == -1)
        #expect(Day(year: 2024, month: 3, day: 15)?.daysSinceEpoch == 19_797)
        #expect(Day(year: 1901, month: 1, day: 1)?.daysSinceEpoch == -25_202)
        #expect(Day(year: 2099, month: 12, day: 31)?.daysSinceEpoch == 47_481)
        #expect(Day(year: 2000, month: 2, day: 29)?.daysSinceEpoch == 11_016)
        #expect(Day(year: 1900, month: 2, day: 29) == nil)
        #expect(Day(year: 2100, month: 2, day: 29) == nil)
        #expect(Day(year: 2023, month: 2, day: 29) == nil)
        #expect(Day(year: 2024, month: 4, day: 31) == nil)
    }
}
