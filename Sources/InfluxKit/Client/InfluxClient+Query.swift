extension InfluxClient {
    /// Runs one or more `;`-separated InfluxQL statements and returns one result per statement.
    ///
    /// A failed statement does not throw: its `ResultSet.error` says why, and the other statements
    /// keep their results. With `chunked` (the default, as in the other `query` forms), the
    /// server streams the answer in chunks of `chunkSize` rows, which are merged here, so the
    /// server never builds a whole large answer in memory and its `max-row-limit` (which
    /// applies to answers that are not chunked) cuts nothing; use ``query(_:database:retentionPolicy:epoch:params:chunked:chunkSize:onResult:)``
    /// to handle chunks as they arrive instead. A query without a statement (see
    /// ``InfluxQL/containsStatement(_:)``) throws `.invalidArgument` before anything is sent.
    /// - Parameters:
    ///   - database: the database (`db=`); defaults to the configured one.
    ///   - retentionPolicy: the retention policy (`rp=`); defaults to the configured one.
    ///   - epoch: return times as integers in this unit instead of RFC3339 strings.
    ///   - params: bind parameters, referenced as `$name` in the statement.
    @available(*, noasync, message: "blocks the calling thread; use the async form")
    public func query(
        _ query: String,
        database: String? = nil,
        retentionPolicy: String? = nil,
        epoch: Precision? = nil,
        params: [String: JSONValue] = [:],
        chunked: Bool = true,
        chunkSize: Int? = nil
    ) throws -> [ResultSet] {
        try collectResults(
            query, database: database, retentionPolicy: retentionPolicy, epoch: epoch, params: params,
            chunked: chunked, chunkSize: chunkSize, beforeEachChunk: {})
    }

    /// Runs a query and merges its chunks into one result per statement, calling
    /// `beforeEachChunk` as each chunk arrives (the async surface checks cancellation there).
    func collectResults(
        _ query: String,
        database: String?,
        retentionPolicy: String?,
        epoch: Precision?,
        params: [String: JSONValue],
        chunked: Bool,
        chunkSize: Int?,
        beforeEachChunk: () throws -> Void
    ) throws -> [ResultSet] {
        var accumulator = ResultSetAccumulator()
        var results: [ResultSet] = []
        try self.query(
            query, database: database, retentionPolicy: retentionPolicy, epoch: epoch, params: params,
            chunked: chunked, chunkSize: chunkSize
        ) { chunk in
            try beforeEachChunk()
            if let finished = accumulator.add(chunk) { results.append(finished) }
        }
        if let last = accumulator.finish() { results.append(last) }
        return results
    }

    /// Runs InfluxQL and hands each result to `onResult` as soon as it is decoded.
    ///
    /// With `chunked` (the default here) each call carries one chunk: at most `chunkSize` rows
    /// (server default 10,000), with `isPartial` set while more of the statement follows, so any
    /// result size is handled in constant memory. An error thrown by `onResult` aborts the
    /// transfer and is rethrown. Connect errors, timeouts, 5xx and 429 answers are tried again
    /// (see ``ClientConfiguration/retries``) only while no result has been handed over; for a
    /// query that changes something (see ``InfluxQL/isReadOnly(_:)``) only connect errors and 429.
    /// A query without a statement (see ``InfluxQL/containsStatement(_:)``) throws
    /// `.invalidArgument` before anything is sent.
    @available(*, noasync, message: "use queryChunks(_:) for chunks as they arrive")
    public func query(
        _ query: String,
        database: String? = nil,
        retentionPolicy: String? = nil,
        epoch: Precision? = nil,
        params: [String: JSONValue] = [:],
        chunked: Bool = true,
        chunkSize: Int? = nil,
        onResult: (ResultSet) throws -> Void
    ) throws {
        try runQuery(
            query, database: database, retentionPolicy: retentionPolicy, epoch: epoch, params: params,
            chunked: chunked, chunkSize: chunkSize
        ) { decoder, bytes in
            try decoder.feed(bytes, onResult)
        } finish: { decoder in
            try decoder.finish(onResult)
        }
    }

    /// Runs InfluxQL like ``query(_:database:retentionPolicy:epoch:params:chunked:chunkSize:onResult:)``,
    /// but hands each result over with its rows still as JSON text (see ``RawResultSet``), for
    /// callers that write the rows out again and need no ``JSONValue`` for each value.
    ///
    /// Results are handed over, and errors thrown, exactly as by `query(…onResult:)`; `decoded()`
    /// of each result equals the result that method would hand over. A result is valid only
    /// while `onResult` runs.
    public func streamRawResults(
        of query: String,
        database: String? = nil,
        retentionPolicy: String? = nil,
        epoch: Precision? = nil,
        params: [String: JSONValue] = [:],
        chunked: Bool = true,
        chunkSize: Int? = nil,
        onResult: (RawResultSet) throws -> Void
    ) throws {
        try runQuery(
            query, database: database, retentionPolicy: retentionPolicy, epoch: epoch, params: params,
            chunked: chunked, chunkSize: chunkSize
        ) { decoder, bytes in
            try decoder.feedRaw(bytes, onResult)
        } finish: { decoder in
            try decoder.finishRaw(onResult)
        }
    }

    /// Sends a query and hands every piece of a 200 answer's body to `feed` with the decoder,
    /// then the decoder to `finish`. A query without a statement (only white space, `;` and
    /// comments) is not sent: the server would answer it with no result at all.
    private func runQuery(
        _ query: String,
        database: String?,
        retentionPolicy: String?,
        epoch: Precision?,
        params: [String: JSONValue],
        chunked: Bool,
        chunkSize: Int?,
        feed: (inout QueryResponseDecoder, UnsafeRawBufferPointer) throws -> Void,
        finish: (inout QueryResponseDecoder) throws -> Void
    ) throws {
        guard InfluxQL.containsStatement(query) else { throw InfluxError.invalidArgument("query has no statement") }
        let settings = configuration
        var urlQuery: [(name: String, value: String)] = []
        if let db = database ?? settings.database { urlQuery.append(("db", db)) }
        if let rp = retentionPolicy ?? settings.retentionPolicy { urlQuery.append(("rp", rp)) }
        if let epoch { urlQuery.append(("epoch", epochParameter(epoch))) }
        if chunked {
            urlQuery.append(("chunked", "true"))
            if let chunkSize { urlQuery += chunkSizeParameters(chunkSize) }
        }
        var form = "q=" + percentEncoded(query)
        if !params.isEmpty {
            let object = JSONValue.object(params.sorted { $0.key < $1.key }.map { (key: $0.key, value: $0.value) })
            form += "&params=" + percentEncoded(object.serialized())
        }
        let request = HTTPRequest(
            method: .post, path: "/query", query: urlQuery,
            headers: [("Content-Type", "application/x-www-form-urlencoded")], body: Array(form.utf8))

        var decoder = QueryResponseDecoder(maximumObjectBytes: settings.maximumObjectBytes)
        var errorBody = [UInt8]()
        // Tried again only while nothing of the answer has been decoded: a half-streamed
        // answer is never replayed. A statement that changes something is tried again only
        // when it cannot have run: the connection failed, or the server asked to slow down.
        var delivered = false
        let readOnly = InfluxQL.isReadOnly(query)
        func mayRetry(_ error: InfluxError) -> Bool {
            guard !delivered else { return false }
            if error.code == .connectionFailed { return true }
            return readOnly && RetryPolicy.isTransient(error)
        }
        let head = try retrying { limit in
            var attempt = request
            attempt.timeLimit = limit
            errorBody.removeAll()
            let head: HTTPResponseHead
            do {
                head = try perform(attempt) { head, bytes in
                    guard head.status == 200 else {
                        if errorBody.count < Self.errorBodyLimit { errorBody += bytes.prefix(Self.errorBodyLimit - errorBody.count) }
                        return
                    }
                    delivered = true
                    try Self.decoding(head) { try feed(&decoder, bytes) }
                }
            } catch let error as InfluxError where mayRetry(error) {
                throw TransientFailure(error: error)
            }
            if head.status == 429 || (readOnly && RetryPolicy.isTransient(status: head.status)) {
                throw TransientFailure(
                    error: .response(head, body: errorBody), retryAfter: RetryPolicy.retryAfter(head.headers["retry-after"]))
            }
            return head
        }
        guard head.status == 200 else { throw InfluxError.response(head, body: errorBody) }
        try Self.decoding(head) { try finish(&decoder) }
    }

    /// Runs decoding work, turning a malformed body from a peer that is not InfluxDB into
    /// `.notInfluxDB`.
    private static func decoding(_ head: HTTPResponseHead, _ work: () throws -> Void) throws {
        do {
            try work()
        } catch let error as InfluxError {
            if error.code == .malformedResponse, head.influxDBVersion == nil {
                throw InfluxError.notInfluxDB(status: head.status, reason: error.message)
            }
            throw error
        }
    }
}
