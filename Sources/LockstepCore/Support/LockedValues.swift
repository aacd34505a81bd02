/// Values of any type under string keys, safe to share between threads: the store behind a
/// session's attachments and a check run's memo.
///
/// `@unchecked Sendable`: the values are only read and written under the lock.
public final class LockedValues: @unchecked Sendable {
    private var values: [String: Any] = [:]
    /// Keys some thread is making a value for, in `value(_:_:)`.
    private var making: Set<String> = []
    private let lock = NSLockLike()

    public init() {}

    /// Counts changes, so a reader can tell cheaply that nothing was set since it last looked.
    public var generation: Int { lock.locked { changes } }
    private var changes = 0

    public subscript<T>(_ key: String, as type: T.Type = T.self) -> T? {
        lock.locked { values[key] as? T }
    }

    public func set(_ key: String, _ value: Any?) {
        lock.locked {
            values[key] = value
            changes += 1
        }
    }

    public func removeAll() {
        lock.locked {
            values.removeAll()
            changes += 1
        }
    }

    /// The value under `key`, made when there is none yet, once: a thread asking while another
    /// makes it waits for that one (checks run in parallel share one model this way). `make`
    /// runs outside the lock, so it may itself use the store for another key (a memo built from
    /// another memo).
    public func value<T>(_ key: String, _ make: () -> T) -> T {
        let existing: T? = lock.locked {
            while true {
                if let value = values[key] as? T { return value }
                guard making.contains(key) else { break }
                lock.wait()
            }
            making.insert(key)
            return nil
        }
        if let existing { return existing }
        let made = make()
        lock.locked {
            values[key] = made
            making.remove(key)
            lock.wakeAll()
        }
        return made
    }
}

/// A list appended to from any thread and emptied by its reader: messages gathered while a
/// workbook loads, said once it is open.
public final class LockedList<Element: Sendable>: @unchecked Sendable {
    private var elements: [Element] = []
    private let lock = NSLockLike()

    public init() {}

    public func append(_ element: Element) { lock.locked { elements.append(element) } }

    /// What was gathered, in order; the list is empty after.
    public func drain() -> [Element] {
        lock.locked {
            defer { elements = [] }
            return elements
        }
    }
}
