import FoundationEssentials

/// A bounded buffer handing the chunks of a stream (a query's results, an export's lines) from the thread that reads them to
/// the task that iterates them.
///
/// The reading thread blocks in ``send(_:)`` while ``capacity`` chunks wait, so it stops reading
/// from the server (and TCP flow control slows the server down) until the task catches up. The
/// task never blocks a thread: ``next()`` suspends until a chunk or the end arrives. Once
/// ``cancel()`` is called (the task was cancelled or dropped the stream), ``next()`` ends the
/// stream as `AsyncThrowingStream` does for a cancelled task, and ``send(_:)`` throws
/// `InfluxError.cancelled`, which aborts the transfer.
final class ChunkChannel<Chunk: Sendable>: @unchecked Sendable {
    /// How many chunks may wait before the reading thread blocks.
    let capacity: Int
    // Everything below is guarded by `condition`.
    private let condition = Condition()
    private var buffer: [Chunk] = []
    private var end: Result<Void, any Error>?
    private var cancelled = false
    private var waiting: CheckedContinuation<Chunk?, any Error>?

    /// Creates a channel holding up to `capacity` chunks (at least one).
    init(capacity: Int) {
        self.capacity = max(capacity, 1)
    }

    /// Hands a chunk to the task, waiting while the buffer is full. Throws
    /// `InfluxError.cancelled` once the task has gone.
    func send(_ chunk: Chunk) throws {
        condition.lock()
        defer { condition.unlock() }
        while buffer.count >= capacity && !cancelled {
            condition.wait()
        }
        if cancelled { throw InfluxError.cancelled }
        if let waiting {
            self.waiting = nil
            waiting.resume(returning: chunk)
        } else {
            buffer.append(chunk)
        }
    }

    /// Ends the stream after the buffered chunks, with `error` when the query failed.
    func finish(throwing error: (any Error)?) {
        condition.lock()
        defer { condition.unlock() }
        end = error.map { .failure($0) } ?? .success(())
        if let waiting {
            self.waiting = nil
            deliverEnd(to: waiting)
        }
    }

    /// The next chunk; `nil` after the last one, or once the calling task is cancelled. Throws
    /// the query's error after the buffered chunks.
    func next() async throws -> Chunk? {
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                condition.lock()
                defer { condition.unlock() }
                if !buffer.isEmpty {
                    continuation.resume(returning: buffer.removeFirst())
                    condition.signal()
                } else if cancelled {
                    continuation.resume(returning: nil)
                } else if end != nil {
                    deliverEnd(to: continuation)
                } else {
                    waiting = continuation
                }
            }
        } onCancel: {
            cancel()
        }
    }

    /// Stops the stream: the reading thread's next ``send(_:)`` throws, a waiting ``next()``
    /// returns `nil`.
    func cancel() {
        condition.lock()
        defer { condition.unlock() }
        cancelled = true
        buffer = []
        if let waiting {
            self.waiting = nil
            waiting.resume(returning: nil)
        }
        condition.broadcast()
    }

    /// Resumes `continuation` with the end of the stream; an error is given only once, later
    /// calls see the plain end. Called with the lock held.
    private func deliverEnd(to continuation: CheckedContinuation<Chunk?, any Error>) {
        if case let .failure(error)? = end {
            end = .success(())
            continuation.resume(throwing: error)
        } else {
            continuation.resume(returning: nil)
        }
    }
}
