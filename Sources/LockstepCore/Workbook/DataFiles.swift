/// Files a workbook names (a CRM export, an opportunity history): found relative to the
/// workbook, and kept within its folder tree unless the user allows otherwise, so that a
/// workbook someone sent cannot make Lockstep read `/etc/passwd` or `/proc/self/environ`.
public enum DataFiles {
    /// `file` as written in the workbook, relative to the workbook's folder.
    public static func resolve(_ file: String, besides workbookPath: String?) -> String {
        guard !file.hasPrefix("/"), let workbookPath, let slash = workbookPath.lastIndex(of: "/") else { return file }
        return String(workbookPath[...slash]) + file
    }

    /// The message that names a data file outside the workbook's folder tree.
    public static let outsideMarker = "which lies outside the workbook's folder"

    /// Refuses `path` (written `name` under `key`) when it lies outside the workbook's folder tree.
    public static func requireInside(
        _ path: String, named name: String, key: String, workbookPath: String?
    ) throws(CommandError) {
        let folder = workbookPath.map(FileSystem.folder(of:)) ?? "."
        guard !FileSystem.isInside(path, folder: folder) else { return }
        throw CommandError.input(
            "\(key) names '\(Sanitized.excerpt(name))', \(outsideMarker)",
            fix: "put the export in the workbook's folder, or allow it: --allow-data-outside on the command line, "
                + "or answer yes when the shell asks")
    }
}
