#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// Ctrl-C while a command runs: a signal handler sets a flag that long commands poll.
public enum Interrupt {
    private static let flag = Atomic<Bool>(false)

    public static var isRequested: Bool { flag.load(ordering: .relaxed) }

    public static func clear() { flag.store(false, ordering: .relaxed) }

    /// Installs the SIGINT handler (with SA_RESTART, so reads are not cut short).
    public static func installHandler() {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { _ in Interrupt.flag.store(true, ordering: .relaxed) }
        action.sa_flags = SA_RESTART
        sigemptyset(&action.sa_mask)
        sigaction(SIGINT, &action, nil)
    }
}
