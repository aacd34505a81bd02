import LockstepCore

/// What a KPI measures, from effort to money: `activity` (what was done: posts published),
/// `engagement` (how buyers responded: views, downloads, registrations), `pipeline` (leads and
/// deals it produced: MQLs, meetings, demos, proposals) and `revenue` (money won or kept:
/// bookings, orders, renewals). Closed-loop reporting ties marketing to the last two.
///
/// Read from the KPI's words by the vocabulary below (documented in docs/workbook.md), the
/// weightiest class found winning: "Webinar attendees who book a demo" measures pipeline. A KPI
/// with none of the words is left unclassified, and no rule judges it; `kpi_kind` on the
/// activity says it outright.
enum KPIKind: String, CaseIterable {
    case activity, engagement, pipeline, revenue

    static let names = allCases.map(\.rawValue)

    /// Words that mark each class: whole words for the short ones, word beginnings for the rest.
    static let vocabulary: [(KPIKind, exact: [String], prefixes: [String])] = [
        (
            .revenue, ["arr", "mrr", "acv", "tcv", "won", "revenue", "bookings", "upsell", "margin"],
            ["revenue", "order", "renewal", "purchase", "contract", "cross sell", "upsold", "sold", "spend"]
        ),
        (
            .pipeline,
            [
                "mql", "mqls", "sql", "sqls", "sal", "sals", "lead", "leads", "deal", "deals", "book", "booked",
                "pipeline",
            ],
            [
                "opportunit", "pipeline", "meeting", "demo", "proposal", "quot", "trial", "pilot", "qualif", "sourced",
                "influenced",
                "convert", "conversion", "request", "sign up", "signup", "evaluation", "assessment", "survey",
                "referral", "inquir", "enquir",
            ]
        ),
        (
            .engagement, ["ctr", "reach", "opens", "likes", "shares"],
            [
                "view", "open rate", "click", "download", "registration", "registrant", "attend", "engag", "mention",
                "follower",
                "impression", "visit", "traffic", "reader", "subscriber", "member", "listen", "watch",
            ]
        ),
        (.activity, ["sent", "posts", "published", "produced", "delivered"], ["publish", "number of", "count of"]),
    ]

    /// The class of a KPI's text, or nil when none of the words is there.
    static func classify(_ text: String) -> KPIKind? {
        let folded = Transliteration.folded(text.replacingHyphens)
        let words = folded.split(separator: " ").map(String.init)
        for (kind, exact, prefixes) in vocabulary {
            if words.contains(where: exact.contains) { return kind }
            if prefixes.contains(where: { prefix in
                prefix.contains(" ") || prefix.contains("-")
                    ? folded.contains(Transliteration.folded(prefix)) : words.contains { $0.hasPrefix(prefix) }
            }) {
                return kind
            }
        }
        return nil
    }
}

extension Activity {
    /// What its KPI measures: as `kpi_kind` says, else as its words say; nil when it cannot be told.
    var kpiClass: KPIKind? {
        if let stated = kpiKind.flatMap(KPIKind.init(rawValue:)) { return stated }
        return kpi.flatMap(KPIKind.classify)
    }
}

private extension String {
    /// `sign-ups` reads as `sign ups`: hyphenated words compare word by word.
    var replacingHyphens: String { String(map { $0 == "-" ? " " : $0 }) }
}
