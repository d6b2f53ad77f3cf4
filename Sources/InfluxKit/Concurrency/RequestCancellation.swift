import Synchronization

/// Cancels the requests of one client that are in progress, without locks (so a signal
/// handler may call ``cancel()``).
///
/// Each request takes a ``Token`` when it starts; ``cancel()`` cancels every token taken
/// before it, and none taken after, so a cancellation with no request running changes nothing.
final class RequestCancellation: Sendable {
    private let generation = Atomic<Int>(0)

    /// Cancels the requests in progress.
    func cancel() {
        generation.wrappingAdd(1, ordering: .releasing)
    }

    /// A token for a request starting now; it is cancelled as well once `call` is raised (the
    /// flag of the task that made the request).
    func token(call: CancellationFlag? = nil) -> Token {
        Token(source: self, start: generation.load(ordering: .acquiring), call: call)
    }

    /// What a request checks while it runs.
    struct Token: Sendable {
        fileprivate let source: RequestCancellation
        fileprivate let start: Int
        fileprivate let call: CancellationFlag?

        /// Whether ``RequestCancellation/cancel()`` was called since the token was taken, or
        /// the calling task was cancelled.
        var isCancelled: Bool {
            source.generation.load(ordering: .acquiring) != start || call?.isCancelled == true
        }

        /// Runs `body`, during which the cancellation of the calling task also calls `wake`
        /// (``CancellationFlag/whileRunning(wake:_:)``). ``RequestCancellation/cancel()`` does
        /// not: it may run in a signal handler, where no lock may be taken.
        func whileRunning<T>(wake: @escaping @Sendable () -> Void, _ body: () throws -> T) rethrows -> T {
            guard let call else { return try body() }
            return try call.whileRunning(wake: wake, body)
        }
    }
}
