extension InfluxClient {
    /// Writes line protocol as it is (one point per line, `\n`-separated).
    ///
    /// Throws `.partialWrite` when the server stored the good lines but rejected others. The
    /// request is tried again after transient failures (see ``ClientConfiguration/retries``):
    /// give every point a timestamp, or a retried request may store points twice.
    @available(*, noasync, message: "blocks the calling thread; use the async form")
    public func write(
        lineProtocol lines: [UInt8],
        database: String? = nil,
        retentionPolicy: String? = nil,
        precision: Precision = .nanoseconds,
        consistency: Consistency? = nil
    ) throws {
        try write(
            lineProtocol: lines, database: database, retentionPolicy: retentionPolicy, precision: precision,
            consistency: consistency, onRetry: {})
    }

    /// Writes line protocol, telling `onRetry` of each time the request is tried again; no try
    /// starts once `cancellation` is raised.
    func write(
        lineProtocol lines: [UInt8],
        database: String?,
        retentionPolicy: String?,
        precision: Precision,
        consistency: Consistency?,
        onRetry: () -> Void,
        cancellation: CancellationFlag? = nil
    ) throws {
        let settings = configuration
        guard let db = database ?? settings.database else {
            throw InfluxError.invalidArgument("no database given for the write")
        }
        var (lines, precision) = (lines, precision)
        if precision == .minutes || precision == .hours, serverKind() == .influxDB2 {
            (lines, precision) = (SecondsRescaler.rescale(lines, from: precision), .seconds)
        }
        var urlQuery: [(name: String, value: String)] = [("db", db), ("precision", precision.writeParameter)]
        if let rp = retentionPolicy ?? settings.retentionPolicy { urlQuery.append(("rp", rp)) }
        if let consistency { urlQuery.append(("consistency", consistency.rawValue)) }
        let request = HTTPRequest(
            method: .post, path: "/write", query: urlQuery,
            headers: [("Content-Type", "text/plain; charset=utf-8")], body: lines, compressible: true)
        let (head, body) = try sendRetrying(
            request, bodyLimit: Self.writeErrorBodyLimit(for: lines), onRetry: onRetry, cancellation: cancellation)
        // A 204 without a version header is a store that takes line protocol without naming
        // itself; a 200 without one is more likely a proxy's page than a stored write.
        guard (200..<300).contains(head.status), head.influxDBVersion != nil || head.status == 204 else {
            throw InfluxError.response(head, body: body)
        }
    }

    /// How much of a `/write` error body is kept: enough for influxd to name every line of
    /// `lines` with a reason (`unable to parse '…': …`, JSON-escaped, joined by newlines) for
    /// lines of 20 bytes or more, so that its message is read whole; bounded by the request's
    /// size. A message cut short refuses the whole request (see ``LineProtocolWriter``).
    static func writeErrorBodyLimit(for lines: [UInt8]) -> Int {
        errorBodyLimit + 4 * lines.count
    }

    /// Writes line protocol given as text: one string with lines, or several lines.
    @available(*, noasync, message: "blocks the calling thread; use the async form")
    public func write(
        lines: [String],
        database: String? = nil,
        retentionPolicy: String? = nil,
        precision: Precision = .nanoseconds,
        consistency: Consistency? = nil
    ) throws {
        var bytes = [UInt8]()
        for line in lines {
            bytes += line.utf8
            if bytes.last != UInt8(ascii: "\n") { bytes.append(UInt8(ascii: "\n")) }
        }
        try write(
            lineProtocol: bytes, database: database, retentionPolicy: retentionPolicy,
            precision: precision, consistency: consistency)
    }

    /// Encodes and writes points, as influxdb-python's `write_points`.
    ///
    /// `tags` are merged under each point's own tags. With `batchSize`, points are encoded and
    /// sent `batchSize` at a time, reading the sequence lazily. Fields that are NaN or infinite are
    /// dropped; a point that cannot be written faithfully (see ``LineProtocolEncoder``) is left
    /// out, every valid point is still written, and then the first refusal is thrown as
    /// `.invalidPoint` naming the point's index and how many were refused.
    ///
    /// With `usesUDP` set in the configuration, the points go to the server's UDP listener
    /// instead, as ``sendPacket(_:precision:tags:)`` sends them: `database`,
    /// `retentionPolicy`, `batchSize` and `consistency` are then ignored (the listener's own
    /// settings apply), and `precision` must be the listener's configured precision.
    @available(*, noasync, message: "blocks the calling thread; use the async form")
    public func writePoints(
        _ points: some Sequence<Point>,
        precision: Precision = .nanoseconds,
        database: String? = nil,
        retentionPolicy: String? = nil,
        tags: [String: String] = [:],
        batchSize: Int? = nil,
        consistency: Consistency? = nil
    ) throws {
        if configuration.usesUDP {
            try sendPacket(points, precision: precision, tags: tags)
            return
        }
        var encoder = LineProtocolEncoder(precision: precision)
        var refused: [(index: Int, reason: String)] = []
        let limit = max(batchSize ?? Int.max, 1)
        func flush() throws {
            guard encoder.pointCount > 0 else { return }
            try write(
                lineProtocol: encoder.bytes, database: database, retentionPolicy: retentionPolicy,
                precision: precision, consistency: consistency)
            encoder.removeAll()
        }
        for (index, point) in points.enumerated() {
            do {
                try encoder.append(point, globalTags: tags)
            } catch let error as InfluxError {
                guard error.code == .invalidPoint else { throw error }
                refused.append((index, error.message))
            }
            if encoder.pointCount >= limit { try flush() }
        }
        try flush()
        if let first = refused.first {
            let more = refused.count > 1 ? " (and \(refused.count - 1) more refused)" : ""
            throw InfluxError.invalidPoint(reason: "point \(first.index): \(first.reason)\(more)")
        }
    }
}

extension Precision {
    /// The `precision=` value of a write.
    var writeParameter: String { self == .nanoseconds ? "n" : rawValue }
}
