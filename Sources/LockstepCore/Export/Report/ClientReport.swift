/// The audit a consultant hands the client at the end of a workshop, as data: a ranked summary,
/// each plugin's sections, the recommendations, an appendix, and, for the team only, a technical
/// appendix. The Markdown and HTML writers render the same content in the same order.
public struct ClientReport {
    /// Who reads it: the client gets business words only; the team also gets the technical
    /// appendix (ids, field names, commands, line numbers, the sources of each rule).
    public enum Audience: String, Sendable, CaseIterable {
        case client, team
    }

    public var title: String
    /// What the report is about (`Sales and marketing alignment`), from the plugins.
    public var subject: String
    public var source: String
    public var today: Day
    public var toolVersion: String
    public var audience: Audience
    public var sections: [ReportSection]
    public var findings: [Finding]
    public var rules: [any Check]
    /// The open findings as ranked actions (`Recommendation.ranked`).
    public var recommendations: [Recommendation]
    /// The names a client knows the findings' targets by.
    let names: TargetNames

    public init(
        title: String, subject: String = "Workbook report", source: String, today: Day, toolVersion: String,
        audience: Audience = .client, sections: [ReportSection], findings: [Finding], rules: [any Check],
        workbook: Workbook
    ) {
        self.title = title
        self.subject = subject
        self.source = source
        self.today = today
        self.toolVersion = toolVersion
        self.audience = audience
        self.sections = sections.filter { audience == .team || $0.part != .technical }
            .sorted { ($0.part, $0.order) < ($1.part, $1.order) }
        self.findings = findings
        self.rules = rules
        self.names = TargetNames(workbook)
        self.recommendations = Recommendation.ranked(findings, rules: rules, names: names)
    }

    /// The three to five things that matter most: the first recommendations, suggestions only
    /// when fewer than three more pressing ones exist.
    public var keyPoints: [Recommendation] {
        let pressing = recommendations.filter { $0.severity > .info }
        return Array((pressing.count >= 3 ? pressing : recommendations).prefix(5))
    }

    public func sections(in part: ReportSection.Part) -> [ReportSection] { sections.filter { $0.part == part } }

    /// The findings accepted by a waiver, with the waiver's reason.
    public var accepted: [Finding] { findings.filter { $0.waivedBecause != nil } }

    /// How pressing a recommendation is, in client words.
    public static func urgency(_ severity: Severity) -> String {
        switch severity {
        case .error: return "Urgent"
        case .warning: return "Important"
        case .info: return "Worth doing"
        }
    }

    /// One line on how many actions there are and how pressing, for the summary.
    public var overview: String {
        guard !recommendations.isEmpty else {
            return "Nothing needs action: every check passed."
        }
        let urgent = recommendations.filter { $0.severity == .error }.count
        let count = recommendations.count
        var text = "\(count) action\(count == 1 ? " is" : "s are") recommended"
        if urgent > 0 { text += ", \(urgent) of \(count == 1 ? "it" : "them") urgent" }
        return text + ". What matters most:"
    }

    /// A key point as one sentence with its figure.
    public static func sentence(_ recommendation: Recommendation) -> String {
        guard let figure = recommendation.figures.first else { return recommendation.problem }
        return recommendation.problem + " " + figure.prefix(1).uppercased() + figure.dropFirst() + "."
    }
}
