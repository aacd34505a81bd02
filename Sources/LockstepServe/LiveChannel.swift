import LockstepCore

/// The page as the session last published it, and the pages waiting for the next version.
///
/// The shell publishes from its own thread; each open page's stream waits in its own task.
/// Publishing only stores the new version and wakes the waiters: a slow or vanished browser
/// never holds up the shell.
public final class LiveChannel: @unchecked Sendable {
    /// One published state of the page.
    public struct Snapshot: Sendable, Equatable {
        public var version: Int
        /// The whole page, for a first visit (every value escaped by the report's templates).
        public var page: String
        /// The page's `<main>`, what an open page swaps in.
        public var main: String
        public var title: String
        /// The name of what the page should point at (a stage, a persona), when set by `focus`.
        public var focus: String?
    }

    private let lock = NSLockLike()
    private var current: Snapshot
    private var waiters: [Int: CheckedContinuation<Snapshot?, Never>] = [:]
    private var nextWaiter = 0
    private var closed = false

    public init() {
        current = Snapshot(version: 0, page: "", main: "", title: "", focus: nil)
    }

    public var snapshot: Snapshot { lock.locked { current } }

    /// A new page, or a new focus: a new version when either changed.
    public func publish(page: String? = nil, title: String? = nil, focus: String?? = nil) {
        let woken: [CheckedContinuation<Snapshot?, Never>]
        let snapshot: Snapshot
        (woken, snapshot) = lock.locked {
            var next = current
            if let page {
                next.page = page
                next.main = Self.main(of: page)
            }
            if let title { next.title = title }
            if let focus { next.focus = focus }
            guard next != current else { return ([], current) }
            next.version = current.version + 1
            current = next
            let all = Array(waiters.values)
            waiters.removeAll()
            return (all, next)
        }
        for waiter in woken { waiter.resume(returning: snapshot) }
    }

    /// The first version after `version`, waiting for it; nil once the channel is closed.
    public func next(after version: Int) async -> Snapshot? {
        let id: Int = lock.locked {
            nextWaiter += 1
            return nextWaiter
        }
        return await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Snapshot?, Never>) in
                let ready: Snapshot?? = lock.locked {
                    if closed || Task.isCancelled { return .some(nil) }
                    if current.version > version { return .some(current) }
                    waiters[id] = continuation
                    return .none
                }
                if let ready { continuation.resume(returning: ready) }
            }
        } onCancel: {
            let waiter = lock.locked { waiters.removeValue(forKey: id) }
            waiter?.resume(returning: nil)
        }
    }

    /// What lies between `<main id="report">` and `</main>`: the report's own markup, where no
    /// value can hold a `<` unescaped, so the markers are found only where the template put them.
    static func main(of page: String) -> String {
        guard let start = page.range(of: "<main id=\"report\">"),
            let end = page.range(of: "</main>", options: .backwards),
            start.upperBound <= end.lowerBound
        else { return "" }
        return String(page[start.upperBound..<end.lowerBound])
    }

    /// Ends every stream: the server is stopping.
    public func close() {
        let woken = lock.locked {
            closed = true
            let all = Array(waiters.values)
            waiters.removeAll()
            return all
        }
        for waiter in woken { waiter.resume(returning: nil) }
    }

    /// Open pages waiting for the next version (for `serve` to report).
    public var listeners: Int { lock.locked { waiters.count } }
}
