/// One column of a CSV export to load, as a typed field.
public struct ColumnRequest: Sendable, Equatable {
    public var field: String
    /// The column's position in the header (0-based).
    public var column: Int
    /// string, number, bool or date.
    public var type: FieldType

    public init(field: String, column: Int, type: FieldType) {
        self.field = field
        self.column = column
        self.type = type
    }
}

/// How to read the values of a CSV export.
public struct ColumnLoadOptions: Sendable {
    public var dateFormat: DateFormat = .iso
    /// Where the user sets `dateFormat`, for the fix of a date that does not read (the plugin
    /// that reads the export knows: `leads.data.date_format`).
    public var dateFormatSetting = "date_format"
    /// Placeholders that mean "not answered" (`Select`), read as empty cells.
    public var emptyValues: [String] = []
    /// Worker threads; a file under a few megabytes is read by one.
    public var threads: Int = ParallelParts.processorCount
    /// A file is split between workers only when each gets at least this much; below it,
    /// starting threads costs more than it saves.
    public var minimumBytesPerWorker = 4 << 20
    /// Called now and then with the bytes read so far and the file's size.
    public var progress: (@Sendable (_ done: Int, _ total: Int) -> Void)?
    /// Reads every record byte by byte, without the fast path for plain records: the reference
    /// the fast path is held to (by the tests and the CSV fuzzer).
    public var byteByByte = false
    /// Polled between blocks; true stops the load.
    public var isInterrupted: @Sendable () -> Bool = { false }

    public init() {}
}

/// A row that was not loaded, and why. Rows are never dropped without one.
public struct BadRow: Sendable, Equatable {
    /// The line of the file the row starts on (1-based; the header is line 1).
    public var line: Int
    public var problem: String
    /// How to repair the row.
    public var fix: String

    public init(line: Int, problem: String, fix: String) {
        self.line = line
        self.problem = problem
        self.fix = fix
    }
}

/// The typed columns of a CSV export, and what could not be loaded.
public struct LoadedColumns: Sendable {
    public var frame: Frame
    public var header: [String]
    /// The first bad rows, in file order (at most `BadRow.keptLimit`).
    public var badRows: [BadRow]
    public var badRowCount: Int
    public var byteCount: Int
}

/// What streaming an export left: one partial result per batch of rows, in file order, and
/// what could not be read.
public struct StreamedColumns<Partial: Sendable>: Sendable {
    public var partials: [Partial]
    public var header: [String]
    public var badRows: [BadRow]
    public var badRowCount: Int
    public var rowCount: Int
    public var byteCount: Int
}

extension BadRow {
    /// How many bad rows are described one by one; the rest are counted.
    public static let keptLimit = 10_000
}

/// Why a CSV export could not be loaded at all.
public struct ColumnLoadFailure: Error, Sendable, Equatable, CustomStringConvertible {
    public var path: String
    public var reason: String

    public var description: String { "\(path): \(reason)" }
}
