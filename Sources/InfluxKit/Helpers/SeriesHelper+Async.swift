/// The `async` forms of the calls that may write: they run on a thread outside Swift's
/// cooperative pool (a commit holds the queue's lock while it writes, so even an `add` that
/// writes nothing may wait for one), with the results and errors of the synchronous calls.
/// Cancelling the task aborts the write in progress (`.cancelled`, the points stay queued);
/// `timeout` limits the call's write instead of the client's ``ClientConfiguration/timeout``.
extension SeriesHelper {
    /// Queues one point, writing the queue when autocommit asks for it; see
    /// ``add(tags:fields:time:)``.
    public func add(
        tags: [String: String], fields: [String: FieldValue], time: Point.Time? = nil, timeout: Duration? = nil
    ) async throws {
        try await BlockingCall.run(timeout: timeout) { _ in try self.add(tags: tags, fields: fields, time: time) }
    }

    /// Writes every queued point and empties the queue; see ``commit(client:)``.
    @discardableResult
    public func commit(client: InfluxClient? = nil, timeout: Duration? = nil) async throws -> Int {
        try await BlockingCall.run(timeout: timeout) { _ in try self.commit(client: client) }
    }
}
