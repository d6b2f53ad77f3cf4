/// What one call of the `async` surface asks of every request it makes: the flag its task's
/// cancellation raises, and the time limit given to that call.
///
/// Bound as a task-local value around the blocking work; that work runs on a thread outside
/// Swift's pool, where a task-local bound synchronously lives in the thread's own storage, so
/// the requests the work makes on that thread see it and nothing else does.
struct CallOptions: Sendable {
    /// Raised when the calling task is cancelled: aborts the transfer in progress.
    var cancellation: CancellationFlag?
    /// Seconds the whole call may take, all tries together, instead of the configured timeout.
    var timeout: Double?

    /// The options of the call running on this thread, if any.
    @TaskLocal static var current: CallOptions?

    /// The seconds of `duration`; throws `.invalidArgument` unless it is above zero and at
    /// most 100 years.
    static func seconds(of duration: Duration) throws -> Double {
        let (whole, fraction) = duration.components
        let seconds = Double(whole) + Double(fraction) / 1e18
        guard Seconds.isValid(seconds) else {
            throw InfluxError.invalidArgument("timeout must be a positive duration up to 100 years")
        }
        return seconds
    }
}
