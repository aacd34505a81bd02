/// How much a finding matters; the order is the order of `--fail-on` thresholds.
public enum Severity: String, Sendable, Comparable, CaseIterable {
    case info, warning, error

    private var rank: Int {
        switch self {
        case .info: return 0
        case .warning: return 1
        case .error: return 2
        }
    }

    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
}

/// One problem a check found, kept as data so every output format can be built from it.
public struct Finding: Sendable, Equatable {
    public var rule: String
    public var severity: Severity
    public var message: String
    /// The offending item's id path, e.g. `new-business/negotiation`.
    public var target: String
    public var location: SourceLocation?
    /// The waiver's reason, when a waiver covers the finding (it is still reported).
    public var waivedBecause: String?
    /// The rule could not be applied (its CRM data did not load): said, but neither a finding
    /// nor a failure; reports show it as a notice of the run.
    public var isNotice = false
    /// A notice that the program behind the rule failed (an external plugin crashed or hung):
    /// a batch run that needed it ends with exit 2, as for a workbook it could not read.
    public var isToolFailure = false
    /// The baseline given to the run accepts this finding: reported, but no longer a failure.
    public var inBaseline = false
    /// How it weighs against findings of the same severity (see `Impact.ranks`).
    public var impact = Impact()
    /// The finding in client words, for the report's recommendations.
    public var terms = ClientTerms()

    /// Counts toward the verdict: neither waived, nor in the baseline, nor a notice.
    public var isOpen: Bool { waivedBecause == nil && !isNotice && !inBaseline }

    public init(rule: String, severity: Severity, message: String, target: String, location: SourceLocation?) {
        self.rule = rule
        self.severity = severity
        self.message = message
        self.target = target
        self.location = location
    }
}
