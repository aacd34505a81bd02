/// One action the report recommends: a rule's findings for the same people, in client words,
/// ranked with the others by `Impact.ranks`.
public struct Recommendation: Sendable {
    public var rule: String
    public var severity: Severity
    /// The weight of the group's most important finding.
    public var impact: Impact
    /// What goes wrong, with the places and people filled in.
    public var problem: String
    public var action: String
    public var stake: String
    /// The figures behind it, from data ("37.5% of the leads handed over at MQL were never called").
    public var figures: [String]
    public var findings: [Finding]

    /// The open findings as actions, most important first: one per rule and person concerned
    /// (the places joined), waived, accepted and not-run findings left out.
    public static func ranked(_ findings: [Finding], rules: [any Check], names: TargetNames) -> [Recommendation] {
        let open = findings.enumerated().filter { $0.element.isOpen }
        let order = open.sorted { a, b in
            Impact.ranks((a.element.severity, a.element.impact), before: (b.element.severity, b.element.impact))
                || (!Impact.ranks(
                    (b.element.severity, b.element.impact), before: (a.element.severity, a.element.impact))
                    && a.offset < b.offset)
        }.map(\.element)
        var groups: [String: [Finding]] = [:]
        var keys: [String] = []
        for finding in order {
            let key = finding.rule + "\u{0}" + (finding.terms.who ?? "")
            if groups[key] == nil { keys.append(key) }
            groups[key, default: []].append(finding)
        }
        return keys.compactMap { key in
            guard let group = groups[key], let first = group.first else { return nil }
            let advice =
                rules.first { $0.code == first.rule }?.advice
                ?? ClientAdvice(problem: first.message, action: "Review {where}.", stake: "")
            let places = group.map { $0.terms.place ?? names.name(of: $0.target) }.uniqued
            let filled = { (template: String) in
                ClientText.fill(template, who: first.terms.who, where: ClientText.list(places))
            }
            return Recommendation(
                rule: first.rule, severity: first.severity, impact: first.impact,
                problem: filled(advice.problem), action: filled(advice.action), stake: advice.stake,
                figures: group.compactMap(\.terms.figure), findings: group)
        }
    }
}

/// Client sentences put together from parts.
public enum ClientText {
    /// "A", "A and B", "A, B and C"; past `limit` names, "A, B, C, D, E and 7 more".
    public static func list(_ names: [String], limit: Int = 5) -> String {
        guard names.count > 1 else { return names.first ?? "" }
        if names.count > limit {
            return names.prefix(limit).joined(separator: ", ") + " and \(names.count - limit) more"
        }
        return names.dropLast().joined(separator: ", ") + " and " + names.last!
    }

    /// A template with `{who}` and `{where}` filled, its first letter capitalised.
    public static func fill(_ template: String, who: String?, where place: String) -> String {
        let text = template.replacing("{who}", with: who ?? "the people concerned")
            .replacing("{where}", with: place)
        guard let first = text.first, first.isLowercase else { return text }
        return first.uppercased() + text.dropFirst()
    }

    /// A value written as an id, in words: `account-executive` → `account executive`.
    public static func words(_ id: String) -> String { id.replacing("-", with: " ").replacing("_", with: " ") }

    /// A share as a client reads it: "37.5%".
    public static func percent(_ share: Double) -> String {
        let value = (share * 1000).rounded() / 10
        return value == value.rounded() ? "\(Int(value))%" : "\(value)%"
    }
}

/// Finds the name a client knows an item by, from a finding's target (`new-business/proposal`,
/// or `proposal/cfo` for a stage and a persona).
public struct TargetNames {
    let index: ItemIndex

    public init(_ workbook: Workbook) { index = ItemIndex(workbook) }

    public func name(of target: String) -> String {
        for kind in index.kinds.sorted(by: { $0.name < $1.name }) {
            if case .found(let item) = index.resolve(target, as: kind) { return Self.readable(item) }
        }
        if let slash = target.lastIndex(of: "/") { return name(of: String(target[..<slash])) }
        return Self.readable(id: target)
    }

    /// An item's name, or its id made readable when it has none (`close-webinar` → `Close webinar`).
    static func readable(_ item: Item) -> String { item.name == item.id ? readable(id: item.id) : item.name }

    static func readable(id: String) -> String {
        let words = (id.split(separator: "/").last.map(String.init) ?? id).replacing("-", with: " ")
            .replacing("_", with: " ")
        return words.prefix(1).uppercased() + words.dropFirst()
    }
}
