import Foundation
import Testing

/// Long outputs pinned in files beside the tests. `LOCKSTEP_RECORD=1` writes them anew — and
/// fails the test, so a recording never passes unreviewed; a mismatch shows the lines that differ.
public enum Golden {
    public static var isRecording: Bool { ProcessInfo.processInfo.environment["LOCKSTEP_RECORD"] == "1" }

    /// True when `text` is what the golden file at `url` holds.
    public static func matches(
        _ text: String, _ url: URL, sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) throws -> Bool {
        if isRecording {
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
            Issue.record(
                "recorded \(url.lastPathComponent): review the diff, then run the tests again without LOCKSTEP_RECORD",
                sourceLocation: sourceLocation)
            return true
        }
        let expected = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        guard expected != text else { return true }
        Issue.record(
            "\(url.lastPathComponent) differs (LOCKSTEP_RECORD=1 writes it anew):\n\(lineDiff(expected, text))",
            sourceLocation: sourceLocation)
        return false
    }

    /// `-` lines only in the golden file, `+` lines only in the output, at most 40 of them.
    public static func lineDiff(_ expected: String, _ actual: String) -> String {
        let old = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let new = actual.split(separator: "\n", omittingEmptySubsequences: false)
        var lines: [String] = []
        for change in new.difference(from: old) {
            switch change {
            case .remove(let offset, let line, _): lines.append("-\(offset + 1): \(line)")
            case .insert(let offset, let line, _): lines.append("+\(offset + 1): \(line)")
            }
        }
        return lines.prefix(40).joined(separator: "\n") + (lines.count > 40 ? "\n… \(lines.count - 40) more" : "")
    }
}
