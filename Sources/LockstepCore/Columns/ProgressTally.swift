/// The bytes all workers have read, for the progress indicator.
final class ProgressTally: @unchecked Sendable {
    private let lock = NSLockLike()
    private var done = 0
    private let total: Int
    private let report: @Sendable (Int, Int) -> Void

    init(total: Int, report: @escaping @Sendable (Int, Int) -> Void) {
        self.total = total
        self.report = report
    }

    /// Reports under the lock, so the figures a terminal shows never go backwards.
    func add(_ bytes: Int) {
        lock.locked {
            done += bytes
            report(done, total)
        }
    }
}
