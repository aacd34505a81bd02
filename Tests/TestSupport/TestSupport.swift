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

extension Trait where Self == ConditionTrait {
    /// Runs the test only where these files of `../shared` exist; a skip names each missing one.
    public static func requiresShared(_ relativePaths: String...) -> Self {
        let missing = relativePaths.filter { TestSupport.sharedFile($0) == nil }
        let comment = "../shared/" + missing.joined(separator: ", ../shared/")
            + " missing: a clone without the project's shared data skips this test"
        return .enabled(if: missing.isEmpty, Comment(rawValue: comment))
    }
}
