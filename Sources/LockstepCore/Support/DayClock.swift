#if canImport(Glibc)
import Glibc
#endif

/// The one source of "today" for every rule, waiver, report, query and the tour.
///
/// A run reads the system's date unless told otherwise, so that an old commit re-checked later
/// can give the verdict it gave then: `--today YYYY-MM-DD` pins the day, and so does the
/// `SOURCE_DATE_EPOCH` convention of reproducible builds (seconds since 1970, read as UTC).
public struct DayClock: Sendable, Equatable {
    /// The pinned day, or nil to read the system's date each time.
    public let pinned: Day?

    public static let system = DayClock(pinned: nil)

    public static func pinned(_ day: Day) -> DayClock { DayClock(pinned: day) }

    private init(pinned: Day?) { self.pinned = pinned }

    public var today: Day { pinned ?? Self.systemToday() }

    /// Why a pinned day could not be read.
    public struct Failure: Error, Equatable, Sendable {
        public var message: String
        public var fix: String
    }

    /// `--today` when given, else `SOURCE_DATE_EPOCH` when set, else the system's date.
    public static func resolve(
        today option: String?, environment: (String) -> String? = FileSystem.environment
    )
        throws(Failure) -> DayClock
    {
        if let option {
            guard let day = Day(iso: option) else {
                throw Failure(
                    message: "--today takes a date written YYYY-MM-DD, not '\(Sanitized.excerpt(option))'",
                    fix: "e.g. --today 2026-06-01")
            }
            return .pinned(day)
        }
        if let epoch = environment("SOURCE_DATE_EPOCH"), !epoch.isEmpty {
            guard let seconds = Int(epoch), seconds >= 0 else {
                throw Failure(
                    message:
                        "SOURCE_DATE_EPOCH must be a whole number of seconds since 1970, not '\(Sanitized.excerpt(epoch))'",
                    fix: "e.g. SOURCE_DATE_EPOCH=$(git log -1 --format=%ct), or unset it")
            }
            return .pinned(Day(daysSinceEpoch: seconds / 86_400))
        }
        return .system
    }

    /// Today's date in the local time zone. The only place the program reads the real date.
    private static func systemToday() -> Day {
        var now = time(nil)
        var parts = tm()
        localtime_r(&now, &parts)
        return Day(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday))
            ?? Day(daysSinceEpoch: Int(now / 86_400))
    }
}
