import Foundation
import TestSupport
import Testing

/// Two people saving the same workbook at the same moment: one wins, the other is refused and
/// told so — never two "saved" with one change silently gone.
@Suite("Concurrent saves")
struct ConcurrentSaveTests {
    static let races = 50

    /// Starts the binary without waiting for it.
    func start(_ arguments: [String]) throws -> (Process, Pipe) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: lockstepBinary)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging([
            "SOURCE_DATE_EPOCH": TestSupport.sourceDateEpoch, "XDG_STATE_HOME": testStateFolder,
        ]) { $1 }
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return (process, errors)
    }

    @Test("50 races of two batch saves: each ends with both changes on disk, or one run refused with exit 1")
    func races() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "lockstep-races-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var refusals = 0
        for race in 0..<Self.races {
            let path = folder.appendingPathComponent("race-\(race).yaml").path
            try FileManager.default.copyItem(atPath: exampleWorkbook, toPath: path)
            let first = try start(["-c", "activity edit roi-calculator --kpi 'first \(race)'; save", path])
            let second = try start(["-c", "activity edit close-webinar --kpi 'second \(race)'; save", path])
            var codes: [Int32] = []
            var messages: [String] = []
            for (process, errors) in [first, second] {
                let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                process.waitUntilExit()
                codes.append(process.terminationStatus)
                messages.append(text)
            }
            let saved = try String(contentsOfFile: path, encoding: .utf8)
            let hasFirst = saved.contains("kpi: first \(race)"), hasSecond = saved.contains("kpi: second \(race)")
            switch (codes[0], codes[1]) {
            case (0, 0):
                #expect(
                    hasFirst && hasSecond,
                    "race \(race): both said saved, but the file has first=\(hasFirst) second=\(hasSecond)")
            case (0, 1):
                refusals += 1
                #expect(
                    hasFirst && messages[1].contains("changed on disk since it was opened"),
                    "race \(race): \(messages[1])")
            case (1, 0):
                refusals += 1
                #expect(
                    hasSecond && messages[0].contains("changed on disk since it was opened"),
                    "race \(race): \(messages[0])")
            default:
                Issue.record("race \(race): exit codes \(codes): \(messages)")
            }
        }
        print("concurrent saves: \(refusals) of \(Self.races) races ended with one run refused")
    }
}
