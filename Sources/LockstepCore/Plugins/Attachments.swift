/// What plugins load beside the workbook for one session (a CRM export), kept between commands
/// and handed to checks. Keys are namespaced by the plugin (`leads.data`).
///
/// `@unchecked Sendable`: the values are only read and written under the lock.
public final class Attachments: @unchecked Sendable {
    private var values: [String: Any] = [:]
    private let lock = NSLockLike()

    public init() {}

    public subscript<T>(_ key: String, as type: T.Type = T.self) -> T? {
        get { lock.locked { values[key] as? T } }
    }

    public func set(_ key: String, _ value: Any?) {
        lock.locked { values[key] = value }
    }

    public func removeAll() {
        lock.locked { values.removeAll() }
    }
}
