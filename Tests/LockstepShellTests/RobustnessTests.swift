import Foundation
import LockstepCore
import Testing
import TestSupport

@Suite("Robustness")
struct RobustnessTests {
    /// Randomly damaged copies of the example: each either loads or fails with positioned errors,
    /// and whatever loads saves to text that loads again.
    @Test("damaged workbooks never crash, and whatever loads survives a save")
    func mutations() throws {
        let original = Array(try Data(contentsOf: URL(fileURLWithPath: exampleWorkbook)))
        let loader = WorkbookLoader(registry: builtInPlugins)
        let encoder = WorkbookEncoder(registry: builtInPlugins)
        var generator = SystemRandomNumberGenerator()
        var seed = UInt64.random(in: 0...UInt64.max, using: &generator)
        let firstSeed = seed
        var loaded = 0
        for _ in 0..<1_000 {
            var bytes = original
            for _ in 0..<(1 + Int(next(&seed) % 8)) {
                let position = Int(next(&seed) % UInt64(bytes.count))
                switch next(&seed) % 3 {
                case 0: bytes[position] = UInt8(truncatingIfNeeded: next(&seed))
                case 1: bytes.remove(at: position)
                default: bytes.insert(Array(" -:[]{}#&*'\"\n\t".utf8)[Int(next(&seed) % 14)], at: position)
                }
            }
            do {
                let workbook = try loader.decode(bytes, file: "mutant.yaml")
                loaded += 1
                let saved = encoder.encode(workbook)
                #expect(throws: Never.self, "seed \(firstSeed): a loaded workbook saved to unreadable text:\n\(saved)") {
                    _ = try loader.decode(Array(saved.utf8), file: "saved.yaml")
                }
            } catch {
                for problem in error.errors {
                    #expect(problem.location.file == "mutant.yaml")
                    #expect(problem.location.line >= 1 && problem.location.column >= 1, "seed \(firstSeed): \(problem)")
                }
            }
        }
        #expect(loaded > 0, "no mutant loaded at all; the test would prove nothing")
    }

    private func next(_ state: inout UInt64) -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
