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

    /// A token for a request starting now.
    func token() -> Token {
        Token(source: self, start: generation.load(ordering: .acquiring))
    }

    /// What a request checks while it runs.
    struct Token: Sendable {
        fileprivate let source: RequestCancellation
        fileprivate let start: Int

        /// Whether ``RequestCancellation/cancel()`` was called since the token was taken.
        var isCancelled: Bool { source.generation.load(ordering: .acquiring) != start }
    }
}
