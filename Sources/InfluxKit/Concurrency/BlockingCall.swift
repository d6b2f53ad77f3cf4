import Dispatch

/// Runs blocking work for the `async` surface: on a dispatch queue, off Swift's cooperative
/// thread pool, so that no task or event-loop thread waits for the server.
enum BlockingCall {
    /// The queue of blocking work that belongs to no client (a writer's, say); concurrent.
    static let sharedQueue = DispatchQueue(label: "influxkit.blocking", attributes: .concurrent)

    /// Runs `work` on `queue` and waits for it without blocking the calling thread.
    ///
    /// `work` receives the flag raised when the calling task is cancelled; the requests it makes
    /// on its thread are aborted by that flag and limited by `timeout` (``CallOptions``).
    /// `onCancel` runs too when the task is cancelled, from the cancelling thread, for work
    /// whose requests run on threads of their own. A task already cancelled runs nothing and
    /// throws `.cancelled`.
    static func run<T: Sendable>(
        on queue: DispatchQueue = sharedQueue,
        timeout: Duration? = nil,
        onCancel: @escaping @Sendable () -> Void = {},
        _ work: @escaping @Sendable (CancellationFlag) throws -> T
    ) async throws -> T {
        let cancellation = CancellationFlag()
        let options = CallOptions(cancellation: cancellation, timeout: try timeout.map(CallOptions.seconds(of:)))
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                queue.async {
                    continuation.resume(with: Result {
                        try cancellation.check()
                        return try CallOptions.$current.withValue(options) { try work(cancellation) }
                    })
                }
            }
        } onCancel: {
            cancellation.cancel()
            onCancel()
        }
    }
}

/// A value handed to the thread of a ``BlockingCall`` although its type is not `Sendable`: for
/// objects used from one task at a time (a ``LineProtocolWriter``), whose `async` method waits
/// for that thread before it returns, so the object is never used from two threads at once.
struct Handover<Value>: @unchecked Sendable {
    let value: Value
}
