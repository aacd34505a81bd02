import LockstepCore

/// Exports in Latin-1 or Windows-1252 are read through a UTF-8 copy, made once per file as it
/// is on disk and kept for the session (an unnamed temporary file, gone when Lockstep exits).
enum ConvertedExports {
    private static let copies = LockedValues()

    /// Where to read `path` in `encoding`: the file itself when it is UTF-8, else its UTF-8 copy.
    static func readable(_ path: String, encoding: TextEncoding) throws(CommandError) -> String {
        guard encoding != .utf8 else { return path }
        let key = "\(encoding.rawValue)|\(FileSystem.stamp(path))|\(path)"
        if let copy: ConvertedFile = copies[key] { return copy.path }
        do throws(ColumnLoadFailure) {
            let copy = try encoding.converted(path)
            copies.set(key, copy)
            return copy.path
        } catch {
            throw CommandError.input("cannot read the CRM export \(path): \(error.reason)", fix: "check leads.data.file and leads.data.encoding")
        }
    }
}
