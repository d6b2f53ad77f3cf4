import Glibc
import InfluxKit
import Synchronization

/// Ctrl-C in the interactive shell: counts the interrupts and cancels the request in progress.
///
/// The signal handler only does what is safe there: an atomic increment, and the client's
/// lock-free ``InfluxClient/cancelCurrentRequest()``.
enum ShellInterrupt {
    /// Interrupts so far.
    static let count = Atomic<Int>(0)
    /// The client whose request Ctrl-C cancels.
    nonisolated(unsafe) static var client: Unmanaged<InfluxClient>?

    /// Installs the handler (without `SA_RESTART`, so a read at the prompt returns).
    static func install() {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { _ in
            ShellInterrupt.count.wrappingAdd(1, ordering: .relaxed)
            ShellInterrupt.client?.takeUnretainedValue().cancelCurrentRequest()
        }
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        sigaction(SIGINT, &action, nil)
        // A process started from a thread that blocks SIGINT inherits the block: lift it.
        var interrupt = sigset_t()
        sigemptyset(&interrupt)
        sigaddset(&interrupt, SIGINT)
        sigprocmask(SIG_UNBLOCK, &interrupt, nil)
    }

    /// Makes `client` the one Ctrl-C cancels (kept alive by the shell).
    static func target(_ client: InfluxClient) {
        self.client = Unmanaged.passUnretained(client)
    }

    /// The interrupt count now.
    static var current: Int { count.load(ordering: .relaxed) }
}
