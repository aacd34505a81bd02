import LockstepCore

/// A marketing activity or piece of content, and what in the sales process it supports.
public struct Activity: Sendable {
    /// Kinds the format names; others are accepted, these are what completion offers.
    public static let knownKinds = ["content", "campaign", "event", "email", "webinar", "case-study",
                                    "tool", "battlecard", "enablement"]
    public static let responseChannels = ["email", "web-form", "phone", "event", "chat"]
    /// The kinds that prepare sales rather than speak to buyers: what `enablement:` must name.
    public static let enablementKinds = ["enablement", "battlecard"]

    /// Who follows up a response, and how.
    public struct FollowUp: Sendable {
        public var channel: String?
        public var owner: String?
    }

    /// Strengths, weaknesses, opportunities and threats (“Sales and Marketing – Align, Define and Make Money”).
    public struct SWOT: Sendable {
        public var strengths: String?
        public var weaknesses: String?
        public var opportunities: String?
        public var threats: String?
    }

    public var id: String
    public var name: String
    public var kind: String?
    public var stages: [Located<String>] = []
    /// Lead stages and recycle tracks it supports: lead-generation and nurture programs.
    public var leadStages: [Located<String>] = []
    public var personas: [Located<String>] = []
    public var needs: [Located<String>] = []
    public var channel: String?
    public var cta: String?
    public var response: String?
    public var followUp: FollowUp?
    public var enablement: Located<String>?
    public var kpi: String?
    /// What the KPI measures, when its words do not say it (`activity`, `engagement`, `pipeline`, `revenue`).
    public var kpiKind: String?
    /// What its message is about, set against the strategy (MK015): a basis of innovation or a value.
    public var theme: String?
    /// The value the CRM's lead-source column gives the leads this activity brings in, so the
    /// funnel can be traced to it (`funnel --by source`).
    public var crmSource: String?
    public var owner: String?
    public var reviewed: Day?
    public var swot: SWOT?
    public var location: SourceLocation?

    public init(id: String, name: String) {
        self.id = id
        self.name = name
    }
}
