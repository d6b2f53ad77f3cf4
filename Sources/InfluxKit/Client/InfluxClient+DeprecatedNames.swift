/// The names methods had before they got Swift names (influxdb-python's `time_precision` as
/// `timePrecision:`, `lines:` for bytes, `ssl:`/`verifySSL:`), kept as deprecated aliases so that
/// code written with them (and the mapping table in `docs/influxdb-python.md`) still works.
extension InfluxClient {
    /// Creates a client with influxdb-python's `ssl` and `verify_ssl` labels.
    @available(*, deprecated, renamed: "init(host:port:username:password:database:usesSSL:verifiesCertificates:)")
    public convenience init(
        host: String = "localhost",
        port: Int = 8086,
        username: String? = nil,
        password: String? = nil,
        database: String? = nil,
        ssl: Bool,
        verifySSL: Bool = true
    ) throws {
        try self.init(
            host: host, port: port, username: username, password: password, database: database,
            usesSSL: ssl, verifiesCertificates: verifySSL)
    }

    /// Creates a client with influxdb-python's `verify_ssl` label.
    @available(*, deprecated, renamed: "init(host:port:username:password:database:usesSSL:verifiesCertificates:)")
    public convenience init(
        host: String = "localhost",
        port: Int = 8086,
        username: String? = nil,
        password: String? = nil,
        database: String? = nil,
        verifySSL: Bool
    ) throws {
        try self.init(
            host: host, port: port, username: username, password: password, database: database,
            verifiesCertificates: verifySSL)
    }

    /// Writes line protocol given as bytes; now ``write(lineProtocol:database:retentionPolicy:precision:consistency:)``.
    @available(*, noasync, message: "blocks the calling thread; use the async form")
    @available(*, deprecated, renamed: "write(lineProtocol:database:retentionPolicy:precision:consistency:)")
    public func write(
        lines: [UInt8],
        database: String? = nil,
        retentionPolicy: String? = nil,
        precision: Precision = .nanoseconds,
        consistency: Consistency? = nil
    ) throws {
        try write(
            lineProtocol: lines, database: database, retentionPolicy: retentionPolicy, precision: precision,
            consistency: consistency)
    }

    /// Writes points with influxdb-python's `time_precision` label; now
    /// ``writePoints(_:precision:database:retentionPolicy:tags:batchSize:consistency:)``.
    @available(*, noasync, message: "blocks the calling thread; use the async form")
    @available(*, deprecated, renamed: "writePoints(_:precision:database:retentionPolicy:tags:batchSize:consistency:)")
    public func writePoints(
        _ points: some Sequence<Point>,
        timePrecision: Precision,
        database: String? = nil,
        retentionPolicy: String? = nil,
        tags: [String: String] = [:],
        batchSize: Int? = nil,
        consistency: Consistency? = nil
    ) throws {
        try writePoints(
            points, precision: timePrecision, database: database, retentionPolicy: retentionPolicy, tags: tags,
            batchSize: batchSize, consistency: consistency)
    }

    /// Sends line protocol given as bytes to the UDP listener; now ``sendPacket(lineProtocol:)``.
    @available(*, noasync, message: "blocks the calling thread; use the async form")
    @available(*, deprecated, renamed: "sendPacket(lineProtocol:)")
    public func sendPacket(lines: [UInt8]) throws {
        try sendPacket(lineProtocol: lines)
    }

    /// Sends points to the UDP listener with influxdb-python's `time_precision` label; now
    /// ``sendPacket(_:precision:tags:)``.
    @available(*, noasync, message: "blocks the calling thread; use the async form")
    @available(*, deprecated, renamed: "sendPacket(_:precision:tags:)")
    public func sendPacket(_ points: some Sequence<Point>, timePrecision: Precision, tags: [String: String] = [:]) throws {
        try sendPacket(points, precision: timePrecision, tags: tags)
    }

    /// Writes a frame with influxdb-python's `time_precision` label; now
    /// ``writeFrame(_:measurement:tagColumns:fieldColumns:globalTags:precision:database:retentionPolicy:batchSize:consistency:)``.
    @available(
        *, deprecated,
        renamed: "writeFrame(_:measurement:tagColumns:fieldColumns:globalTags:precision:database:retentionPolicy:batchSize:consistency:)")
    @available(*, noasync, message: "blocks the calling thread; use the async form")
    @discardableResult
    public func writeFrame(
        _ frame: Frame,
        measurement: String,
        tagColumns: [String]? = nil,
        fieldColumns: [String]? = nil,
        globalTags: [String: String] = [:],
        timePrecision: Precision,
        database: String? = nil,
        retentionPolicy: String? = nil,
        batchSize: Int? = nil,
        consistency: Consistency? = nil
    ) throws -> FrameWriteResult {
        try writeFrame(
            frame, measurement: measurement, tagColumns: tagColumns, fieldColumns: fieldColumns, globalTags: globalTags,
            precision: timePrecision, database: database, retentionPolicy: retentionPolicy, batchSize: batchSize,
            consistency: consistency)
    }

    /// Writes line protocol given as bytes; now the `async`
    /// ``write(lineProtocol:database:retentionPolicy:precision:consistency:timeout:)``.
    @available(*, deprecated, renamed: "write(lineProtocol:database:retentionPolicy:precision:consistency:timeout:)")
    public func write(
        lines: [UInt8],
        database: String? = nil,
        retentionPolicy: String? = nil,
        precision: Precision = .nanoseconds,
        consistency: Consistency? = nil,
        timeout: Duration? = nil
    ) async throws {
        try await write(
            lineProtocol: lines, database: database, retentionPolicy: retentionPolicy, precision: precision,
            consistency: consistency, timeout: timeout)
    }

    /// Writes points with influxdb-python's `time_precision` label; now the `async`
    /// ``writePoints(_:precision:database:retentionPolicy:tags:batchSize:consistency:timeout:)``.
    @available(*, deprecated, renamed: "writePoints(_:precision:database:retentionPolicy:tags:batchSize:consistency:timeout:)")
    public func writePoints(
        _ points: some Sequence<Point> & Sendable,
        timePrecision: Precision,
        database: String? = nil,
        retentionPolicy: String? = nil,
        tags: [String: String] = [:],
        batchSize: Int? = nil,
        consistency: Consistency? = nil,
        timeout: Duration? = nil
    ) async throws {
        try await writePoints(
            points, precision: timePrecision, database: database, retentionPolicy: retentionPolicy, tags: tags,
            batchSize: batchSize, consistency: consistency, timeout: timeout)
    }
}
