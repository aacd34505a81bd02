/// What a workbook allows one of its external plugins (`plugin_settings:`): the environment
/// variables it may see beyond the bare ones, and how long it may take to answer a call.
public struct PluginSettings: Sendable, Equatable {
    /// Names of variables passed on from Lockstep's own environment (`CMS_API_TOKEN`).
    public var environment: [String] = []
    /// Seconds per call, instead of `LOCKSTEP_PLUGIN_TIMEOUT` (10 by default).
    public var timeout: Double?

    public init(environment: [String] = [], timeout: Double? = nil) {
        self.environment = environment
        self.timeout = timeout
    }

    public static let key = "plugin_settings"
    /// The longest a workbook may let a plugin take per call: ten minutes.
    public static let timeouts: ClosedRange<Double> = 0.1...600

    /// The `plugin_settings:` mapping: each key an entry of `plugins` that is an external plugin.
    static func decode(_ node: SourceNode, externals: [String], context: DecodeContext) -> [String: PluginSettings] {
        guard let entries = node.entries else {
            context.report(
                .wrongType(
                    context.location(of: node), what: key, expected: "a mapping of plugins to their settings",
                    found: node.quotedForMessage))
            return [:]
        }
        var settings: [String: PluginSettings] = [:]
        for entry in entries {
            guard let name = entry.key.scalar else { continue }
            guard externals.contains(name) else {
                context.report(
                    .notAllowed(
                        context.location(of: entry.key), what: "a plugin in \(key)", value: name,
                        allowed: externals.isEmpty ? ["an external plugin listed in 'plugins:'"] : externals))
                continue
            }
            guard
                let reader = context.mapping(entry.value, what: "\(key) of \(name)", keys: ["environment", "timeout"])
            else { continue }
            var setting = PluginSettings(timeout: reader.number("timeout", in: timeouts))
            for variable in reader.strings("environment") {
                guard Self.isVariableName(variable.value) else {
                    context.report(
                        .wrongType(
                            variable.location ?? reader.location, what: "environment of \(key) of \(name)",
                            expected: "names of environment variables (letters, digits and _)",
                            found: "'\(Sanitized.excerpt(variable.value))'"))
                    continue
                }
                setting.environment.append(variable.value)
            }
            settings[name] = setting
        }
        return settings
    }

    static func isVariableName(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, first == "_" || (first.isASCII && first.properties.isAlphabetic)
        else { return false }
        return text.unicodeScalars.allSatisfy {
            $0 == "_" || ($0.isASCII && $0.properties.isAlphabetic) || ("0"..."9").contains($0)
        }
    }

    func encode() -> YAMLNode {
        var out = MappingBuilder()
        out.list("environment", environment)
        out.literal("timeout", timeout.map { $0 == $0.rounded() ? String(Int($0)) : String($0) })
        return out.build()
    }
}
