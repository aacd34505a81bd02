import LockstepMarketing
import LockstepShell
import TestSupport
import Testing

@testable import LockstepCore

/// A large workbook's longest list is read and decoded a run of items at a time, so the parsed
/// text of the whole list is never held beside the model. These tests hold the result to a whole
/// read: the same activities with the same lines and columns, the same errors, item numbers
/// and all, on workbooks built to trip the cuts and on damaged ones.
@Suite("Reading a large workbook's longest list a run at a time")
struct ListRunsTests {
    /// A workbook with a head, `items` activities of every shape a cut could trip on, and a tail.
    static func workbook(
        items: Int, tail: String = "feedback:\n  - id: win-loss\n    name: Win/loss review\n"
    ) -> String {
        var text = """
            lockstep: 1
            name: Runs test
            plugins: [stages, marketing]
            needs:
              - id: need-1
                name: A need
            personas:
              - { id: cfo, name: CFO, role: economic-buyer, needs: [need-1] }
            processes:
              - id: new-business
                name: New business
                stages:
                  - { id: discovery, name: Discovery, owner: sales }
                  - { id: proposal, name: Proposal, owner: sales }
            activities:

            """
        for number in 1...items {
            switch number % 5 {
            case 0:
                text += """
                      - id: activity-\(number)
                        name: "Activity \(number): a \\"quoted\\" name"
                        stages: [new-business/discovery, new-business/proposal]
                        personas: [cfo]
                        needs: [need-1]
                        kpi: leads per month  # a comment

                    """
            case 1:
                text += """
                      - id: activity-\(number)
                        name: Activity \(number)
                        stages:
                          - new-business/discovery
                        swot:
                          strengths: |
                            Two lines
                            - of text

                    """
            case 2:
                // No id, an unknown key and a stage that does not exist: errors that name the
                // item by its number and point at lines.
                text += """
                      - name: Activity \(number) without an id
                        colour: blue
                      - id: activity-\(number)
                        stages: [new-business/nowhere]
                        reviewed: not a date

                    """
            case 3:
                text += """
                      # a comment between items
                      - id: activity-\(number)
                        name: >
                          folded
                          text
                        cta: Book a call
                        follow_up: { channel: email, owner: sdr }

                    """
            default:
                text += "  - id: activity-\(number)\n    stages: 5\n"
            }
        }
        return text + tail
    }

    /// A loader that reads in runs of `every` bytes from any size, or never.
    static func loader(runsOf every: Int?) -> WorkbookLoader {
        var loader = WorkbookLoader(registry: builtInPlugins)
        loader.runs = every.map { (above: 0, bytes: $0) } ?? (above: .max, bytes: 0)
        return loader
    }

    /// What a read gives, for comparing: every activity with the places of its values, and each
    /// section as it would be written; or the errors.
    static func outcome(_ text: String, runsOf every: Int?) -> [String] {
        outcome { () throws(WorkbookLoadError) in try loader(runsOf: every).decode(Array(text.utf8), file: "runs.yaml")
        }
    }

    static func outcome(of read: () throws(WorkbookLoadError) -> Workbook) -> [String] {
        do {
            let workbook = try read()
            let activities = workbook.section(ActivitiesSection.self)?.activities ?? []
            return activities.map { activity in
                "\(activity.id) \(activity.name) @\(activity.location.map(String.init(describing:)) ?? "-") "
                    + activity.stages.map { "\($0.value)@\($0.location.map(String.init(describing:)) ?? "-")" }
                    .joined(separator: ",")
            } + workbook.keyOrder.map { key in "\(key): \(workbook.sections[key].map { "\($0.encode())" } ?? "-")" }
        } catch {
            return error.errors.map(\.rendered)
        }
    }

    @Test("read in runs of any length, a workbook gives the activities, places and errors a whole read gives")
    func runsMatchWhole() throws {
        for tail in ["feedback:\n  - id: win-loss\n    name: Win/loss review\n", "", "strategy:\n  value: price\n"] {
            let text = Self.workbook(items: 60, tail: tail)
            let whole = Self.outcome(text, runsOf: nil)
            #expect(whole.contains { $0.contains("activity #") }, "the whole read reports items by number")
            for every in [1, 200, 1_000, 5_000] {
                let bytes = Array(text.utf8)
                #expect(Self.loader(runsOf: every).decodeInRuns(bytes, file: "runs.yaml") != nil, "runs of \(every)")
                #expect(Self.outcome(text, runsOf: every) == whole, "runs of \(every), tail \(tail.prefix(8))")
            }
        }
        let valid = Self.workbook(items: 60).split(separator: "\n", omittingEmptySubsequences: false)
            .filter {
                !$0.contains("colour") && !$0.contains("nowhere") && !$0.contains("not a date")
                    && !$0.contains("without an id") && !$0.contains("stages: 5")
            }
            .joined(separator: "\n")
        let whole = Self.outcome(valid, runsOf: nil)
        #expect(whole.first?.hasPrefix("activity-1 ") == true, "a valid workbook loads: \(whole.prefix(2))")
        #expect(Self.outcome(valid, runsOf: 300) == whole)
    }

    @Test(
        "a workbook file read in runs reads each run from the file when its turn comes, and no file changed meanwhile")
    func runsFromTheFile() throws {
        let folder = try temporaryFolder()
        var tricky = Self.workbook(items: 60)
        tricky.insert(
            contentsOf: "  - id: tricky\n    name: \"starts here\n  - and goes on\"\n",
            at: tricky.range(of: "  - id: activity-31\n")!.lowerBound)
        // Runs of one item each cut the tricky workbook inside its quoted string.
        for (name, text, every) in [("plain", Self.workbook(items: 60), 300), ("tricky", tricky, 1)] {
            let path = folder.appendingPathComponent("\(name).yaml").path
            try text.write(toFile: path, atomically: false, encoding: .utf8)
            let (bytes, stamp) = try WorkbookLoader.read(path)
            let reread = WorkbookLoader.rereader(of: path, stamp: stamp)
            var ranges: [Range<Int>] = []
            let fromFile = Self.outcome { () throws(WorkbookLoadError) in
                try Self.loader(runsOf: every).decode(
                    bytes, file: path,
                    reread: { range throws(WorkbookError) in
                        ranges.append(range)
                        return try reread(range)
                    })
            }
            let whole = Self.outcome { () throws(WorkbookLoadError) in
                try Self.loader(runsOf: nil).decode(bytes, file: path)
            }
            #expect(fromFile == whole, "\(name)")
            #expect(fromFile.contains { $0.contains("activity #") }, "\(name): the errors are the workbook's own")
            // Each run is read once, from the file; the file as a whole only when a run could not
            // be read on its own.
            let runs = try #require(ListRuns(bytes, every: every))
            if name == "plain" {
                #expect(ranges == (0..<runs.count).map(runs.range) && runs.count > 5, "\(ranges)")
            } else {
                #expect(ranges.last == 0..<bytes.count, "\(ranges.suffix(3))")
                #expect(ranges.dropLast() == (0..<ranges.count - 1).map(runs.range)[...], "\(ranges.prefix(3))")
            }
        }

        let path = folder.appendingPathComponent("plain.yaml").path
        let (bytes, stamp) = try WorkbookLoader.read(path)
        try (String(decoding: bytes, as: UTF8.self) + "# saved meanwhile\n").write(
            toFile: path, atomically: false, encoding: .utf8)
        let changed = Self.outcome { () throws(WorkbookLoadError) in
            try Self.loader(runsOf: 300).decode(
                bytes, file: path, reread: WorkbookLoader.rereader(of: path, stamp: stamp))
        }
        #expect(changed.count == 1 && changed[0].contains("the workbook changed while it was read"), "\(changed)")
        #expect(changed.first?.contains("fix: read it again once it is saved") == true, "\(changed)")
    }

    @Test(
        "a cut inside a quoted string or a bracketed list spanning lines is caught, and the file read whole",
        arguments: [
            "  - id: tricky\n    name: \"starts here\n  - and goes on\"\n",
            "  - id: tricky\n    stages: [new-business/discovery,\n  - new-business/proposal]\n",
            "  - id: anchored\n    kpi: &shared leads\n",
        ])
    func trickyCuts(tricky: String) throws {
        var text = Self.workbook(items: 40)
        let middle = text.range(of: "  - id: activity-21\n")!.lowerBound
        text.insert(contentsOf: tricky, at: middle)
        if tricky.contains("&shared") { text += "strategy:\n  value: *shared\n" }
        #expect(Self.loader(runsOf: 1).decodeInRuns(Array(text.utf8), file: "runs.yaml") == nil)
        #expect(Self.outcome(text, runsOf: 1) == Self.outcome(text, runsOf: nil))
    }

    @Test("300 damaged workbooks read in runs give what a whole read gives, activity for activity or error for error")
    func damagedWorkbooks() {
        var generator = SeededRandom(fallback: 20_261_130, label: "damaged workbooks in runs")
        let base = Array(Self.workbook(items: 30).utf8)
        let damage: [[UInt8]] = [
            "\"", "'", "[", "]", "{", "\n", "\n  - ", "\n- ", "&a ", "*a", "|\n", "#", "\t", ": ", "---\n", "\n  ",
            "\n  - id: x\n", "activities:\n",
        ].map { Array($0.utf8) }
        var readInRuns = 0, readable = 0
        for _ in 0..<300 {
            let bytes = generator.damaged(base, with: damage)
            let text = String(decoding: bytes, as: UTF8.self)
            if Self.loader(runsOf: 400).decodeInRuns(Array(text.utf8), file: "runs.yaml") != nil { readInRuns += 1 }
            if (try? YAMLReader.parse(Array(text.utf8), file: "runs.yaml")) != nil { readable += 1 }
            #expect(Self.outcome(text, runsOf: 400) == Self.outcome(text, runsOf: nil))
        }
        // Most damage that leaves the file readable lands away from the cuts, so most readable
        // workbooks must really have been read in runs.
        #expect(readInRuns > readable / 2, "read in runs: \(readInRuns) of \(readable) readable")
    }
}
