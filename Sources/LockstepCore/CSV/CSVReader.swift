/// A byte-level RFC 4180 reader: quoted fields, doubled quotes, line breaks inside quotes,
/// CRLF, LF or CR line ends, a UTF-8 byte-order mark.
///
/// Written here rather than taken from a CSV library: the Swift CSV libraries on offer were
/// measured at about 30× slower than a CRM export of a million rows needs (bench/README.md),
/// and a bad row must be reported with its line number and skipped, never abort the file.
public struct CSVReader {
    /// One record and the line of the file it starts on (1-based).
    public struct Record: Equatable, Sendable {
        public var fields: [String]
        public var line: Int

        public init(fields: [String], line: Int) {
            self.fields = fields
            self.line = line
        }
    }

    /// A record that could not be read as CSV, and why.
    public struct BadRecord: Error, Equatable, Sendable {
        public var line: Int
        public var problem: String

        public init(line: Int, problem: String) {
            self.line = line
            self.problem = problem
        }
    }

    private let bytes: [UInt8]
    private var position: Int
    /// The line the next record starts on (1-based).
    public private(set) var line = 1
    /// The byte offset the next record starts at.
    public var offset: Int { position }
    public let delimiter: UInt8

    public init(bytes: [UInt8], delimiter: UInt8 = UInt8(ascii: ",")) {
        self.bytes = bytes
        self.delimiter = delimiter
        // Skip a UTF-8 byte-order mark, as spreadsheets write one.
        position = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    }

    /// The next record, a bad record, or nil at the end of the input.
    public mutating func next() -> Result<Record, BadRecord>? {
        guard position < bytes.count else { return nil }
        let start = line, startPosition = position
        var fields: [String] = []
        var problem: String?
        while true {
            let (field, ended, fieldProblem) = readField()
            fields.append(field)
            if problem == nil { problem = fieldProblem }
            if ended { break }
        }
        if problem == Self.neverClosed {
            // A quote that never closes would swallow every row after it: only its own line is
            // bad, and reading goes on with the next line, so every other row is accounted for.
            position = startPosition
            while position < bytes.count, bytes[position] != 0x0A, bytes[position] != 0x0D { position += 1 }
            if position < bytes.count, bytes[position] == 0x0D { position += 1 }
            if position < bytes.count, bytes[position] == 0x0A { position += 1 }
            line = start + 1
            return .failure(BadRecord(line: start, problem: "a quote opened on this line is never closed (the rows after it were read on their own)"))
        }
        if let problem { return .failure(BadRecord(line: start, problem: problem)) }
        return .success(Record(fields: fields, line: start))
    }

    static let neverClosed = "a quoted field is never closed"

    /// Reads one field; `ended` is true when the record ends after it.
    private mutating func readField() -> (String, ended: Bool, problem: String?) {
        let quote = UInt8(ascii: "\"")
        guard position < bytes.count else { return ("", true, nil) }
        if bytes[position] == quote {
            position += 1
            var value: [UInt8] = []
            var problem: String?
            while true {
                guard position < bytes.count else {
                    return (String(decoding: value, as: UTF8.self), true, Self.neverClosed)
                }
                let byte = bytes[position]
                if byte == quote {
                    if position + 1 < bytes.count, bytes[position + 1] == quote {
                        value.append(quote)
                        position += 2
                        continue
                    }
                    position += 1
                    break
                }
                if byte == UInt8(ascii: "\n") || (byte == UInt8(ascii: "\r") && !(position + 1 < bytes.count && bytes[position + 1] == UInt8(ascii: "\n"))) {
                    line += 1
                }
                value.append(byte)
                position += 1
            }
            // After the closing quote only a delimiter or the end of the line may follow.
            let rest = readUnquoted()
            if !rest.value.isEmpty { problem = "text after a closing quote: a quote inside a field must be doubled (\"\")" }
            return (String(decoding: value, as: UTF8.self), rest.ended, problem)
        }
        // A quote inside an unquoted field (`37.8"N`) is taken as written, as csv-spectrum expects.
        let field = readUnquoted()
        return (String(decoding: field.value, as: UTF8.self), field.ended, nil)
    }

    /// Bytes up to the next delimiter or line end; consumes the delimiter or line end.
    private mutating func readUnquoted() -> (value: ArraySlice<UInt8>, ended: Bool) {
        let start = position
        while position < bytes.count {
            let byte = bytes[position]
            if byte == delimiter {
                position += 1
                return (bytes[start..<(position - 1)], false)
            }
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                let end = position
                position += (byte == UInt8(ascii: "\r") && position + 1 < bytes.count && bytes[position + 1] == UInt8(ascii: "\n")) ? 2 : 1
                line += 1
                return (bytes[start..<end], true)
            }
            position += 1
        }
        return (bytes[start..<position], true)
    }
}

extension CSVReader {
    /// Every record of `bytes`, good and bad, in order.
    public static func records(_ bytes: [UInt8]) -> [Result<Record, BadRecord>] {
        var reader = CSVReader(bytes: bytes)
        var records: [Result<Record, BadRecord>] = []
        while let record = reader.next() { records.append(record) }
        return records
    }
}
