import Foundation
import LockstepCore

#if canImport(Glibc)
import Glibc
#endif

/// The external plugins of one run, by their entry in `plugins:` and the workbook's folder: each
/// found once, its signature read from the cache when the executable has not changed since it
/// was last asked (so start-up starts no process), else from a handshake.
public final class PluginResolver: @unchecked Sendable {
    /// Where signatures are kept between runs; nil keeps none.
    let cacheFolder: String?
    let lockstepVersion: String
    /// Seconds a plugin has to answer one call: `LOCKSTEP_PLUGIN_TIMEOUT`, else 10.
    let timeout: Double
    private let lock = NSLockLike()
    private var resolved: [String: ExternalPlugin] = [:]

    /// The built-in plugins: an external section may name their kinds in `id` fields, and may
    /// take none of their kinds or section keys.
    let builtIn: PluginRegistry

    public init(cacheFolder: String?, lockstepVersion: String, builtIn: PluginRegistry = PluginRegistry([])) {
        self.cacheFolder = cacheFolder
        self.builtIn = builtIn
        self.lockstepVersion = lockstepVersion
        timeout = FileSystem.environment("LOCKSTEP_PLUGIN_TIMEOUT").flatMap(Double.init).map { max(0.1, $0) } ?? 10
    }

    /// The plugins found so far, for the session's registry.
    public var plugins: [any Plugin] { lock.locked { Array(resolved.values) } }

    /// The plugin `entry` names, for a workbook at `file`.
    public func resolve(_ entry: String, workbook file: String) -> Result<any Plugin, ExternalPluginError> {
        let folder = FileSystem.realPath(FileSystem.folder(of: file).isEmpty ? "." : FileSystem.folder(of: file)) ?? "."
        // The folder is resolved, the program's own name is kept: a plugin may be a link whose
        // name says what it is. A bare name is looked for in the plugin folders.
        let path: String
        if WorkbookLoader.isExternal(entry) {
            path =
                entry.hasPrefix("/")
                ? entry : folder + "/" + (entry.hasPrefix("./") ? String(entry.dropFirst(2)) : entry)
        } else if let found = Self.installed(entry) {
            path = found
        } else {
            return .failure(
                ExternalPluginError(reason: "no program named \(entry) in the plugin folders", notFound: true))
        }
        if let known = lock.locked({ resolved[entry] }), known.process.executable == path { return .success(known) }
        var info = stat()
        guard stat(path, &info) == 0 else { return .failure(ExternalPluginError(reason: "\(path) does not exist")) }
        guard info.st_mode & S_IFMT == S_IFREG, access(path, X_OK) == 0 else {
            return .failure(ExternalPluginError(reason: "\(path) is not an executable file (chmod +x it)"))
        }
        let process = PluginProcess(
            executable: path, folder: folder, environment: Self.environment,
            timeout: timeout)
        let key = "\(path)|\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)|\(info.st_size)"
        let signature: PluginProtocol.Signature
        if let cached = cachedSignature(key) {
            signature = cached
        } else {
            do {
                signature = try process.call(
                    "initialize",
                    PluginProtocol.Initialize(protocolVersion: PluginProtocol.version, lockstep: lockstepVersion),
                    as: PluginProtocol.Signature.self)
            } catch {
                return .failure(
                    ExternalPluginError(
                        reason: "the handshake failed: \(error.reason)\(ExternalPlugin.said(error.stderrTail))"))
            }
            guard signature.protocolVersion == PluginProtocol.version else {
                process.stop()
                return .failure(
                    ExternalPluginError(
                        reason:
                            "it speaks protocol version \(signature.protocolVersion); this Lockstep speaks \(PluginProtocol.version)"
                    ))
            }
            store(signature, key: key)
        }
        // Their sections go after the built-in ones, in the order the plugins were found.
        // The same program named another way (`./meddicc.py`, its full path) is not another plugin.
        let others =
            builtIn.available
            + lock.locked { resolved.values.filter { $0.name != entry && $0.process.executable != path } }
        let kinds = others.flatMap(\.itemKinds)
        let keys = WorkbookLoader.coreKeys + others.flatMap { $0.sections.map(\.key) }
        let order = 1000 + lock.locked { resolved.count } * 10
        var declarations: [SectionDeclaration] = []
        do throws(ExternalPluginError) {
            for (index, section) in (signature.sections ?? []).enumerated() {
                declarations.append(
                    try SectionDeclaration(
                        section, order: order + index, knownKinds: kinds + declarations.map(\.kind),
                        takenKeys: keys + declarations.map(\.key)))
            }
        } catch {
            return .failure(error)
        }
        let plugin = ExternalPlugin(entry: entry, signature: signature, process: process, declarations: declarations)
        lock.locked { resolved[entry] = plugin }
        return .success(plugin)
    }

    /// The folders a plugin is looked for in by name: `LOCKSTEP_PLUGIN_PATH` (folders separated
    /// by `:`), then `$XDG_DATA_HOME/lockstep/plugins` (else `~/.local/share/lockstep/plugins`).
    static var folders: [String] {
        var folders = (FileSystem.environment("LOCKSTEP_PLUGIN_PATH") ?? "").split(separator: ":").map(String.init)
        if let data = FileSystem.environment("XDG_DATA_HOME"), data.hasPrefix("/") {
            folders.append(data + "/lockstep/plugins")
        } else if let home = FileSystem.environment("HOME"), !home.isEmpty {
            folders.append(home + "/.local/share/lockstep/plugins")
        }
        return folders
    }

    /// An executable called `name` (or `name.` followed by an extension) in a plugin folder.
    public static func installed(_ name: String) -> String? {
        guard !name.isEmpty, !name.hasPrefix(".") else { return nil }
        for folder in folders {
            if access(folder + "/" + name, X_OK) == 0 { return folder + "/" + name }
            guard let entries = try? FileManager.default.contentsOfDirectory(atPath: folder) else { continue }
            if let match = entries.sorted().first(where: {
                $0.hasPrefix(name + ".") && access(folder + "/" + $0, X_OK) == 0
            }) {
                return folder + "/" + match
            }
        }
        return nil
    }

    /// What a plugin's process sees of the environment: a bare PATH and locale, and HOME so an
    /// interpreter finds its own settings; never the user's other variables (tokens, keys).
    static var environment: [String: String] {
        var variables = ["PATH": "/usr/local/bin:/usr/bin:/bin", "LANG": "C.UTF-8", "PYTHONDONTWRITEBYTECODE": "1"]
        if let home = FileSystem.environment("HOME") { variables["HOME"] = home }
        return variables
    }

    private func cachePath(_ key: String) -> String? {
        cacheFolder.map { $0 + "/" + String(FNV1a.hash(Array(key.utf8)), radix: 16) + ".json" }
    }

    private func cachedSignature(_ key: String) -> PluginProtocol.Signature? {
        guard let path = cachePath(key), let read = try? FileSystem.readFile(path, limit: 4 << 20) else { return nil }
        guard let cached = try? JSONDecoder().decode(CachedSignature.self, from: Data(read.bytes)), cached.key == key
        else { return nil }
        return cached.signature
    }

    private func store(_ signature: PluginProtocol.Signature, key: String) {
        guard let folder = cacheFolder, let path = cachePath(key),
            let data = try? JSONEncoder().encode(CachedSignature(key: key, signature: signature))
        else { return }
        var prefix = ""
        for part in folder.split(separator: "/") {
            prefix += "/" + part
            mkdir(prefix, 0o700)
        }
        _ = try? SafeWrite.write(Array(data), to: path)
    }

    struct CachedSignature: Codable {
        let key: String
        let signature: PluginProtocol.Signature
    }
}
