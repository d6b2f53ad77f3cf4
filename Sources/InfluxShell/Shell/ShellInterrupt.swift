import Glibc
import InfluxKit
import Synchronization

/// Ctrl-C in the interactive shell: counts the interrupts and cancels the request in progress.
///
/// The signal handler only does what is safe there: atomic operations, and the client's
/// lock-free ``InfluxClient/cancelCurrentRequest()``. The client it cancels is held retained
/// here, so `connect` dropping its old client cannot free it under a running handler: a new
/// target is swapped in atomically, and the old one is released only once no handler is
/// between loading it and using it.
enum ShellInterrupt {
    /// Interrupts so far.
    static let count = Atomic<Int>(0)
    /// The client whose request Ctrl-C cancels, retained (an `Unmanaged` reference's bits).
    private static let client = Atomic<UInt>(0)
    /// Handlers running now (on any thread), from before they load ``client`` to after they
    /// are done with it.
    private static let handlersRunning = Atomic<Int>(0)

    /// Installs the handler (without `SA_RESTART`, so a read at the prompt returns).
    static func install() {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { _ in ShellInterrupt.interrupt() }
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        sigaction(SIGINT, &action, nil)
        // A process started from a thread that blocks SIGINT inherits the block: lift it.
        var interrupt = sigset_t()
        sigemptyset(&interrupt)
        sigaddset(&interrupt, SIGINT)
        sigprocmask(SIG_UNBLOCK, &interrupt, nil)
    }

    /// What the signal handler does: counts the interrupt and cancels the target's request.
    static func interrupt() {
        count.wrappingAdd(1, ordering: .relaxed)
        handlersRunning.wrappingAdd(1, ordering: .sequentiallyConsistent)
        let bits = client.load(ordering: .sequentiallyConsistent)
        if let pointer = UnsafeRawPointer(bitPattern: bits) {
            Unmanaged<InfluxClient>.fromOpaque(pointer).takeUnretainedValue().cancelCurrentRequest()
        }
        handlersRunning.wrappingSubtract(1, ordering: .sequentiallyConsistent)
    }

    /// Makes `client` the one Ctrl-C cancels, and keeps it alive until another takes its place.
    static func target(_ client: InfluxClient) {
        let new = UInt(bitPattern: Unmanaged.passRetained(client).toOpaque())
        let old = self.client.exchange(new, ordering: .sequentiallyConsistent)
        guard let pointer = UnsafeRawPointer(bitPattern: old) else { return }
        // A handler that loaded the old client announced itself before: wait until it is done.
        // (A handler interrupting this thread runs to its end before the loop goes on.)
        while handlersRunning.load(ordering: .sequentiallyConsistent) != 0 { sched_yield() }
        Unmanaged<InfluxClient>.fromOpaque(pointer).release()
    }

    /// The interrupt count now.
    static var current: Int { count.load(ordering: .relaxed) }
}
