/// The `async` forms of the calls that wait for the server: ``append(_:)`` (when the requests
/// in flight leave no room), ``endSource()``, ``finish()`` and ``stop()``. Each runs the
/// synchronous call on a thread outside Swift's cooperative pool and resumes the task when it
/// returns, with its results and errors.
///
/// A writer is used from one task at a time (it is not `Sendable`). Cancelling the task
/// cancels the writer, as ``cancel()`` does: requests in flight are aborted, and this call and
/// every later one throw `.cancelled`.
extension LineProtocolWriter {
    /// Takes the next bytes of the current source; see ``append(_:)``.
    public func append(_ bytes: [UInt8]) async throws {
        try await runBlocking { writer in try bytes.withUnsafeBytes { try writer.append($0) } }
    }

    /// Ends the current source; see ``endSource()``.
    public func endSource() async throws {
        try await runBlocking { writer in try writer.endSource() }
    }

    /// Sends what is still batched, waits for every request and returns the final counts; see
    /// ``finish()``.
    @discardableResult
    public func finish() async throws -> Summary {
        try await runBlocking { writer in try writer.finish() }
    }

    /// Stops without sending the batch being filled and returns the final counts; see ``stop()``.
    @discardableResult
    public func stop() async throws -> Summary {
        try await runBlocking { writer in try writer.stop() }
    }

    private func runBlocking<T: Sendable>(_ work: @escaping @Sendable (LineProtocolWriter) throws -> T) async throws -> T {
        let writer = Handover(value: self)
        return try await BlockingCall.run(onCancel: canceller) { _ in try work(writer.value) }
    }
}
