import Synchronization

/// A flag one thread raises and another checks: how a task's cancellation reaches a blocking
/// call running on a thread of its own.
///
/// A call that waits for something other than the flag (a transfer waiting for the network)
/// registers a wake-up with ``whileRunning(wake:_:)``; raising the flag calls it, so the wait
/// ends at once instead of when the call next looks at the flag.
final class CancellationFlag: Sendable {
    private let raised = Atomic<Bool>(false)
    private let wakers = Mutex(Wakers())

    /// The wake-ups of the calls running now, by the number each was given.
    private struct Wakers {
        var last = 0
        var byNumber: [Int: @Sendable () -> Void] = [:]
    }

    /// Whether ``cancel()`` was called.
    var isCancelled: Bool { raised.load(ordering: .acquiring) }

    /// Raises the flag and wakes the calls waiting under it. Takes a lock: not for signal handlers.
    func cancel() {
        raised.store(true, ordering: .releasing)
        wakers.withLock { wakers in
            for wake in wakers.byNumber.values { wake() }
        }
    }

    /// Throws `InfluxError.cancelled` once the flag is raised.
    func check() throws {
        if isCancelled { throw InfluxError.cancelled }
    }

    /// Runs `body`, during which raising the flag also calls `wake` (on the raising thread).
    /// Once this returns, `wake` is never called: what it uses may go away.
    ///
    /// The flag may be raised before `body` starts: `body` checks it after its last wait began
    /// to be possible, and `wake` must make a wait that starts later end too.
    func whileRunning<T>(wake: @escaping @Sendable () -> Void, _ body: () throws -> T) rethrows -> T {
        let number = wakers.withLock { wakers in
            wakers.last += 1
            wakers.byNumber[wakers.last] = wake
            return wakers.last
        }
        defer { _ = wakers.withLock { $0.byNumber.removeValue(forKey: number) } }
        return try body()
    }
}
