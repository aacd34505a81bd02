import LockstepCore

/// The report as the values the Mustache templates read: every string is client text the
/// templates escape, every number is computed here so the templates hold no logic.
struct ReportView {
    struct KeyPoint {
        let number: Int
        let sentence: String
        let urgency: String
        let level: String
    }

    struct Action {
        let number: Int
        let anchor: String
        let action: String
        let problem: String
        let figures: [String]
        let stake: String
        let urgency: String
        let level: String
    }

    let title: String
    let subject: String
    let name: String
    let date: String
    let stylesheet: String
    let overview: String
    let keyPoints: [KeyPoint]
    /// Stored, not computed: the templates read values through reflection.
    let hasKeyPoints: Bool
    let acceptedNote: String?
    let body: [SectionView]
    let actions: [Action]
    let noActions: Bool
    let appendix: [SectionView]
    let technical: TechnicalView?
    /// The live view's script; nil in an exported report.
    let liveScript: String?

    struct TechnicalView {
        let source: String
        let toolVersion: String
        let sections: [SectionView]
    }

    init(_ report: ClientReport, liveScript: String? = nil) {
        self.liveScript = liveScript
        subject = report.subject
        name = report.title
        title = "\(report.subject): \(report.title)"
        date = "\(report.today)"
        stylesheet = ReportTemplates.stylesheet
        overview = report.overview
        keyPoints = report.keyPoints.enumerated().map { number, point in
            KeyPoint(
                number: number + 1, sentence: ClientReport.sentence(point),
                urgency: ClientReport.urgency(point.severity),
                level: point.severity.rawValue)
        }
        hasKeyPoints = !keyPoints.isEmpty
        let accepted = report.accepted.count
        acceptedNote =
            accepted == 0
            ? nil
            : "\(accepted) known gap\(accepted == 1 ? " was" : "s were") accepted on purpose; the appendix lists \(accepted == 1 ? "it" : "them") with the reasons."
        var anchors = Anchors()
        body = report.sections(in: .body).map { SectionView($0, anchors: &anchors) }
        actions = report.recommendations.enumerated().map { number, item in
            Action(
                number: number + 1, anchor: "action-\(number + 1)", action: item.action, problem: item.problem,
                figures: item.figures.map { $0.prefix(1).uppercased() + $0.dropFirst() + "." }, stake: item.stake,
                urgency: ClientReport.urgency(item.severity), level: item.severity.rawValue)
        }
        noActions = report.recommendations.isEmpty
        appendix =
            (report.sections(in: .appendix) + [
                ReportSection(title: "Findings by rule", blocks: report.findingBlocks, order: 0),
                ReportSection(title: "Accepted gaps", blocks: report.acceptedBlocks, order: 0),
            ])
            .map { SectionView($0, anchors: &anchors) }
        if report.audience == .team {
            let sections =
                report.sections(in: .technical) + [
                    ReportSection(title: "Findings by rule", blocks: report.technicalBlocks, order: 0)
                ]
            technical = TechnicalView(
                source: report.source, toolVersion: report.toolVersion,
                sections: sections.map { SectionView($0, anchors: &anchors) })
        } else {
            technical = nil
        }
    }
}

/// Unique ids for sections (`coverage`, `coverage-2`), made of letters, digits and hyphens only.
struct Anchors {
    private var used: Set<String> = []

    mutating func make(_ title: String) -> String {
        var slug = String(title.lowercased().map { $0.isASCII && ($0.isLetter || $0.isNumber) ? $0 : "-" })
        while slug.contains("--") { slug = slug.replacing("--", with: "-") }
        slug = String(slug.drop { $0 == "-" }.reversed().drop { $0 == "-" }.reversed())
        if slug.isEmpty { slug = "section" }
        var candidate = slug, number = 2
        while used.contains(candidate) {
            candidate = "\(slug)-\(number)"
            number += 1
        }
        used.insert(candidate)
        return candidate
    }
}

struct SectionView {
    let anchor: String
    let title: String
    let blocks: [BlockView]

    init(_ section: ReportSection, anchors: inout Anchors) {
        anchor = anchors.make(section.title)
        title = section.title
        blocks = section.blocks.map(BlockView.init)
    }
}
