/// A span of time written `48h`, `2d`, `90d`, `30m` or `2w`.
public struct WorkbookDuration: Hashable, Sendable, CustomStringConvertible {
    public let seconds: Int
    /// The text as written, so a save writes back what the user wrote.
    public let text: String

    public init?(_ text: String) {
        guard let unit = text.last, let amount = Int(text.dropLast()), amount >= 0 else { return nil }
        let unitSeconds: Int
        switch unit {
        case "m": unitSeconds = 60
        case "h": unitSeconds = 3_600
        case "d": unitSeconds = 86_400
        case "w": unitSeconds = 604_800
        default: return nil
        }
        let (seconds, overflow) = amount.multipliedReportingOverflow(by: unitSeconds)
        guard !overflow else { return nil }
        self.seconds = seconds
        self.text = text
    }

    public var description: String { text }
}
