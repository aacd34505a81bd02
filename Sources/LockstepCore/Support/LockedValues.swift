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

    /// The value under `key`, made when there is none yet. `make` runs outside the lock, so it
    /// may itself use the store (a memo built from another memo); should two threads make the
    /// same key at once, the first value stored is the one both get.
    public func value<T>(_ key: String, _ make: () -> T) -> T {
        if let value: T = self[key] { return value }
        let made = make()
        return lock.locked {
            if let value = values[key] as? T { return value }
            values[key] = made
            return made
        }
    }
}
