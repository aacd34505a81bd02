/// A position in a workbook file, 1-based, for error messages and findings.
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
    /// The file, by its number in `FileNames`. Why not the name itself: a location is copied
    /// with every value read from a workbook, hundreds of thousands in a large one, and copying
    /// a string means counting references to it (from every thread at once, when the work is
    /// split), while an integer is just copied.
    let fileNumber: Int32
    /// Line and column are kept as 32-bit numbers (a workbook is far below 4 billion lines or
    /// columns): a location is 12 bytes rather than 24, and a large workbook holds one per value.
    private var storedLine: UInt32
    private var storedColumn: UInt32

    public var line: Int {
        get { Int(storedLine) }
        set { storedLine = UInt32(clamping: newValue) }
    }

    public var column: Int {
        get { Int(storedColumn) }
        set { storedColumn = UInt32(clamping: newValue) }
    }

    public init(file: String, line: Int, column: Int) {
        self.init(fileNumber: FileNames.number(of: file), line: line, column: column)
    }

    init(fileNumber: Int32, line: Int, column: Int) {
        self.fileNumber = fileNumber
        self.storedLine = UInt32(clamping: line)
        self.storedColumn = UInt32(clamping: column)
    }

    public var file: String { FileNames.name(numbered: fileNumber) }

    /// `file:line:column`, the form editors and CI annotations understand.
    public var description: String { "\(file):\(line):\(column)" }
}

/// The names of the files locations point into, each numbered once.
enum FileNames {
    private static let table = Table()

    static func number(of name: String) -> Int32 { table.number(of: name) }

    static func name(numbered number: Int32) -> String { table.name(numbered: number) }

    /// `@unchecked Sendable`: the names are only read and written under the lock.
    private final class Table: @unchecked Sendable {
        private let lock = NSLockLike()
        private var names: [String] = []
        private var numbers: [String: Int32] = [:]

        func number(of name: String) -> Int32 {
            lock.locked {
                if let number = numbers[name] { return number }
                names.append(name)
                numbers[name] = Int32(names.count - 1)
                return Int32(names.count - 1)
            }
        }

        func name(numbered number: Int32) -> String { lock.locked { names[Int(number)] } }
    }
}
