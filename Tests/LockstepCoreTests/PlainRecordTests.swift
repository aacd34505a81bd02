import Foundation
import TestSupport
import Testing

@testable import LockstepCore

/// The scanner's fast path reads plain records through bit masks of 64-byte blocks and leaves
/// every other record to the byte-by-byte reader. Held here to exactly what the byte-by-byte
/// reader alone makes of the same file: values, bad rows with their lines and reasons, lines
/// counted and where the range ended, on damaged exports generated from a printed seed.
@Suite("Reading plain CSV records fast")
struct PlainRecordTests {
    /// What a scan of the whole file gave, in a form two scans can be compared by.
    struct Outcome: Equatable {
        var columns: [String]
        var rows: Int
        var badRows: [BadRow]
        var badRowCount: Int
        var lines: Int
        var endOffset: Int
    }

    static let types: [FieldType] = [.string, .number, .date, .bool]

    func scan(_ path: String, requests: [ColumnRequest], plain: Bool, batchRows: Int = .max) throws -> Outcome {
        let (header, dataOffset, _) = try ColumnLoader.header(path: path)
        let fd = open(path, O_RDONLY)
        defer { close(fd) }
        var info = stat()
        fstat(fd, &info)
        let size = Int(info.st_size)
        var options = ColumnLoadOptions()
        options.byteByByte = !plain
        let scanner = ChunkScanner(fd: fd, header: header, requests: requests, options: options, progress: nil)
        var batches: [[String]] = []
        let result = try scanner.scan(
            from: dataOffset, to: size, firstLine: 0, batchRows: batchRows,
            batch: batchRows == .max ? nil : { frame in batches.append(Self.describe(frame, requests)) })
        let merged = ColumnLoader.columns(of: [result], requests: requests)
        var columns = Self.describe(Frame(count: result.rows, columns: merged), requests)
        if batchRows != .max {
            columns = zip(
                batches.reduce(into: Array(repeating: "", count: requests.count)) { all, batch in
                    for (index, column) in batch.enumerated() { all[index] += column }
                }, columns
            ).map { $0 + $1 }
        }
        return Outcome(
            columns: columns, rows: result.rows + result.streamedRows, badRows: result.badRows,
            badRowCount: result.badRowCount, lines: result.lines, endOffset: result.endOffset)
    }

    /// Each requested column's values, one per line, as text.
    static func describe(_ frame: Frame, _ requests: [ColumnRequest]) -> [String] {
        requests.map { request in
            switch frame.columns[request.field] {
            case .number(let values)?, .date(let values)?: return values.map { "\($0)\n" }.joined()
            case .bool(let flags)?: return flags.map { "\($0)\n" }.joined()
            case .string(let codes, let values)?:
                return codes.map { $0 < 0 ? "-\n" : "[\(values[Int($0)])]\n" }.joined()
            default: return "?"
            }
        }
    }

    @Test(
        "on damaged exports, whole or in batches of 5 rows, the fast path gives what reading byte by byte gives",
        arguments: [Int.max, 5])
    func sameAsByteByByte(batchRows: Int) throws {
        var random = SeededRandom(fallback: batchRows == 5 ? 20_261_205 : 20_261_201, label: "plain records")
        for _ in 0..<40 {
            let columns = 1 + Int(random.next() % 6)
            let types = (0..<columns).map { _ in Self.types[Int(random.next() % 4)] }
            var text = (0..<columns).map { "c\($0)" }.joined(separator: ",") + "\n"
            for _ in 0..<(20 + Int(random.next() % 60)) {
                text += Self.row(types, random: &random)
            }
            if random.next() % 2 == 0 { text.removeLast() }  // no line end after the last row
            let path = FileManager.default.temporaryDirectory.appendingPathComponent(
                "lockstep-plain-\(UUID().uuidString).csv"
            ).path
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            defer { try? FileManager.default.removeItem(atPath: path) }
            var requests = types.enumerated().compactMap { column, type in
                random.next() % 4 == 0 ? nil : ColumnRequest(field: "f\(column)", column: column, type: type)
            }
            if let first = requests.first, first.type != .string {
                requests.append(ColumnRequest(field: "again", column: first.column, type: .string))
            }
            let fast = try scan(path, requests: requests, plain: true, batchRows: batchRows)
            let slow = try scan(path, requests: requests, plain: false, batchRows: batchRows)
            if fast != slow {
                Issue.record(
                    "seed \(random.seed): \(Self.firstDifference(fast, slow))\nin the file:\n\(text.debugDescription)")
                return
            }
        }
    }

    @Test("a plain export is read by the fast path, the same as byte by byte")
    func plainExport() throws {
        var text = "id,title,score,when,ok\n"
        for row in 0..<500 {
            let title =
                row % 3 == 0 ? "\"VP, Sales \"\"EMEA\"\"\"" : "Director of \(String(repeating: "x", count: row % 90))"
            text += "\(row),\(title),\(row % 100),2024-03-\(10 + row % 18)T10:00:00Z,\(row % 2 == 0)\r\n"
        }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent(
            "lockstep-plain-\(UUID().uuidString).csv"
        ).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let requests = [
            ColumnRequest(field: "title", column: 1, type: .string),
            ColumnRequest(field: "score", column: 2, type: .number),
            ColumnRequest(field: "when", column: 3, type: .date),
            ColumnRequest(field: "ok", column: 4, type: .bool),
        ]
        let fast = try scan(path, requests: requests, plain: true)
        #expect(fast.rows == 500 && fast.badRowCount == 0 && fast.lines == 500)
        #expect(fast == (try scan(path, requests: requests, plain: false)))
    }

    /// Where two outcomes first part, in a line or two.
    static func firstDifference(_ fast: Outcome, _ slow: Outcome) -> String {
        for (column, (one, other)) in zip(fast.columns, slow.columns).enumerated() where one != other {
            let lines = (
                one.split(separator: "\n", omittingEmptySubsequences: false),
                other.split(separator: "\n", omittingEmptySubsequences: false)
            )
            let row =
                zip(lines.0, lines.1).enumerated().first { $0.element.0 != $0.element.1 }?.offset
                ?? min(lines.0.count, lines.1.count)
            let value = { (lines: [Substring]) in row < lines.count ? String(lines[row]) : "(none)" }
            return "request \(column), value \(row): fast \(value(lines.0)), byte by byte \(value(lines.1))"
        }
        if fast.badRows != slow.badRows {
            let index =
                zip(fast.badRows, slow.badRows).enumerated().first { $0.element.0 != $0.element.1 }?.offset
                ?? min(fast.badRows.count, slow.badRows.count)
            let bad = { (rows: [BadRow]) in
                index < rows.count ? "line \(rows[index].line): \(rows[index].problem)" : "(none)"
            }
            return "bad row \(index): fast \(bad(fast.badRows)), byte by byte \(bad(slow.badRows))"
        }
        return "fast \(fast.rows) rows, \(fast.lines) lines, ending at \(fast.endOffset); byte by byte \(slow.rows), "
            + "\(slow.lines), \(slow.endOffset)"
    }

    /// One row: mostly good cells, with the damage exports carry now and then.
    static func row(_ types: [FieldType], random: inout SeededRandom) -> String {
        var fields = types.map { cell($0, random: &random) }
        switch random.next() % 40 {
        case 0: fields.append("extra")
        case 1 where fields.count > 1: fields.removeLast()
        default: break
        }
        let ends = ["\n", "\n", "\n", "\r\n", "\r\n", "\r"]
        var line = fields.joined(separator: ",") + ends[Int(random.next() % UInt64(ends.count))]
        if random.next() % 30 == 0 { line += "\n" }  // a blank line
        return line
    }

    static func cell(_ type: FieldType, random: inout SeededRandom) -> String {
        let roll = random.next() % 100
        let words = ["VP", "Director, Sales", "a", "", " spaced ", "Chief \"\"Happiness\"\" Officer", "x,y"]
        if roll < 6 { return "" }
        if roll < 12 { return "\"" + String(repeating: "long words, ", count: Int(random.next() % 12)) + "\"" }
        if roll < 15 { return "\"two\nlines\"" }
        if roll < 17 { return "stray\"quote" }
        if roll < 19 { return "\"closed\"then" }
        if roll < 20 { return "\"never closed" }
        if roll < 22 { return "n/a" }
        switch type {
        case .number: return ["42", "-3.5", "1e3", "100", " 7 "][Int(random.next() % 5)]
        case .date: return ["2024-03-15", "2024-03-15T13:45:12Z", "2023-11-08T17:36:03Z"][Int(random.next() % 3)]
        case .bool: return ["true", "false", "yes", "0"][Int(random.next() % 4)]
        default:
            let word = words[Int(random.next() % UInt64(words.count))]
            return word.contains(",") || word.contains("\"") ? "\"\(word)\"" : word
        }
    }
}
