import LockstepCore
import LockstepPluginHost
import LockstepWarehouse

#if canImport(Glibc)
import Glibc
#endif

/// The open workbook and everything done to it: undo and redo, the file it came from, settings.
public final class Session: CommandEnvironment {
    struct Snapshot {
        var workbook: Workbook
        var stateID: Int
        var description: String
    }

    /// The built-in plugins, and the external ones the open workbook named.
    public internal(set) var registry: PluginRegistry
    /// The plugins the executable was built with.
    let builtIn: PluginRegistry
    /// Finds the external plugins a workbook names by path; nil takes built-in plugins only.
    var pluginResolver: PluginResolver?
    /// The databases `data connect` and `leads.data.url` reach: PostgreSQL and Spark.
    public var databases: (any SQLConnector)? = WarehouseConnector()
    /// What the last load said without failing (a plugin that could not validate its section).
    let loadWarnings = LockedList<String>()
    public internal(set) var workbook: Workbook {
        didSet { completionNames = [:] }
    }
    /// Ids and aliases by kind, for completion: built once per state of the workbook, as building
    /// the index of a large workbook takes tens of milliseconds and a Tab must take a few.
    private var completionNames: [String: [String]] = [:]

    /// Every id of `kind`, and each alias that names one item only, as completion offers them
    /// (it keeps the ones that fit what was typed, and sorts those).
    func names(of kind: ItemKind) -> [String] {
        if let names = completionNames[kind.name] { return names }
        let pairs = workbook.sections.values.filter { $0.kindsHeld.contains(kind) }.flatMap { $0.itemNames(of: kind) }
        var aliases: [String: Int] = [:]
        for alias in pairs.compactMap(\.alias) { aliases[alias, default: 0] += 1 }
        let names = pairs.map(\.id) + aliases.filter { $0.value == 1 }.map(\.key)
        completionNames[kind.name] = names
        return names
    }
    /// The file the workbook is saved to; nil for a new workbook that has not been named.
    public internal(set) var path: String?
    public var format: OutputFormat = .table
    /// Where "today" comes from: the system's date, or the one `--today` or `SOURCE_DATE_EPOCH` pinned.
    public var clock: DayClock = .system
    /// `--allow-data-outside`, or a yes in the shell: the workbook may name data outside its folder.
    public var allowsDataOutsideWorkbook = false
    public var today: Day { clock.today }
    public let attachments = Attachments()
    /// The guided tour, while one runs.
    var tour: Tour?
    /// The live view, while `serve` runs: it stops with the session.
    var live: LiveService?
    /// Where the tour keeps its copy and progress; nil keeps none (an embedded session, tests).
    var tourPlace: TourPlace?
    /// The findings the workbook had when the tour began: the report says what was fixed since.
    var tourStart: [Finding]?
    /// The teaching example the executable ships, for `lockstep tour` from any folder.
    var teachingWorkbook: (name: String, text: String)?
    public var workbookPath: String? { path }
    public let output: OutputSink
    public var renderOptions: RenderOptions
    /// Asks the person at the keyboard; nil in batch mode.
    var asker: ((String) -> Bool?)?

    /// What the file held when read or last saved; nil when it did not exist.
    var fingerprint: Fingerprint?
    /// Saved files up to this size are read back whole, larger ones piece by piece (tests lower it).
    var saveCheckLimit = WorkbookEncoder.defaultWholeCheckLimit
    /// How the file looked when read or last saved, to tell cheaply that it is unchanged.
    var stamp: FileStamp?
    /// The text read or last saved and the workbook it reads as: saves keep its layout.
    var savedText: WorkbookText?
    /// Where changes are journaled until saved; nil for a session that keeps none (tests).
    var journal: Journal?
    /// The statement being run, as typed: what the journal records for a change.
    var currentStatement: String?
    /// Counts statements, so a statement that changes the workbook twice is journaled once.
    var statementNumber = 0
    private var journaledStatement = -1
    /// The statements that changed the workbook since it was read or saved, as typed: what
    /// `reload` re-applies on top of the file as it is now.
    var changesSinceSaved: [String] = []
    /// Runs one statement as the shell would; false when it failed. Set by the shell.
    var runStatement: ((String) -> Bool)?
    /// Set when another workbook was opened: the shell then looks for its journals.
    var needsRecoveryCheck = false
    var undoStack: [Snapshot] = []
    var redoStack: [Snapshot] = []
    var stateID = 0
    var savedStateID = 0
    private var nextStateID = 1

    public init(registry: PluginRegistry, output: OutputSink, renderOptions: RenderOptions = RenderOptions()) {
        self.registry = registry
        self.builtIn = registry
        self.output = output
        self.renderOptions = renderOptions
        self.workbook = Workbook(plugins: registry.names)
    }

    public var isDirty: Bool { stateID != savedStateID }

    /// What the checks of one run see: today, the workbook's file, what is loaded, what may be read.
    func checkContext() -> CheckContext {
        CheckContext(
            today: today, workbookPath: path, attachments: attachments,
            allowsDataOutsideWorkbook: allowsDataOutsideWorkbook,
            databases: databases)
    }

    public var plugins: [any Plugin] { workbook.plugins.compactMap { registry.plugin(named: $0) } }

    public var isInterrupted: Bool { Interrupt.isRequested }

    /// The name the prompt shows: the file's base name, or `untitled`.
    public var displayName: String {
        guard let path else { return "untitled" }
        return Sanitized.visible(path.split(separator: "/").last.map(String.init) ?? path)
    }

    public func edit(
        _ description: String, journaledAs statements: [String]?, _ change: (inout Workbook) throws -> Void
    )
        throws
    {
        var changed = workbook
        try change(&changed)
        undoStack.append(Snapshot(workbook: workbook, stateID: stateID, description: description))
        redoStack.removeAll()
        workbook = changed
        stateID = nextStateID
        nextStateID += 1
        journalChange(statements)
    }

    /// Appends the statement that changed the workbook (or `statements` that redo it) to the
    /// journal, starting it if need be.
    func journalChange(_ statements: [String]? = nil) {
        guard let typed = currentStatement, journaledStatement != statementNumber else { return }
        let recorded = statements ?? [typed]
        changesSinceSaved.append(contentsOf: recorded)
        journaledStatement = statementNumber
        guard let journal else { return }
        if !journal.isRecording {
            guard let path, let real = FileSystem.realPath(path) else { return }
            journal.start(workbook: real, base: fingerprint)
        }
        for statement in recorded { journal.record(statement) }
    }

    /// Steps back one edit; returns what was undone.
    func undo() throws(CommandError) -> String {
        guard let previous = undoStack.popLast() else {
            throw .failed("nothing to undo", fix: nil)
        }
        redoStack.append(Snapshot(workbook: workbook, stateID: stateID, description: previous.description))
        workbook = previous.workbook
        stateID = previous.stateID
        journalChange()
        return previous.description
    }

    func redo() throws(CommandError) -> String {
        guard let next = redoStack.popLast() else {
            throw .failed("nothing to redo", fix: nil)
        }
        undoStack.append(Snapshot(workbook: workbook, stateID: stateID, description: next.description))
        workbook = next.workbook
        stateID = next.stateID
        journalChange()
        return next.description
    }

    public func emit(_ item: Output) {
        switch item {
        case .text(let raw):
            // Data in prose never drives the terminal; line breaks and tabs are layout and stay.
            let text = Sanitized.visible(raw, keepingLayout: true)
            output.write(text.hasSuffix("\n") || text.isEmpty ? text : text + "\n")
        case .table(let table):
            output.write(table.rendered(as: format, options: renderOptions))
        case .note(let raw):
            let text = Sanitized.visible(raw, keepingLayout: true)
            // Status lines stay off standard output in batch mode, so piped data stays clean.
            if asker == nil { output.writeError(text + "\n") } else { output.write(text + "\n") }
        }
    }

    public func confirm(_ question: String) -> Bool? { asker?(question) }

    public func progress(_ line: String?) {
        guard output is StandardOutput, isatty(STDERR_FILENO) != 0 else { return }
        // Carriage return and erase-line: the next status overwrites this one.
        output.writeError("\r\u{1B}[K" + (line ?? ""))
    }

    /// Replaces the session's workbook with a freshly read or created one; forgets undo.
    func replace(with workbook: Workbook, path: String?, fingerprint: Fingerprint?) {
        self.workbook = workbook
        self.path = path
        self.fingerprint = fingerprint
        savedText = nil
        stamp = nil
        journal?.discard()  // the earlier workbook's changes were saved, or given up when asked
        changesSinceSaved = []
        needsRecoveryCheck = true
        undoStack.removeAll()
        redoStack.removeAll()
        attachments.removeAll()  // data loaded for another workbook does not belong to this one
        stateID = nextStateID
        savedStateID = stateID
        nextStateID += 1
    }
}
