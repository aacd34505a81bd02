import LockstepCore

/// A stage of the lead lifecycle (Inquiry → MQL → SAL → SQL).
public struct LeadStage: Sendable {
    public static let owners = ["marketing", "sales", "lead-gen"]

    /// Where ownership of a lead changes, and how fast the receiving side must act.
    public struct Handoff: Sendable {
        public var to: String?
        public var acceptWithin: WorkbookDuration?
        public var firstTouchWithin: WorkbookDuration?
    }

    public var id: String
    public var name: String
    public var owner: String?
    /// An expression over lead fields; a stage id stands for that stage's criteria.
    public var criteria: Located<String>?
    public var handoff: Handoff?
    public var rejectsTo: Located<String>?
    /// The sales stage this lead stage hands over into (`process/stage`).
    public var enters: Located<String>?
    public var location: SourceLocation?

    public init(id: String, name: String) {
        self.id = id
        self.name = name
    }
}

/// A nurture track a rejected lead goes to, and the lead stage it returns to.
public struct RecycleTrack: Sendable {
    public var id: String
    public var name: String
    public var owner: String?
    public var returnsTo: Located<String>?
    public var location: SourceLocation?
}

/// Where the CRM export lives and how its columns map onto the lead fields.
public struct LeadData: Sendable {
    public static let presets = ["hubspot", "salesforce"]

    /// The export, relative to the workbook; empty when the data is in a database (`url`).
    public var file: String
    /// A database holding the export as a table (`postgresql://crm@db:5432/sales`), never with
    /// its password; `table` names the table (default `leads`).
    public var url: Located<String>?
    public var table: String?
    public var preset: String?
    public var columns: [(key: Located<String>, value: Located<String>)] = []
    public var entered: [(key: Located<String>, value: Located<String>)] = []
    public var firstTouch: Located<String>?
    public var stageColumn: String?
    public var stageValues: [(key: Located<String>, value: Located<String>)] = []
    public var dateFormat: Located<String>?
    /// The export's encoding when it is not UTF-8: `latin1` or `windows-1252`, converted on read.
    public var encoding: String?
    /// The field or column naming who owns each lead, for `sla` per owner.
    public var owner: Located<String>?
    /// Placeholders that mean "not answered" (`Select`).
    public var emptyValues: [String] = []
    /// A second export joined onto the first by a shared key column (MQLs joined with closed deals).
    public var join: Join?
    public var location: SourceLocation?

    /// Why `url` cannot name the database, or nil when it can: a postgresql:// URL without a
    /// password (a workbook is shared; the password comes from PGPASSWORD or ~/.pgpass).
    public static func urlProblem(_ url: String) -> String? {
        if url == "spark:local" || url.hasPrefix("spark://") { return nil }
        guard
            let rest = ["postgresql://", "postgres://"].first(where: url.hasPrefix).map({
                String(url.dropFirst($0.count))
            })
        else {
            return "a postgresql:// URL (postgresql://USER@HOST:PORT/DATABASE), spark:local or spark://HOST:PORT"
        }
        let authority = rest.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        if let credentials = authority.split(separator: "@", maxSplits: 1).first, authority.contains("@"),
            credentials.contains(":")
        {
            return "a URL without a password (give it in PGPASSWORD or ~/.pgpass, never in the workbook)"
        }
        return nil
    }

    public struct Join: Sendable {
        public var file: String
        /// The key column, named the same in both files.
        public var on: Located<String>
    }
}
