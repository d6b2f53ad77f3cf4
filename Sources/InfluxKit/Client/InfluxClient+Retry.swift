import Dispatch
import FoundationEssentials
import Logging

/// A failure that may go away when the request is tried again.
struct TransientFailure: Error {
    /// What the caller gets when no retry is left.
    var error: InfluxError
    /// The seconds the server's `Retry-After` asked for.
    var retryAfter: Double?

    /// Runs `work`, turning its connect errors and timeouts into transient failures.
    static func catching<T>(_ work: () throws -> T) throws -> T {
        do {
            return try work()
        } catch let error as InfluxError where RetryPolicy.isTransient(error) {
            throw TransientFailure(error: error)
        }
    }
}

extension InfluxClient {
    /// Runs `attempt` until it succeeds, fails for good, or the ``RetryPolicy`` of the
    /// configuration gives up; `attempt` throws ``TransientFailure`` for what may be tried again
    /// and gets the time limit of its try (`nil`: none). `onRetry` hears of each retry, which is
    /// also logged at `.notice`. Once `cancellation`, or the flag of the `async` call running
    /// this (``CallOptions``), is raised, no attempt starts (`InfluxError.cancelled`); that
    /// call's timeout replaces the configured one.
    func retrying<T>(
        onRetry: () -> Void = {}, cancellation: CancellationFlag? = nil,
        _ attempt: (_ limit: HTTPRequest.TimeLimit?) throws -> T
    ) throws -> T {
        let call = CallOptions.current
        let settings = configuration
        var policy = RetryPolicy(configuration: settings)
        if let timeout = call?.timeout { policy.timeout = timeout }
        let cancellation = cancellation ?? call?.cancellation
        let start = DispatchTime.now().uptimeNanoseconds
        func elapsed() -> Double { Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 }
        var retry = 0
        while true {
            try cancellation?.check()
            try call?.cancellation?.check()
            do {
                return try attempt(policy.timeout.map { .init(left: max($0 - elapsed(), 0.001), total: $0) })
            } catch let failure as TransientFailure {
                retry += 1
                guard let wait = policy.delay(
                    beforeRetry: retry, retryAfter: failure.retryAfter, elapsed: elapsed(),
                    jitter: Double.random(in: 0...1))
                else {
                    let error = failure.error
                    if error.code == .timeout, retry > 1 {
                        throw InfluxError.timeout(url: error.url ?? "", seconds: error.seconds ?? 0, attempts: retry)
                    }
                    throw failure.error
                }
                onRetry()
                settings.logger.notice(
                    "retry \(retry) in \(DecimalText.tenths(wait * 1000)) ms after: \(failure.error)",
                    metadata: [
                        LogMetadataKey.retry: .stringConvertible(retry),
                        LogMetadataKey.retryDelay: .stringConvertible(wait),
                        LogMetadataKey.error: .string("\(failure.error)"),
                    ])
                try Self.pause(seconds: wait, unless: cancellation)
            }
        }
    }

    /// Sleeps `seconds`, in short steps while `cancellation` may be raised, so that a cancelled
    /// write does not sit out a backoff of up to ``ClientConfiguration/retryMaxDelay``.
    private static func pause(seconds: Double, unless cancellation: CancellationFlag?) throws {
        guard let cancellation else { return Threads.sleep(seconds: seconds) }
        var left = seconds
        while left > 0 {
            try cancellation.check()
            let step = min(left, 0.05)
            Threads.sleep(seconds: step)
            left -= step
        }
        try cancellation.check()
    }

    /// Sends a request that may safely be repeated (a write, a ping), trying again after connect
    /// errors, timeouts, 5xx and 429 answers as the configuration allows.
    /// At most `bodyLimit` bytes of the answer's body are kept.
    func sendRetrying(
        _ request: HTTPRequest, bodyLimit: Int = errorBodyLimit, onRetry: () -> Void = {},
        cancellation: CancellationFlag? = nil
    ) throws -> (HTTPResponseHead, [UInt8]) {
        try retrying(onRetry: onRetry, cancellation: cancellation) { limit in
            var attempt = request
            attempt.timeLimit = limit
            let (head, body) = try TransientFailure.catching { try send(attempt, bodyLimit: bodyLimit) }
            if RetryPolicy.isTransient(status: head.status) {
                throw TransientFailure(
                    error: .response(head, body: body), retryAfter: RetryPolicy.retryAfter(head.headers["retry-after"]))
            }
            return (head, body)
        }
    }
}
