import ArgumentParser
import Glibc
import Synchronization

/// Ctrl-C (SIGINT) and SIGTERM during a write: the first one is noted and wakes a watcher
/// thread, which runs the action given to ``onInterrupt(_:)`` (abort the requests in flight),
/// so the command stops at once even while it waits on a stalled request or on idle input, and
/// reports; a second one ends the process at once.
enum Interruption {
    private static let signalNumber = Atomic<Int32>(0)
    /// The write end of the pipe the handler wakes the watcher through (-1: none).
    private static let wakeUp = Atomic<Int32>(-1)
    private static let action = Mutex<(@Sendable () -> Void)?>(nil)

    /// Whether a signal has arrived since ``install()``.
    static var requested: Bool { signalNumber.load(ordering: .relaxed) != 0 }

    /// The exit status for the signal that arrived: 130 for SIGINT, 143 for SIGTERM.
    static var exitCode: Int32 {
        let number = signalNumber.load(ordering: .relaxed)
        return 128 + (number == 0 ? SIGINT : number)
    }

    /// Catches SIGINT and SIGTERM from now on (unblocking them on this thread, as a parent may
    /// have blocked them; the library's threads block them, so this one gets them) and starts
    /// the watcher thread.
    static func install() {
        var ends: [Int32] = [-1, -1]
        if pipe(&ends) == 0 {
            for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
            wakeUp.store(ends[1], ordering: .relaxed)
            startWatcher(reading: ends[0])
        }
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { signal in
            // Only async-signal-safe calls here.
            Interruption.signalNumber.store(signal, ordering: .relaxed)
            var byte: UInt8 = 1
            _ = write(Interruption.wakeUp.load(ordering: .relaxed), &byte, 1)
            Glibc.signal(signal, SIG_DFL)
        }
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0  // no SA_RESTART: a blocking read returns EINTR
        var signals = sigset_t()
        sigemptyset(&signals)
        for number in [SIGINT, SIGTERM] {
            sigaction(number, &action, nil)
            sigaddset(&signals, number)
        }
        pthread_sigmask(SIG_UNBLOCK, &signals, nil)
    }

    /// Runs `work` on the watcher thread when the first signal arrives (at once if it has).
    static func onInterrupt(_ work: @escaping @Sendable () -> Void) {
        action.withLock { $0 = work }
        if requested { work() }
    }

    /// A thread, with every signal blocked, that waits for the handler's byte and runs the action.
    private static func startWatcher(reading descriptor: Int32) {
        var all = sigset_t(), saved = sigset_t()
        sigfillset(&all)
        pthread_sigmask(SIG_SETMASK, &all, &saved)
        defer { pthread_sigmask(SIG_SETMASK, &saved, nil) }
        var thread = pthread_t()
        let context = UnsafeMutableRawPointer(bitPattern: Int(descriptor) + 1)
        guard pthread_create(&thread, nil, { context in
            let descriptor = Int32(Int(bitPattern: context) - 1)
            var byte: UInt8 = 0
            while read(descriptor, &byte, 1) < 0 && errno == EINTR {}
            Interruption.action.withLock { $0 }?()
            return nil
        }, context) == 0 else { return }
        pthread_detach(thread)
    }
}

extension Interruption {
    /// Runs `work`, calling `cancel` on the watcher thread as soon as Ctrl-C or SIGTERM arrives,
    /// so that a request waiting on a stalled server is aborted too. An interrupted `work` ends
    /// with `message` on standard error and exit status 130 (143 for SIGTERM).
    static func cancelling<T>(
        _ cancel: @escaping @Sendable () -> Void, message: String, _ work: () throws -> T
    ) throws -> T {
        onInterrupt(cancel)
        do {
            return try work()
        } catch {
            guard requested else { throw error }
            Diagnostics.error(message)
            throw ExitCode(exitCode)
        }
    }
}
