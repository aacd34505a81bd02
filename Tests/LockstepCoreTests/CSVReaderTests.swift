import Foundation
import LockstepCore
import Testing
import TestSupport

/// csv-spectrum, a peer's suite for CSV readers: each file must give exactly its JSON's rows.
@Suite("Reading CSV")
struct CSVReaderTests {
    static let spectrum = TestSupport.sharedFolder.appendingPathComponent("data/csv-spectrum")
    static let names: [String] = {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: spectrum.appendingPathComponent("csvs").path)) ?? []
        return files.filter { $0.hasSuffix(".csv") }.map { String($0.dropLast(4)) }.sorted()
    }()

    @Test("csv-spectrum: every file reads as its expected rows",
          .requiresShared("data/csv-spectrum/csvs", "data/csv-spectrum/json"),
          arguments: names)
    func spectrumCase(name: String) throws {
        let csv = Array(try Data(contentsOf: Self.spectrum.appendingPathComponent("csvs/\(name).csv")))
        let json = try Data(contentsOf: Self.spectrum.appendingPathComponent("json/\(name).json"))
        // One of the suite's files holds a single object rather than a list of them.
        let object = try JSONSerialization.jsonObject(with: json)
        let expected = try #require(object as? [[String: String]] ?? (object as? [String: String]).map { [$0] })
        var expectedRows = expected
        if !csv.contains(UInt8(ascii: "\r")) {
            // The shared copy of newlines_crlf.csv lost its carriage returns; compare the rows it does hold.
            expectedRows = expected.map { $0.mapValues { $0.replacingOccurrences(of: "\r\n", with: "\n") } }
        }
        if name == "location_coordinates" {
            // Upstream's JSON gives a phone number (1234567890) that its CSV does not hold (2095257564);
            // every other field of the case is compared.
            expectedRows = expectedRows.map { $0.filter { $0.key != "Contact Phone Number" } }
        }
        let records = try CSVReader.records(csv).map { try $0.get() }
        guard let header = records.first else {
            #expect(expectedRows.isEmpty)
            return
        }
        let rows = records.dropFirst().map { record in
            Dictionary(uniqueKeysWithValues: zip(header.fields, record.fields))
        }
        let compared = name == "location_coordinates" ? rows.map { $0.filter { $0.key != "Contact Phone Number" } } : rows
        #expect(compared == expectedRows)
    }

    @Test("the suite is all there")
    func suitePresent() {
        if Self.names.isEmpty { return }
        #expect(Self.names.count == 12)
    }

    @Test("bad records are reported with their line and do not swallow the rest")
    func badRecords() {
        let text = "name,kind\nok,webinar\n\"broken,tool\nnext,content\n"
        let records = CSVReader.records(Array("name,kind\n37.8\"N,x\n\"closed\"junk,y\nfine,z\n".utf8))
        #expect(records.count == 4)
        #expect(records[1] == .success(CSVReader.Record(fields: ["37.8\"N", "x"], line: 2)))
        #expect(records[2] == .failure(CSVReader.BadRecord(line: 3, problem: "text after a closing quote: a quote inside a field must be doubled (\"\")")))
        #expect(records[3] == .success(CSVReader.Record(fields: ["fine", "z"], line: 4)))
        // A quote that never closes costs its own line only: the rows after it are still read.
        let unclosed = CSVReader.records(Array(text.utf8))
        #expect(unclosed.count == 4)
        #expect(unclosed[2] == .failure(CSVReader.BadRecord(line: 3, problem: "a quote opened on this line is never closed (the rows after it were read on their own)")))
        #expect(unclosed[3] == .success(CSVReader.Record(fields: ["next", "content"], line: 4)))
    }

    @Test("a byte-order mark and CR line ends are handled")
    func bomAndCR() {
        let records = CSVReader.records([0xEF, 0xBB, 0xBF] + Array("a,b\r1,2\r".utf8))
        #expect(records == [.success(.init(fields: ["a", "b"], line: 1)), .success(.init(fields: ["1", "2"], line: 2))])
    }
}
