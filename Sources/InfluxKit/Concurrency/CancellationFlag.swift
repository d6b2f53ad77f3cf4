import Synchronization

/// A flag one thread raises and another checks: how a task's cancellation reaches a blocking
/// call running on a thread of its own.
final class CancellationFlag: Sendable {
    private let raised = Atomic<Bool>(false)

    /// Whether ``cancel()`` was called.
    var isCancelled: Bool { raised.load(ordering: .acquiring) }

    /// Raises the flag.
    func cancel() {
        raised.store(true, ordering: .releasing)
    }

    /// Throws `InfluxError.cancelled` once the flag is raised.
    func check() throws {
        if isCancelled { throw InfluxError.cancelled }
    }
}
