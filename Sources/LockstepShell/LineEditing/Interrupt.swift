#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// Ctrl-C while a command runs: a signal handler sets a flag that long commands poll.
public enum Interrupt {
    private static let flag = Atomic<Bool>(false)

    public static var isRequested: Bool { flag.load(ordering: .relaxed) }

    public static func clear() { flag.store(false, ordering: .relaxed) }

    /// Installs the SIGINT handler (with SA_RESTART, so reads are not cut short), and unblocks the
    /// signals a terminal sends, in case whatever started us left them blocked.
    public static func installHandler() {
        var terminalSignals = sigset_t()
        sigemptyset(&terminalSignals)
        for signal in [SIGINT, SIGHUP, SIGTERM, SIGTSTP, SIGCONT, SIGWINCH] { sigaddset(&terminalSignals, signal) }
        sigprocmask(SIG_UNBLOCK, &terminalSignals, nil)
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { _ in Interrupt.flag.store(true, ordering: .relaxed) }
        action.sa_flags = SA_RESTART
        sigemptyset(&action.sa_mask)
        sigaction(SIGINT, &action, nil)
    }
}
