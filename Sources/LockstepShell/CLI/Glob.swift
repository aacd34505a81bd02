import LockstepCore

#if canImport(Glibc)
import Glibc
#endif

/// Workbook patterns as CI configurations write them: `examples/*.yaml`, `**/lockstep/*.yaml`.
///
/// Why not glob(3): it has no `**`, and a CI step often quotes the pattern so that every
/// platform's shell passes it through alike. `**` matches any number of folders; it follows no
/// symbolic link to a folder, so a link loop cannot make it run forever. A name starting with
/// `.` matches only a pattern segment that starts with one, as in the shell.
enum Glob {
    static func isPattern(_ text: String) -> Bool { text.contains { "*?[".contains($0) } }

    /// The files matching `pattern`, sorted; `pattern` itself when it has no wildcard.
    static func expand(_ pattern: String) -> [String] {
        guard isPattern(pattern) else { return [pattern] }
        let absolute = pattern.hasPrefix("/")
        let segments = pattern.split(separator: "/").map(String.init)
        var found: [String] = []
        walk(absolute ? "/" : "", segments[...], into: &found)
        return found.sorted()
    }

    private static func walk(_ prefix: String, _ segments: ArraySlice<String>, into found: inout [String]) {
        guard let segment = segments.first else { return }
        let rest = segments.dropFirst()
        let folder = prefix.isEmpty ? "." : prefix
        if segment == "**" {
            walk(prefix, rest, into: &found)
            for entry in entries(of: folder) where entry.isFolder && !entry.name.hasPrefix(".") {
                walk(join(prefix, entry.name), segments, into: &found)
            }
            return
        }
        if !isPattern(segment) {
            let path = join(prefix, segment)
            if rest.isEmpty {
                if FileSystem.exists(path) { found.append(path) }
            } else {
                walk(path, rest, into: &found)
            }
            return
        }
        for entry in entries(of: folder) where fnmatch(segment, entry.name, FNM_PERIOD) == 0 {
            if rest.isEmpty {
                if !entry.isFolder { found.append(join(prefix, entry.name)) }
            } else if entry.isFolder || entry.isLink {
                walk(join(prefix, entry.name), rest, into: &found)
            }
        }
    }

    private static func join(_ prefix: String, _ name: String) -> String {
        prefix.isEmpty ? name : prefix.hasSuffix("/") ? prefix + name : prefix + "/" + name
    }

    private struct Entry {
        let name: String
        let isFolder: Bool
        let isLink: Bool
    }

    private static func entries(of folder: String) -> [Entry] {
        guard let directory = opendir(folder) else { return [] }
        defer { closedir(directory) }
        var entries: [Entry] = []
        while let pointer = readdir(directory) {
            let name = withUnsafeBytes(of: pointer.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            guard name != ".", name != ".." else { continue }
            var status = stat()
            let path = folder + "/" + name
            guard lstat(path, &status) == 0 else { continue }
            let kind = status.st_mode & S_IFMT
            entries.append(Entry(name: name, isFolder: kind == S_IFDIR, isLink: kind == S_IFLNK))
        }
        return entries
    }
}
