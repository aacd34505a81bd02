import Foundation
import LockstepCore
import TestSupport
import Testing

/// The typed column loader behind `data load`: values, bad rows and their lines, and the same
/// answer however the file is split between workers.
@Suite("Loading CSV columns")
struct ColumnLoaderTests {
    func write(_ text: String) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "lockstep-columns-\(UUID().uuidString).csv")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    func load(
        _ path: String, _ requests: [ColumnRequest], threads: Int = 1, bytesPerWorker: Int = 4 << 20,
        format: DateFormat = .iso, empty: [String] = []
    ) throws -> LoadedColumns {
        var options = ColumnLoadOptions()
        options.threads = threads
        options.minimumBytesPerWorker = bytesPerWorker
        options.dateFormat = format
        options.emptyValues = empty
        return try ColumnLoader.load(path: path, requests: requests, options: options)
    }

    func numbers(_ frame: Frame, _ field: String) -> [Double?] {
        switch frame.columns[field] {
        case .number(let values)?, .date(let values)?: return values.map { $0.isNaN ? nil : $0 }
        default: return []
        }
    }

    func texts(_ frame: Frame, _ field: String) -> [String?] {
        guard case .string(let codes, let values)? = frame.columns[field] else { return [] }
        return codes.map { $0 < 0 ? nil : values[Int($0)] }
    }

    @Test("numbers, flags, text with doubled quotes and placeholders come out typed; empty cells stay empty")
    func typedValues() throws {
        let path = try write(
            #"""
            score,flag,title,note
            42,yes,"VP, ""Sales""",a
            -3.5,No,Director,Select
            1e3,1,,b
            ,,plain,c

            """#)
        let loaded = try load(
            path,
            [
                ColumnRequest(field: "score", column: 0, type: .number),
                ColumnRequest(field: "flag", column: 1, type: .bool),
                ColumnRequest(field: "title", column: 2, type: .string),
                ColumnRequest(field: "note", column: 3, type: .string),
            ],
            empty: ["Select"])
        #expect(loaded.badRowCount == 0)
        #expect(numbers(loaded.frame, "score") == [42, -3.5, 1000, nil])
        guard case .bool(let flags)? = loaded.frame.columns["flag"] else { Issue.record("no flag column"); return }
        #expect(flags == [1, 0, 1, -1])
        #expect(texts(loaded.frame, "title") == ["VP, \"Sales\"", "Director", nil, "plain"])
        #expect(texts(loaded.frame, "note") == ["a", nil, "b", "c"])
    }

    @Test("fields of every length up to 40 bytes, ended by a comma, a line feed or CR LF at any offset, come out whole")
    func fieldEnds() throws {
        // The field search reads sixteen or eight bytes at a time: every length crosses its
        // blocks at another place, and each line ending is met at every offset.
        var text = "pad,title,score\n", titles: [String] = [], pads: [String] = []
        for length in 0...40 {
            for (padding, ending) in [(0, "\n"), (5, "\r\n"), (11, "\n"), (16, "\r\n")] {
                let title = String((0..<length).map { Character(UnicodeScalar(97 + ($0 % 26))!) })
                pads.append(String(repeating: "p", count: padding))
                titles.append(title)
                text += "\(pads.last!),\(title),\(length)\(ending)"
            }
        }
        let loaded = try load(
            try write(text),
            [
                ColumnRequest(field: "pad", column: 0, type: .string),
                ColumnRequest(field: "title", column: 1, type: .string),
                ColumnRequest(field: "score", column: 2, type: .number),
            ])
        #expect(loaded.badRowCount == 0)
        #expect(texts(loaded.frame, "title") == titles.map { $0.isEmpty ? nil : $0 })
        #expect(texts(loaded.frame, "pad") == pads.map { $0.isEmpty ? nil : $0 })
        #expect(numbers(loaded.frame, "score") == titles.map { Double($0.count) })
    }

    @Test("dates in the formats exports use, with times and zones, as days since 1970")
    func dates() throws {
        func days(_ text: String, _ format: DateFormat = .iso) -> Double? {
            Array(text.utf8).withUnsafeBufferPointer { format.days($0) }
        }
        let march15 = Double(Day(iso: "2024-03-15")!.daysSinceEpoch)
        #expect(days("2024-03-15") == march15)
        #expect(days("2024-03-15T12:00:00Z") == march15 + 0.5)
        #expect(days("2024-03-15 06:00") == march15 + 0.25)
        #expect(days("2024-03-15T14:00:00+02:00") == march15 + 0.5)
        #expect(days("2024-03-15T12:00:00.500Z")! > march15 + 0.5)
        #expect(days("15-03-2024", DateFormat("DD-MM-YYYY")!) == march15)
        #expect(days("15-03-2024 18:00", DateFormat("DD-MM-YYYY HH:MM")!) == march15 + 0.75)
        #expect(days("03/15/2024", DateFormat("MM/DD/YYYY")!) == march15)
        // ISO is read whatever the format says; a day-first date is not read as ISO.
        #expect(days("2024-03-15", DateFormat("DD-MM-YYYY")!) == march15)
        #expect(days("15-03-2024") == nil)
        for bad in [
            "2024-02-30", "2024-13-01", "31-02-2018", "2024-03-15T25:00", "2024-03-15 12:00 tomorrow", "May-20",
            "yesterday",
        ] {
            #expect(days(bad, DateFormat("DD-MM-YYYY")!) == nil, "\(bad)")
        }
        #expect(DateFormat("YYYY/DD/MM") == nil)
        // The fixed-layout reading of the usual export timestamp agrees with the general one.
        #expect(days("2024-03-15T18:30:36Z") == march15 + (18 * 3600 + 30 * 60 + 36) / 86_400)
        for bad in ["2024-03-15T24:00:00Z", "2024-03-15T12:60:00Z", "2024-02-30T12:00:00Z", "2024-03-1xT12:00:00Z"] {
            #expect(days(bad) == nil, "\(bad)")
        }
    }

    @Test(
        "a bad row is counted and described with its line — after a quoted field spanning lines too — and the rest load"
    )
    func badRows() throws {
        let path = try write(
            "id,score,when\n1,10,2024-01-01\n2,\"multi\nline\",2024-01-02\n3,abc,2024-01-03\n4,40\n5,50,2024-02-30\n6,60,2024-01-06\n\"7,70,2024-01-07\"\n"
        )
        let loaded = try load(
            path,
            [
                ColumnRequest(field: "score", column: 1, type: .string),
                ColumnRequest(field: "n", column: 1, type: .number),
                ColumnRequest(field: "when", column: 2, type: .date),
            ])
        #expect(loaded.frame.count == 2)
        #expect(numbers(loaded.frame, "n") == [10, 60])
        #expect(loaded.badRows.map(\.line) == [3, 5, 6, 7, 9])
        #expect(loaded.badRows[0].problem.contains("column 'score' (field n) holds 'multi\nline', not a number"))
        #expect(loaded.badRows[2].problem == "2 fields where the header has 3")
        #expect(loaded.badRows[3].problem.contains("holds '2024-02-30', not a date in the format YYYY-MM-DD"))
        #expect(loaded.badRows[4].problem.contains("the whole row is one quoted field"))
        #expect(loaded.badRowCount == 5)
    }

    @Test("blank lines are skipped and leave nothing behind: the first column's values stay with their rows")
    func blankLines() throws {
        let id = String(repeating: "x", count: 70)
        let path = try write("score,id\n\n10,\(id)\n\r\n60,\(id)\r\n\n\n30,\(id)\n\n")
        let loaded = try load(path, [ColumnRequest(field: "score", column: 0, type: .number)])
        #expect(loaded.frame.count == 3)
        #expect(numbers(loaded.frame, "score") == [10, 60, 30])
        #expect(loaded.badRowCount == 0)
    }

    @Test("an unreadable file, an empty file and a directory are refused with the reason")
    func unreadable() throws {
        #expect(throws: ColumnLoadFailure.self) { try load("/nonexistent/leads.csv", []) }
        let empty = try write("")
        do {
            _ = try load(empty, [])
            Issue.record("an empty file loaded")
        } catch {
            #expect((error as? ColumnLoadFailure)?.reason.contains("the file is empty") == true)
        }
        do {
            _ = try load(FileManager.default.temporaryDirectory.path, [])
            Issue.record("a directory loaded")
        } catch {
            #expect((error as? ColumnLoadFailure)?.reason.contains("directory") == true)
        }
    }

    @Test(
        "split between workers, the file gives the same rows and bad lines as read by one — even when a split falls inside a quoted line break"
    )
    func splitsAgree() throws {
        var text = "id,score,title,when\n"
        for row in 1...3000 {
            let title =
                row % 7 == 0 ? "\"VP,\nSales \"\"EMEA\"\"\"" : (row % 5 == 0 ? "Director" : "Analyst \(row % 13)")
            let score = row % 97 == 0 ? "n/a" : String(row % 100)
            text += "\(row),\(score),\(title),2024-01-\(String(format: "%02d", row % 28 + 1))T10:00:00Z\n"
        }
        let path = try write(text)
        let requests = [
            ColumnRequest(field: "score", column: 1, type: .number),
            ColumnRequest(field: "title", column: 2, type: .string),
            ColumnRequest(field: "when", column: 3, type: .date),
        ]
        let one = try load(path, requests, threads: 1)
        #expect(one.frame.count == 3000 - 30)
        #expect(one.badRowCount == 30)
        for threads in [2, 3, 8] {
            let many = try load(path, requests, threads: threads, bytesPerWorker: 256)
            #expect(many.frame.count == one.frame.count)
            #expect(numbers(many.frame, "score") == numbers(one.frame, "score"))
            #expect(numbers(many.frame, "when") == numbers(one.frame, "when"))
            #expect(texts(many.frame, "title") == texts(one.frame, "title"))
            #expect(many.badRows == one.badRows, "\(threads) workers")
        }
    }

    @Test(
        "streamed in small batches over one to eight workers, the batches hold every row once, in file order, as a whole load does"
    )
    func streamedBatches() throws {
        var text = "id,score,title\n"
        for row in 1...3000 {
            let title = row % 7 == 0 ? "\"VP,\nSales\"" : (row % 5 == 0 ? "Director" : "Analyst \(row % 13)")
            text += "\(row),\(row % 97 == 0 ? "n/a" : String(row % 100)),\(title)\n"
        }
        let path = try write(text)
        let requests = [
            ColumnRequest(field: "id", column: 0, type: .number),
            ColumnRequest(field: "score", column: 1, type: .number),
            ColumnRequest(field: "title", column: 2, type: .string),
        ]
        let whole = try load(path, requests)
        for threads in [1, 2, 8] {
            var options = ColumnLoadOptions()
            options.threads = threads
            options.minimumBytesPerWorker = 256
            let streamed = try ColumnLoader.stream(path: path, requests: requests, options: options, batchRows: 37) {
                batch in
                (
                    count: batch.count, ids: ColumnLoaderTests.values(batch, "id"),
                    titles: ColumnLoaderTests.titles(batch)
                )
            }
            #expect(streamed.rowCount == whole.frame.count)
            #expect(streamed.partials.allSatisfy { $0.count <= 37 && $0.count > 0 })
            #expect(
                streamed.partials.flatMap(\.ids) == numbers(whole.frame, "id"),
                "\(threads) workers: every row once, in order")
            #expect(streamed.partials.flatMap(\.titles) == texts(whole.frame, "title"))
            #expect(streamed.badRows == whole.badRows && streamed.badRowCount == 30)
        }
    }

    static func values(_ frame: Frame, _ field: String) -> [Double?] {
        guard case .number(let values)? = frame.columns[field] else { return [] }
        return values.map { $0.isNaN ? nil : $0 }
    }

    static func titles(_ frame: Frame) -> [String?] {
        guard case .string(let codes, let values)? = frame.columns["title"] else { return [] }
        return codes.map { $0 < 0 ? nil : values[Int($0)] }
    }

    @Test("progress is reported as the file is read, up to its whole size; an interrupt stops the load")
    func progressAndInterrupt() throws {
        let path = try write("id,score\n" + (1...200_000).map { "\($0),\($0 % 100)\n" }.joined())
        let size = try FileManager.default.attributesOfItem(atPath: path)[.size] as! Int
        final class Seen: @unchecked Sendable {
            let lock = NSLock()
            var values: [Int] = []
        }
        let seen = Seen()
        var options = ColumnLoadOptions()
        options.threads = 2
        options.minimumBytesPerWorker = 1 << 16
        options.progress = { done, total in
            #expect(total == size)
            seen.lock.lock(); seen.values.append(done); seen.lock.unlock()
        }
        let loaded = try ColumnLoader.load(
            path: path, requests: [ColumnRequest(field: "score", column: 1, type: .number)], options: options)
        #expect(loaded.frame.count == 200_000)
        #expect(seen.values == seen.values.sorted())
        #expect(seen.values.last == size - "id,score\n".utf8.count)
        options.isInterrupted = { true }
        do {
            _ = try ColumnLoader.load(path: path, requests: [], options: options)
            Issue.record("an interrupted load finished")
        } catch {
            #expect(error.reason == "interrupted")
        }
    }

    @Test(
        "500 damaged exports (stray quotes, commas, line breaks, bytes cut): no crash, every record counted once, and one worker agrees with four"
    )
    func damagedExports() throws {
        let original = Array(
            try String(
                contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                    .deletingLastPathComponent().appendingPathComponent("examples/crm/acme-hubspot-contacts.csv"),
                encoding: .utf8
            ).utf8)
        let requests = [
            ColumnRequest(field: "score", column: 7, type: .number),
            ColumnRequest(field: "owner", column: 5, type: .string),
            ColumnRequest(field: "budget", column: 10, type: .bool),
            ColumnRequest(field: "mql", column: 11, type: .date),
            ColumnRequest(field: "created", column: 13, type: .date),
        ]
        var generator = SeededRandom(fallback: 20261124, label: "damaged exports")
        let noise: [UInt8] = Array("\",\n\r;x0".utf8)
        for _ in 0..<500 {
            var bytes = original
            for _ in 0..<Int(generator.next() % 6) + 1 {
                let at = Int(generator.next() % UInt64(bytes.count))
                switch generator.next() % 3 {
                case 0: bytes.insert(noise[Int(generator.next() % UInt64(noise.count))], at: at)
                case 1: bytes.remove(at: at)
                default: bytes.replaceSubrange(at..<min(bytes.count, at + Int(generator.next() % 40)), with: [])
                }
            }
            let path = try write(String(decoding: bytes, as: UTF8.self))
            let one: LoadedColumns
            do {
                one = try load(path, requests, threads: 1)
            } catch {
                // A damaged header can leave too few columns: that is refused, never a crash.
                continue
            }
            let four = try load(path, requests, threads: 4, bytesPerWorker: 512)
            #expect(four.frame.count == one.frame.count)
            #expect(four.badRows == one.badRows)
            #expect(numbers(four.frame, "score") == numbers(one.frame, "score"))
            #expect(texts(four.frame, "owner") == texts(one.frame, "owner"))
            // Each damage adds at most one line break, so at most one record.
            #expect(one.frame.count + one.badRowCount <= 160 + 6)
        }
    }

    @Test(
        "a stray quote costs its own row only: the rows after it load, one worker or four, and the bad row names its line",
        arguments: [1, 4])
    func strayQuote(threads: Int) throws {
        var rows = ["name,score"] + (0..<160).map { "lead\($0),\($0 % 10)" }
        rows[2] = "\"lead1,1"
        let path = try write(rows.joined(separator: "\n") + "\n")
        let loaded = try load(
            path, [ColumnRequest(field: "score", column: 1, type: .number)], threads: threads, bytesPerWorker: 64)
        #expect(loaded.frame.count == 159)
        #expect(loaded.badRowCount == 1)
        #expect(loaded.badRows.first?.line == 3)
        #expect(
            loaded.badRows.first?.problem.hasPrefix("a quote opened in column 1 is not closed within 100 lines") == true
        )
        // Left open near the end, the quote still takes only its row.
        let tail = try write("name,score\na,1\n\"b,2\nc,3\nd,4\n")
        let near = try load(
            tail, [ColumnRequest(field: "score", column: 1, type: .number)], threads: threads, bytesPerWorker: 8)
        #expect(numbers(near.frame, "score") == [1, 3, 4])
        #expect(near.badRows.map(\.line) == [3])
    }

    @Test("an export in Latin-1 or Windows-1252 is named at its first such byte, and read when its encoding is given")
    func singleByteEncodings() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "lockstep-latin1-\(UUID().uuidString).csv")
        try Data([0x6E, 0x61, 0x6D, 0x65, 0x0A] + Array("Caf".utf8) + [0xE9, 0x20, 0x80, 0x0A]).write(to: url)
        #expect(throws: ColumnLoadFailure.self) {
            try load(url.path, [ColumnRequest(field: "name", column: 0, type: .string)])
        }
        let latin1 = try TextEncoding.latin1.converted(url.path)
        #expect(
            texts(try load(latin1.path, [ColumnRequest(field: "name", column: 0, type: .string)]).frame, "name") == [
                "Café \u{80}"
            ])
        let windows = try TextEncoding.windows1252.converted(url.path)
        #expect(
            texts(try load(windows.path, [ColumnRequest(field: "name", column: 0, type: .string)]).frame, "name") == [
                "Café €"
            ])
    }
}
