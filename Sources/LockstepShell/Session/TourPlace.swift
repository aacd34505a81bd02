import LockstepCore

/// Where the tour keeps its copy of the workbook and how far the learner got:
/// `$XDG_STATE_HOME/lockstep/tour/` holds `start.yaml` (the workbook as the tour began), the
/// working copy under the workbook's own name, and `progress` (the step to resume at). The
/// learner's own files are never written.
struct TourPlace {
    let folder: String

    static var standard: TourPlace? { StateFolder.path.map { TourPlace(folder: $0 + "/tour") } }

    var startPath: String { folder + "/start.yaml" }
    var progressPath: String { folder + "/progress" }

    /// The working copy, by the name recorded beside it.
    var copyPath: String? {
        guard let name = Self.text(folder + "/name", limit: 256), !name.trimmed.isEmpty else { return nil }
        return folder + "/" + name.trimmed
    }

    /// Starts over from `text`, a workbook named `name`: the start and the working copy.
    func begin(text: String, name: String) throws(CommandError) -> String {
        StateFolder.make(folder)
        let base = (name.split(separator: "/").last.map(String.init) ?? name)
        let copy = folder + "/" + (base.hasSuffix(".yaml") || base.hasSuffix(".yml") ? base : base + ".yaml")
        for (path, content) in [
            (startPath, text), (copy, text), (folder + "/name", String(copy.split(separator: "/").last!)),
            (progressPath, ""),
        ] {
            do {
                _ = try SafeWrite.write(Array(content.utf8), to: path)
            } catch {
                throw .failed(
                    "cannot keep the tour's copy in \(folder): \(error.reason)",
                    fix: "check that the folder is writable (XDG_STATE_HOME)")
            }
        }
        return copy
    }

    /// The step to resume at and the working copy, when a tour was left half-way.
    func resumable() -> (copy: String, start: String, lesson: String)? {
        guard let copy = copyPath, FileSystem.exists(copy),
            let start = Self.text(startPath, limit: 64 << 20),
            let progress = Self.text(progressPath, limit: 256), !progress.trimmed.isEmpty
        else { return nil }
        return (copy, start, progress.trimmed)
    }

    static func text(_ path: String, limit: Int) -> String? {
        (try? FileSystem.readFile(path, limit: limit)).map { String(decoding: $0.bytes, as: UTF8.self) }
    }

    /// Remembers the step to resume at; nil once the tour is over.
    func record(_ lesson: String?) {
        _ = try? SafeWrite.write(Array((lesson ?? "").utf8), to: progressPath)
    }
}
