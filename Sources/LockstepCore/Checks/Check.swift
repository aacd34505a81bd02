/// A rule's explanation in business language, in fixed sections.
public struct RuleExplanation: Sendable {
    /// What the rule checks.
    public let what: String
    /// Why it matters, citing the practice it comes from.
    public let why: String
    /// How to put it right.
    public let fix: String

    public init(what: String, why: String, fix: String) {
        self.what = what
        self.why = why
        self.fix = fix
    }
}

/// A workbook (YAML, `lockstep: 1` may be left out) and the targets the rule must report in it:
/// none for a non-triggering example.
public struct CheckExample: Sendable {
    public let workbook: String
    public let targets: [String]
    /// Files beside the workbook (a CRM export), name → contents, for rules on data.
    public let files: [String: String]

    public static func triggering(_ workbook: String, targets: [String], files: [String: String] = [:]) -> CheckExample
    {
        CheckExample(workbook: workbook, targets: targets, files: files)
    }

    public static func passing(_ workbook: String, files: [String: String] = [:]) -> CheckExample {
        CheckExample(workbook: workbook, targets: [], files: files)
    }
}

/// What a check may know besides the workbook. One context serves one run over one workbook:
/// `shared` remembers what was built from that workbook.
public struct CheckContext: Sendable {
    public var today: Day
    /// Work one check did that others can reuse within the same run (a plugin's model of the workbook).
    public var shared: SharedWork
    /// The workbook's file, so a check can find data files relative to it.
    public var workbookPath: String?
    /// What the session has loaded (a CRM export); checks on data use it, or load it themselves.
    public var attachments: Attachments
    /// Whether files the workbook names (a CRM export) may lie outside its folder: a workbook
    /// from a pull request must not make CI read `/proc/self/environ`.
    public var allowsDataOutsideWorkbook: Bool
    /// Connects to the databases a workbook's data may live in (`leads.data.url`), when the
    /// application can.
    public var databases: (any SQLConnector)?

    public init(
        today: Day, workbookPath: String? = nil, attachments: Attachments = Attachments(),
        allowsDataOutsideWorkbook: Bool = false, databases: (any SQLConnector)? = nil
    ) {
        self.databases = databases
        self.today = today
        self.shared = SharedWork()
        self.workbookPath = workbookPath
        self.attachments = attachments
        self.allowsDataOutsideWorkbook = allowsDataOutsideWorkbook
    }
}

/// A per-run memo: the checks of one run see one workbook, so what one builds from it the next can reuse.
public typealias SharedWork = LockedValues

/// A built-in check a plugin contributes: one per file, with its explanation and examples.
public protocol Check: Sendable {
    var code: String { get }
    var slug: String { get }
    var defaultSeverity: Severity { get }
    /// One line, for `rules` and SARIF's short description.
    var summary: String { get }
    var explanation: RuleExplanation { get }
    /// How its findings read in a client's report.
    var advice: ClientAdvice { get }
    var examples: [CheckExample] { get }
    func findings(in workbook: Workbook, context: CheckContext) -> [Finding]
}

extension Check {
    /// A finding of this rule at its default severity.
    public func finding(_ message: String, target: String, at location: SourceLocation?) -> Finding {
        Finding(rule: code, severity: defaultSeverity, message: message, target: target, location: location)
    }

    /// A finding of this rule with its client words and its weight among findings of its severity.
    public func finding(
        _ message: String, target: String, at location: SourceLocation?, terms: ClientTerms,
        impact: Impact = Impact()
    ) -> Finding {
        var finding = Finding(
            rule: code, severity: defaultSeverity, message: message, target: target, location: location)
        finding.terms = terms
        finding.impact = impact
        return finding
    }
}
