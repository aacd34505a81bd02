/// Where a file is, as CI tools track it: relative to the folder the check ran in (the
/// repository, in CI) when it lies there, else its absolute path.
public struct ReportPath: Sendable {
    /// The real path of the folder the check ran in, or empty when it cannot be read.
    public let folder: String

    public init(folder: String = FileSystem.realPath(".") ?? "") { self.folder = folder }

    /// `examples/acme.yaml` for a file under the folder; nil for one outside it.
    public func relative(_ path: String) -> String? {
        guard !folder.isEmpty, let real = FileSystem.realPath(path), real.hasPrefix(folder + "/") else { return nil }
        return String(real.dropFirst(folder.count + 1))
    }

    /// The relative path where there is one, else the absolute path (or the path as given,
    /// for a file that does not exist).
    public func tracked(_ path: String) -> String { relative(path) ?? FileSystem.realPath(path) ?? path }
}

extension Finding {
    /// Rule and target, hashed: what a finding is, wherever in the file it moves. SARIF's
    /// `partialFingerprints` and the baseline both key on it.
    public var fingerprint: String {
        let hex = String(FNV1a.hash((rule + "\u{0}" + target).utf8), radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
