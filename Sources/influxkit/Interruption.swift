import ArgumentParser
import Dispatch
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

extension Interruption {
    /// Runs `work`, calling `cancel` from another thread as soon as Ctrl-C or SIGTERM arrives,
    /// so that a request waiting on a stalled server is aborted too. An interrupted `work` ends
    /// with `message` on standard error and exit status 130.
    static func cancelling<T>(
        _ cancel: @escaping @Sendable () -> Void, message: String, _ work: () throws -> T
    ) throws -> T {
        let watch = Watch()
        DispatchQueue.global().async {
            while !watch.isOver {
                if requested { return cancel() }
                usleep(50_000)
            }
        }
        defer { watch.end() }
        do {
            return try work()
        } catch {
            guard requested else { throw error }
            Diagnostics.error(message)
            throw ExitCode(130)
        }
    }

    /// Tells the watching thread that the work is over.
    private final class Watch: Sendable {
        private let over = Atomic<Bool>(false)
        var isOver: Bool { over.load(ordering: .relaxed) }
        func end() { over.store(true, ordering: .relaxed) }
    }
}
