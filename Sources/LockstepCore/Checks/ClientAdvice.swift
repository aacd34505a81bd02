/// How a rule's findings read in a client's report: business words only, no ids, field names,
/// commands or citations (those stay in the rule's `explanation`, for the technical appendix).
///
/// `problem` and `action` may hold `{who}` and `{where}`: the report fills them from the findings
/// it groups (the people concerned, the places named and joined: "Proposal and Negotiation").
public struct ClientAdvice: Sendable {
    /// What goes wrong, one sentence a VP of Sales understands: "Nothing reaches {who} at {where}."
    public let problem: String
    /// What to do, in business words: "Give {who} content of their own for {where}."
    public let action: String
    /// What it costs the business when left as it is.
    public let stake: String

    public init(problem: String, action: String, stake: String) {
        self.problem = problem
        self.action = action
        self.stake = stake
    }

    /// The placeholders `problem` and `action` may hold.
    public static let placeholders = ["{who}", "{where}"]
}

/// How a finding weighs against others of its severity, set by the rule that knows the domain
/// (the core ranks without knowing what a phase or a buying role is).
public struct Impact: Sendable, Equatable {
    /// Smaller is more important (a decision stage before an awareness one); nil ranks last.
    public var priority: Int?
    /// The share of the data behind the finding, 0...1 (the share of leads never called): more is worse.
    public var evidence: Double?

    public init(priority: Int? = nil, evidence: Double? = nil) {
        self.priority = priority
        self.evidence = evidence
    }

    /// Severity first (an error before any warning), then priority, then evidence, then the
    /// order given: one order for `gaps`, the Markdown report and the HTML report.
    public static func ranks(_ a: (Severity, Impact), before b: (Severity, Impact)) -> Bool {
        if a.0 != b.0 { return a.0 > b.0 }
        let left = a.1.priority ?? Int.max, right = b.1.priority ?? Int.max
        if left != right { return left < right }
        return (a.1.evidence ?? -1) > (b.1.evidence ?? -1)
    }
}

/// A finding in client words, as the rule wrote it: who is concerned and where, with the figure behind it.
public struct ClientTerms: Sendable, Equatable {
    /// The people concerned, by name ("the IT architect"); groups findings into one action.
    public var who: String?
    /// Where, by name ("Proposal"); when nil the report names the finding's target item.
    public var place: String?
    /// The figure behind it, in words ("7 of 15 hand-offs (46.7%) missed the 48-hour first touch").
    public var figure: String?

    public init(who: String? = nil, place: String? = nil, figure: String? = nil) {
        self.who = who
        self.place = place
        self.figure = figure
    }
}
