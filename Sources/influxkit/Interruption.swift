import Glibc
import Synchronization

/// Ctrl-C (SIGINT) and SIGTERM during a write: the first one is noted, so the command can stop
/// reading, let the batches already handed over finish and report; a second one ends the
/// process at once.
enum Interruption {
    private static let flag = Atomic<Bool>(false)

    /// Whether a signal has arrived since ``install()``.
    static var requested: Bool { flag.load(ordering: .relaxed) }

    /// Catches SIGINT and SIGTERM from now on (unblocking them, as a parent may have blocked them).
    static func install() {
        _ = requested
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { signal in
            Interruption.flag.store(true, ordering: .relaxed)
            Glibc.signal(signal, SIG_DFL)
        }
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        var signals = sigset_t()
        sigemptyset(&signals)
        for number in [SIGINT, SIGTERM] {
            sigaction(number, &action, nil)
            sigaddset(&signals, number)
        }
        pthread_sigmask(SIG_UNBLOCK, &signals, nil)
    }
}
