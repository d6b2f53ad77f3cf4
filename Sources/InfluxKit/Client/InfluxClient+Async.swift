import FoundationEssentials

/// The `async` surface, for Swift concurrency.
///
/// Each method runs the synchronous method of the same name on the client's own queue, on a
/// thread outside Swift's cooperative pool (no task or event-loop thread is blocked), and
/// resumes the caller when it is done; the results and errors are those of the synchronous
/// method. Calls on one client run in parallel, up to ``ClientConfiguration/poolSize`` at once.
///
/// Cancelling the calling task aborts the transfer in progress at once (it wakes the transfer's
/// wait for the network, also while the server is silent) and throws `InfluxError.cancelled`; a retry that
/// has not started yet does not start. `timeout` limits the whole call, all tries together,
/// instead of ``ClientConfiguration/timeout``; past it the call throws `.timeout`.
extension InfluxClient {
    /// Pings the server and returns its version; see ``ping()``.
    @discardableResult
    public func ping(timeout: Duration? = nil) async throws -> String {
        try await runBlocking(timeout: timeout) { _ in try self.ping() }
    }

    /// What the server is; see ``serverInfo()``.
    public func serverInfo(timeout: Duration? = nil) async throws -> ServerInfo {
        try await runBlocking(timeout: timeout) { _ in try self.serverInfo() }
    }

    /// Runs InfluxQL and returns one result per statement; see
    /// ``query(_:database:retentionPolicy:epoch:params:chunked:chunkSize:)``.
    public func query(
        _ query: String,
        database: String? = nil,
        retentionPolicy: String? = nil,
        epoch: Precision? = nil,
        params: [String: JSONValue] = [:],
        chunked: Bool = true,
        chunkSize: Int? = nil,
        timeout: Duration? = nil
    ) async throws -> [ResultSet] {
        try await runBlocking(timeout: timeout) { cancellation in
            try self.collectResults(
                query, database: database, retentionPolicy: retentionPolicy, epoch: epoch, params: params,
                chunked: chunked, chunkSize: chunkSize, beforeEachChunk: cancellation.check)
        }
    }

    /// Writes line protocol as it is; see the synchronous `write(lineProtocol:…)`.
    public func write(
        lineProtocol lines: [UInt8],
        database: String? = nil,
        retentionPolicy: String? = nil,
        precision: Precision = .nanoseconds,
        consistency: Consistency? = nil,
        timeout: Duration? = nil
    ) async throws {
        try await runBlocking(timeout: timeout) { _ in
            try self.write(
                lineProtocol: lines, database: database, retentionPolicy: retentionPolicy,
                precision: precision, consistency: consistency)
        }
    }

    /// Writes line protocol given as text; see the synchronous `write(lines:…)`.
    public func write(
        lines: [String],
        database: String? = nil,
        retentionPolicy: String? = nil,
        precision: Precision = .nanoseconds,
        consistency: Consistency? = nil,
        timeout: Duration? = nil
    ) async throws {
        try await runBlocking(timeout: timeout) { _ in
            try self.write(
                lines: lines, database: database, retentionPolicy: retentionPolicy,
                precision: precision, consistency: consistency)
        }
    }

    /// Encodes and writes points, over UDP when `usesUDP` is set; see
    /// ``writePoints(_:precision:database:retentionPolicy:tags:batchSize:consistency:)``.
    public func writePoints(
        _ points: some Sequence<Point> & Sendable,
        precision: Precision = .nanoseconds,
        database: String? = nil,
        retentionPolicy: String? = nil,
        tags: [String: String] = [:],
        batchSize: Int? = nil,
        consistency: Consistency? = nil,
        timeout: Duration? = nil
    ) async throws {
        try await runBlocking(timeout: timeout) { _ in
            try self.writePoints(
                points, precision: precision, database: database, retentionPolicy: retentionPolicy,
                tags: tags, batchSize: batchSize, consistency: consistency)
        }
    }

    /// Streams a chunked query: the stream yields each chunk (at most `chunkSize` rows, with
    /// `isPartial` set while more of its statement follows) as it arrives, in constant memory.
    ///
    /// The request starts at once, on the client's queue. Up to `bufferSize` chunks wait for
    /// the iterating task; when they are not taken, reading from the server stops until they
    /// are (back-pressure, nothing is dropped). A failed statement is a chunk with `error` set,
    /// as in ``query(_:database:retentionPolicy:epoch:params:chunked:chunkSize:onResult:)``;
    /// a failed request ends the stream with its error. Cancelling the iterating task ends the
    /// stream without an error, as `AsyncThrowingStream` does (check `Task.isCancelled` to tell
    /// a cut-short result from a whole one); dropping the stream before its end aborts the
    /// transfer at once, even while the server sends nothing.
    ///
    /// While the stream runs the client is busy: calling the same client from inside the loop
    /// waits for the stream, which waits for the loop. Use a second client there.
    public func queryChunks(
        _ query: String,
        database: String? = nil,
        retentionPolicy: String? = nil,
        epoch: Precision? = nil,
        params: [String: JSONValue] = [:],
        chunkSize: Int? = nil,
        bufferSize: Int = 4
    ) -> AsyncThrowingStream<ResultSet, any Error> {
        let channel = ChunkChannel<ResultSet>(capacity: bufferSize)
        let dropped = CancellationFlag()
        blockingQueue.async {
            do {
                try CallOptions.$current.withValue(CallOptions(cancellation: dropped)) {
                    try self.query(
                        query, database: database, retentionPolicy: retentionPolicy, epoch: epoch, params: params,
                        chunked: true, chunkSize: chunkSize, onResult: channel.send)
                }
                channel.finish(throwing: nil)
            } catch {
                channel.finish(throwing: error)
            }
        }
        let consumer = ChunkConsumer(channel, dropped: dropped)
        return AsyncThrowingStream { try await consumer.next() }
    }

    /// Waits, without blocking the calling thread, until no request is in progress, then
    /// closes the connections; see ``shutdown()``.
    public func shutdown() async {
        await withCheckedContinuation { continuation in
            blockingQueue.async {
                self.shutdown()
                continuation.resume()
            }
        }
    }

    /// Runs `work` on ``blockingQueue`` and waits for it without blocking the calling thread;
    /// see ``BlockingCall/run(on:timeout:onCancel:_:)``.
    func runBlocking<T: Sendable>(
        timeout: Duration? = nil,
        _ work: @escaping @Sendable (CancellationFlag) throws -> T
    ) async throws -> T {
        try await BlockingCall.run(on: blockingQueue, timeout: timeout, work)
    }
}

/// The iterating end of a ``ChunkChannel``, owned by the stream: when the stream and its
/// iterator are gone, the channel is cancelled so the reading thread does not wait forever,
/// and `dropped` is raised, which aborts the transfer even while the server is silent.
final class ChunkConsumer<Chunk: Sendable>: Sendable {
    private let channel: ChunkChannel<Chunk>
    private let dropped: CancellationFlag?

    init(_ channel: ChunkChannel<Chunk>, dropped: CancellationFlag? = nil) {
        self.channel = channel
        self.dropped = dropped
    }

    deinit {
        dropped?.cancel()
        channel.cancel()
    }

    func next() async throws -> Chunk? {
        try await channel.next()
    }
}
