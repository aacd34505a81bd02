/// The findings a team accepted when it adopted the checks (`--write-baseline`), so that a run
/// with `--baseline` fails only on findings that are new since.
///
/// A text file, one finding per line, so that a pull request that changes it shows which
/// findings were fixed or accepted:
///
///     # lockstep baseline 1
///     <fingerprint> TAB <file> TAB <rule> TAB <target>
///
/// A finding is matched on its file (relative to the folder the check runs in), its rule and
/// its fingerprint (rule and target), so lines moving or items reordered keep it matched.
public struct Baseline: Sendable, Equatable {
    public struct Key: Hashable, Sendable {
        public let fingerprint: String
        public let file: String
        public let rule: String

        public init(_ finding: Finding, file: String, paths: ReportPath = ReportPath()) {
            fingerprint = finding.fingerprint
            self.file = paths.tracked(file)
            rule = finding.rule
        }

        init(fingerprint: String, file: String, rule: String) {
            self.fingerprint = fingerprint
            self.file = file
            self.rule = rule
        }
    }

    /// Why a baseline could not be read, with its place and the fix.
    public struct Failure: Error, Sendable {
        public let path: String
        public let line: Int
        public let message: String
        public let fix: String

        public var rendered: String {
            "\(Sanitized.visible(path)):\(line): error: \(message)\n  fix: \(Sanitized.visible(fix))"
        }
    }

    /// How many findings each key accepts.
    public let counts: [Key: Int]

    static let header = "# lockstep baseline 1"
    /// A baseline is a list of findings: far below this in any workbook.
    public static let sizeLimit = 64 << 20

    /// The open findings of `report`, as a baseline file's text.
    public static func text(of report: CheckReport, paths: ReportPath = ReportPath()) -> String {
        var lines = [
            header, "# Findings accepted on adoption: `lockstep check --baseline FILE` fails only on others.",
            "# fingerprint\tfile\trule\ttarget",
        ]
        let open = report.findings.filter { !$0.isNotice && $0.waivedBecause == nil }
        let rows = open.map { finding -> String in
            let key = Key(finding, file: report.location(of: finding).file, paths: paths)
            return [key.fingerprint, key.file, key.rule, finding.target].map(field).joined(separator: "\t")
        }
        lines += rows.sorted()
        return lines.joined(separator: "\n") + "\n"
    }

    /// A value as a field: tabs and line ends, which would split the line, shown escaped.
    static func field(_ value: String) -> String { Sanitized.visible(value) }

    /// Reads a baseline's text; `path` names it in errors.
    public init(text: String, path: String) throws(Failure) {
        var counts: [Key: Int] = [:]
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let number = index + 1
            if number == 1, line != Self.header {
                throw Failure(
                    path: path, line: 1,
                    message: "this is not a Lockstep baseline (its first line is not '\(Self.header)')",
                    fix: "write one with: lockstep check WORKBOOK --write-baseline \(path)")
            }
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 4, fields[0].count == 16, fields[0].allSatisfy(\.isHexDigit) else {
                throw Failure(
                    path: path, line: number,
                    message: "line \(number) is not 'fingerprint TAB file TAB rule TAB target'",
                    fix: "write the baseline again with --write-baseline, or mend or delete that line")
            }
            counts[Key(fingerprint: fields[0], file: fields[1], rule: fields[2]), default: 0] += 1
        }
        self.counts = counts
    }

    /// Reads the baseline file at `path`.
    public static func read(_ path: String) throws(Failure) -> Baseline {
        let bytes: [UInt8]
        do {
            bytes = try FileSystem.readBytes(path, limit: sizeLimit)
        } catch {
            throw Failure(
                path: path, line: 1, message: "cannot read the baseline: \(error.reason)",
                fix: "give --baseline a file written by --write-baseline")
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw Failure(
                path: path, line: 1, message: "the baseline is not UTF-8 text",
                fix: "give --baseline a file written by --write-baseline")
        }
        return try Baseline(text: text, path: path)
    }
}
