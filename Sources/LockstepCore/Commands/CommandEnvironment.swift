/// What a running command may see and do; the shell's session provides it.
public protocol CommandEnvironment: AnyObject {
    var workbook: Workbook { get }
    /// The workbook's file, when it has one; data files are found relative to it.
    var workbookPath: String? { get }
    /// What plugins loaded for this session (a CRM export).
    var attachments: Attachments { get }
    /// Whether files the workbook names may lie outside its folder (see `CheckContext`).
    var allowsDataOutsideWorkbook: Bool { get set }
    /// The loaded plugins, in load order.
    var plugins: [any Plugin] { get }
    var format: OutputFormat { get }
    /// The date rules, waivers and `today` in conditions see: the session's one clock.
    var today: Day { get }
    /// True once the user pressed Ctrl-C; long commands poll it and stop.
    var isInterrupted: Bool { get }
    /// Changes the workbook as one undoable step named `description`. The recovery journal
    /// records the statement typed, or `journaledAs` when given (statements that redo the change).
    func edit(_ description: String, journaledAs: [String]?, _ change: (inout Workbook) throws -> Void) throws
    func emit(_ output: Output)
    /// Asks a yes/no question; nil when nobody can answer (batch mode).
    func confirm(_ question: String) -> Bool?
    /// Connects to databases (`data connect postgresql://…`), when the application can.
    var databases: (any SQLConnector)? { get }
    /// A passing status line on a terminal ("loading leads.csv 40%"); nil clears it. Ignored
    /// when standard error is not a terminal, so logs and pipes never see it.
    func progress(_ line: String?)
}

extension CommandEnvironment {
    /// Changes the workbook as one undoable step named `description`, journaled as typed.
    public func edit(_ description: String, _ change: (inout Workbook) throws -> Void) throws {
        try edit(description, journaledAs: nil, change)
    }

    public var index: ItemIndex { ItemIndex(workbook) }
}

/// What a command prints.
public enum Output: Sendable {
    /// Data or prose for standard output.
    case text(String)
    /// A listing, rendered in the current `set format`.
    case table(Table)
    /// A status line ("saved acme.yaml"); on standard error in batch mode, so data stays clean.
    case note(String)
}
