import Foundation
import LockstepCore
import Testing

/// What every test target shares: where the repository is, the day tests take as today, the
/// shared data a developer may not have, and golden files.
public enum TestSupport {
    /// The repository's root, for the shipped examples and the golden files.
    public static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The day every test takes as today, so no result depends on when the tests run.
    public static let today = Day(iso: "2026-06-01")!
    /// The same day as `SOURCE_DATE_EPOCH`, for the real binary.
    public static var sourceDateEpoch: String { String(today.daysSinceEpoch * 86_400) }

    /// The project's shared folder of real data beside the repository; a user's clone has none.
    public static let sharedFolder = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared")

    /// A file under `../shared`, or nil when this clone has none beside it.
    public static func sharedFile(_ relativePath: String) -> URL? {
        let url = sharedFolder.appendingPathComponent(relativePath)
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }

}

/// A small seeded generator (SplitMix64): a failing run names its seed, and the same seed replays it.
public struct SeededRandom: RandomNumberGenerator {
    public let seed: UInt64
    private var state: UInt64

    /// The seed from `LOCKSTEP_SEED` when set, else `fallback`; printed so a failure can be replayed.
    public init(fallback: UInt64, label: String) {
        let chosen = ProcessInfo.processInfo.environment["LOCKSTEP_SEED"].flatMap { UInt64($0) } ?? fallback
        seed = chosen
        state = chosen
        print("\(label): seed \(chosen) (LOCKSTEP_SEED=\(chosen) replays it)")
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

extension SeededRandom {
    /// `base` with one to three pieces of `damage` inserted at random places: a damaged file for
    /// a reader to survive.
    public mutating func damaged(_ base: [UInt8], with damage: [[UInt8]]) -> [UInt8] {
        var bytes = base
        for _ in 0..<(1 + Int(next() % 3)) {
            let at = Int(next() % UInt64(bytes.count))
            bytes.insert(contentsOf: damage[Int(next() % UInt64(damage.count))], at: at)
        }
        return bytes
    }
}

extension TestSupport {
    /// A YAML node as `Tests/Support/yaml_readers.py` expects it: what other YAML readers must read.
    public static func readerExpectation(_ node: YAMLNode) -> Any {
        switch node.content {
        case .scalar(let text, let quoted): return [quoted ? "s" : "l": text]
        case .sequence(let items): return items.map(readerExpectation)
        case .mapping(let entries):
            var values: [String: Any] = [:]
            for entry in entries { values[entry.key.scalar ?? ""] = readerExpectation(entry.value) }
            return ["m": values]
        }
    }
}

extension Trait where Self == ConditionTrait {
    /// Runs the test only where these files of `../shared` exist; a skip names each missing one.
    public static func requiresShared(_ relativePaths: String...) -> Self {
        let missing = relativePaths.filter { TestSupport.sharedFile($0) == nil }
        let comment =
            "../shared/" + missing.joined(separator: ", ../shared/")
            + " missing: a clone without the project's shared data skips this test"
        return .enabled(if: missing.isEmpty, Comment(rawValue: comment))
    }
}
