import LockstepCore

/// A marketing activity or piece of content, and what in the sales process it supports.
public struct Activity: Sendable {
    /// Kinds the format names; others are accepted, these are what completion offers.
    public static let knownKinds = [
        "content", "campaign", "event", "email", "webinar", "case-study",
        "tool", "battlecard", "enablement",
    ]
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
    /// Its stages, then its personas, then its needs: one list (see `IDList`), read and set
    /// through `stages`, `personas` and `needs`.
    private(set) var linked: [Located<String>] = []
    /// Where its stages and its personas end in `linked`.
    private(set) var stagesEnd: Int32 = 0
    private(set) var personasEnd: Int32 = 0
    public var kpi: String?
    public var owner: String?
    public var reviewed: Day?
    public var location: SourceLocation?
    /// The fields most activities leave empty, kept out of line: a workbook of 200,000
    /// activities would otherwise carry room for all of them in each (see `Details`).
    private var details: DetailsBox?

    public init(id: String, name: String) {
        self.id = id
        self.name = name
    }
}

extension Activity {
    /// Sets its stages, personas and needs at once, in one allocation.
    public mutating func link(
        stages: some Collection<Located<String>>, personas: some Collection<Located<String>>,
        needs: some Collection<Located<String>>
    ) {
        var all: [Located<String>] = []
        let count = stages.count + personas.count + needs.count
        if count > 0 { all.reserveCapacity(count) }
        all += stages
        stagesEnd = Int32(all.count)
        all += personas
        personasEnd = Int32(all.count)
        all += needs
        linked = all
    }
}

extension Activity {
    /// What an activity says beyond its stages, audience and KPI; most say none of it.
    struct Details: Sendable {
        var leadStages: [Located<String>] = []
        var channel: String?
        var cta: String?
        var response: String?
        var followUp: FollowUp?
        var enablement: Located<String>?
        var kpiKind: String?
        var theme: String?
        var crmSource: String?
        var swot: SWOT?
    }

    /// Copied on write, so an activity stays a value. `@unchecked`: the box is only mutated
    /// through `changeDetails`, after it is made unique, so no two activities share a mutable one.
    final class DetailsBox: @unchecked Sendable {
        var value: Details
        init(_ value: Details) { self.value = value }
    }

    /// Applies `change`; setting a field to nothing on an activity without details allocates none.
    private mutating func changeDetails(clearing: Bool, _ change: (inout Details) -> Void) {
        if details == nil {
            if clearing { return }
            details = DetailsBox(Details())
        } else if !isKnownUniquelyReferenced(&details!) {
            details = DetailsBox(details!.value)
        }
        change(&details!.value)
    }

    /// Lead stages and recycle tracks it supports: lead-generation and nurture programs.
    public var leadStages: [Located<String>] {
        get { details?.value.leadStages ?? [] }
        set { changeDetails(clearing: newValue.isEmpty) { $0.leadStages = newValue } }
    }

    public var channel: String? {
        get { details?.value.channel }
        set { changeDetails(clearing: newValue == nil) { $0.channel = newValue } }
    }

    public var cta: String? {
        get { details?.value.cta }
        set { changeDetails(clearing: newValue == nil) { $0.cta = newValue } }
    }

    public var response: String? {
        get { details?.value.response }
        set { changeDetails(clearing: newValue == nil) { $0.response = newValue } }
    }

    public var followUp: FollowUp? {
        get { details?.value.followUp }
        set { changeDetails(clearing: newValue == nil) { $0.followUp = newValue } }
    }

    public var enablement: Located<String>? {
        get { details?.value.enablement }
        set { changeDetails(clearing: newValue == nil) { $0.enablement = newValue } }
    }

    /// What the KPI measures, when its words do not say it (`activity`, `engagement`, `pipeline`, `revenue`).
    public var kpiKind: String? {
        get { details?.value.kpiKind }
        set { changeDetails(clearing: newValue == nil) { $0.kpiKind = newValue } }
    }

    /// What its message is about, set against the strategy (MK015): a basis of innovation or a value.
    public var theme: String? {
        get { details?.value.theme }
        set { changeDetails(clearing: newValue == nil) { $0.theme = newValue } }
    }

    /// The value the CRM's lead-source column gives the leads this activity brings in, so the
    /// funnel can be traced to it (`funnel --by source`).
    public var crmSource: String? {
        get { details?.value.crmSource }
        set { changeDetails(clearing: newValue == nil) { $0.crmSource = newValue } }
    }

    public var swot: SWOT? {
        get { details?.value.swot }
        set { changeDetails(clearing: newValue == nil) { $0.swot = newValue } }
    }
}
