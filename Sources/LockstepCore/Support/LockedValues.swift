/// Values of any type under string keys, safe to share between threads: the store behind a
/// session's attachments and a check run's memo.
///
/// `@unchecked Sendable`: the values are only read and written under the lock.
public final class LockedValues: @unchecked Sendable {
    private var values: [String: Any] = [:]
    private let lock = NSLockLike()

    public init() {}

    public subscript<T>(_ key: String, as type: T.Type = T.self) -> T? {
        lock.locked { values[key] as? T }
    }

    public func set(_ key: String, _ value: Any?) {
        lock.locked { values[key] = value }
    }

    public func removeAll() {
        lock.locked { values.removeAll() }
    }

    /// The value under `key`, made (once, under the lock) when there is none yet.
    public func value<T>(_ key: String, _ make: () -> T) -> T {
        lock.locked {
            if let value = values[key] as? T { return value }
            let value = make()
            values[key] = value
            return value
        }
    }
}
