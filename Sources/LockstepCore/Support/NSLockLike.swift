#if canImport(Glibc)
import Glibc
#endif

/// A plain pthread mutex (the core does without Foundation's NSLock), with a condition to wait
/// on while holding it.
public final class NSLockLike: @unchecked Sendable {
    private var mutex = pthread_mutex_t()
    private var condition = pthread_cond_t()

    public init() {
        pthread_mutex_init(&mutex, nil)
        pthread_cond_init(&condition, nil)
    }

    deinit {
        pthread_cond_destroy(&condition)
        pthread_mutex_destroy(&mutex)
    }

    public func locked<T>(_ body: () throws -> T) rethrows -> T {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        return try body()
    }

    /// Inside `locked`: lets go of the lock until another thread calls `wakeAll`, then takes it again.
    func wait() { pthread_cond_wait(&condition, &mutex) }

    /// Inside `locked`: wakes every thread waiting in `wait`.
    func wakeAll() { pthread_cond_broadcast(&condition) }
}
