/// The workbook's `checks:` section: severity overrides, waivers and the team's own rules.
public struct CheckSettings: Sendable {
    /// A rule code or code prefix (`MK`, `LD00`) and the severity it gets, or `off`.
    public struct Override: Sendable {
        public var selector: Located<String>
        public var level: String
    }

    /// A rule silenced for one target, with the reason a reviewer can read.
    public struct Waiver: Sendable {
        public var rule: Located<String>
        public var target: Located<String>
        public var reason: String
        public var until: Day?
        public var location: SourceLocation?

        public init(rule: Located<String>, target: Located<String>, reason: String, until: Day?, location: SourceLocation?) {
            self.rule = rule
            self.target = target
            self.reason = reason
            self.until = until
            self.location = location
        }
    }

    /// A team rule in the expression language; the expressions are checked by the rule engine.
    public struct TeamRule: Sendable {
        public var id: String
        public var appliesTo: Located<String>
        public var when: Located<String>?
        public var require: Located<String>
        public var severity: String
        public var message: String
        public var location: SourceLocation?
    }

    public static let levels = ["error", "warning", "info", "off"]

    public var overrides: [Override] = []
    public var waivers: [Waiver] = []
    public var rules: [TeamRule] = []
    /// A rule code → the share above which it reports (LD007's ignored MQLs, LD008's breaches).
    public var thresholds: [(rule: Located<String>, share: Double)] = []

    public init() {}

    public var isEmpty: Bool { overrides.isEmpty && waivers.isEmpty && rules.isEmpty && thresholds.isEmpty }

    /// The threshold the workbook sets for `code`, or `standard`.
    public func threshold(for code: String, standard: Double) -> Double {
        thresholds.last { $0.rule.value == code }?.share ?? standard
    }

    /// `20%` or `0.2`, as a fraction from 0 to 1.
    public static func share(_ text: String) -> Double? {
        let trimmed = text.trimmed
        let value = trimmed.hasSuffix("%") ? Double(trimmed.dropLast()).map { $0 / 100 } : Double(trimmed)
        guard let value, value >= 0, value <= 1 else { return nil }
        return value
    }

    public init(decoding node: SourceNode, context: DecodeContext) {
        guard let checks = context.mapping(node, what: "checks", keys: ["severity", "waivers", "rules", "thresholds"]) else { return }
        for (rule, value) in checks.pairs("thresholds") {
            guard let share = Self.share(value.value) else {
                context.report(.wrongType(value.location!, what: "threshold of \(rule.value)", expected: "a share such as 20% or 0.2", found: "'\(value.value)'"))
                continue
            }
            thresholds.append((rule, share))
        }
        for (selector, level) in checks.pairs("severity") {
            guard Self.levels.contains(level.value) else {
                context.report(.notAllowed(level.location!, what: "severity of \(selector.value)", value: level.value, allowed: Self.levels))
                continue
            }
            overrides.append(Override(selector: selector, level: level.value))
        }
        for node in checks.list("waivers") {
            guard let waiver = context.mapping(node, what: "waiver", keys: ["rule", "target", "reason", "until"]) else { continue }
            guard let rule = waiver.located("rule", required: true), let target = waiver.located("target", required: true),
                  let reason = waiver.string("reason", required: true) else { continue }
            waivers.append(Waiver(rule: rule, target: target, reason: reason, until: waiver.day("until"), location: waiver.location))
        }
        for node in checks.list("rules") {
            let keys = ["id", "applies_to", "when", "require", "severity", "message"]
            guard let rule = context.mapping(node, what: "rule", keys: keys) else { continue }
            guard let id = rule.string("id", required: true), let appliesTo = rule.located("applies_to", required: true),
                  let message = rule.string("message", required: true) else { continue }
            guard let require = rule.expression("require") else {
                _ = rule.string("require", required: true)  // reports it missing
                continue
            }
            let severity = rule.choice("severity", from: ["error", "warning", "info"]) ?? "warning"
            rules.append(TeamRule(id: id, appliesTo: appliesTo, when: rule.expression("when"), require: require,
                                  severity: severity, message: message, location: rule.location))
        }
    }

    public func encode() -> YAMLNode {
        var pairs: [(String, YAMLNode)] = []
        if !overrides.isEmpty {
            pairs.append(("severity", .mapping(overrides.map { ($0.selector.value, .string($0.level)) }, style: .flow)))
        }
        if !thresholds.isEmpty {
            pairs.append(("thresholds", .mapping(thresholds.map { ($0.rule.value, .literal(Self.percent($0.share))) }, style: .flow)))
        }
        if !waivers.isEmpty {
            pairs.append(("waivers", .sequence(waivers.map { waiver in
                var fields: [(String, YAMLNode)] = [("rule", .string(waiver.rule.value)), ("target", .string(waiver.target.value)),
                                                    ("reason", .string(waiver.reason))]
                if let until = waiver.until { fields.append(("until", .literal(until.description))) }
                return .mapping(fields)
            })))
        }
        if !rules.isEmpty {
            pairs.append(("rules", .sequence(rules.map { rule in
                var fields: [(String, YAMLNode)] = [("id", .string(rule.id)), ("applies_to", .string(rule.appliesTo.value))]
                if let when = rule.when { fields.append(("when", .string(when.value))) }
                fields += [("require", .string(rule.require.value)), ("severity", .literal(rule.severity)),
                           ("message", .string(rule.message))]
                return .mapping(fields)
            })))
        }
        return .mapping(pairs)
    }

    /// 0.2 → `20%`, as a user writes a threshold.
    static func percent(_ share: Double) -> String {
        let value = share * 100
        return value == value.rounded() ? "\(Int(value))%" : "\(value)%"
    }
}
