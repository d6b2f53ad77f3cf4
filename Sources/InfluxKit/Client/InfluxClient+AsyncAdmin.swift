/// The `async` forms of the administration, schema, monitoring, export, frame and UDP calls.
///
/// Each runs the synchronous method of the same name as the calls in `InfluxClient+Async.swift`
/// do: on the client's queue, off Swift's cooperative thread pool, with the same results and
/// errors; cancelling the task aborts the request in progress (`.cancelled`), and `timeout`
/// limits the whole call instead of ``ClientConfiguration/timeout``.
extension InfluxClient {
    /// Runs one statement; see ``execute(_:database:)``.
    @discardableResult
    public func execute(_ statement: String, database: String? = nil, timeout: Duration? = nil) async throws -> ResultSet {
        try await runBlocking(timeout: timeout) { _ in try self.execute(statement, database: database) }
    }

    // MARK: Databases and measurements

    /// The databases; see ``databases()``.
    public func databases(timeout: Duration? = nil) async throws -> [String] {
        try await runBlocking(timeout: timeout) { _ in try self.databases() }
    }

    /// Creates a database; see ``createDatabase(_:)``.
    public func createDatabase(_ name: String, timeout: Duration? = nil) async throws {
        try await runBlocking(timeout: timeout) { _ in try self.createDatabase(name) }
    }

    /// Drops a database; see ``dropDatabase(_:)``.
    public func dropDatabase(_ name: String, timeout: Duration? = nil) async throws {
        try await runBlocking(timeout: timeout) { _ in try self.dropDatabase(name) }
    }

    /// The measurements of a database; see ``measurements(database:)``.
    public func measurements(database: String? = nil, timeout: Duration? = nil) async throws -> [String] {
        try await runBlocking(timeout: timeout) { _ in try self.measurements(database: database) }
    }

    /// Drops a measurement; see ``dropMeasurement(_:database:)``.
    public func dropMeasurement(_ name: String, database: String? = nil, timeout: Duration? = nil) async throws {
        try await runBlocking(timeout: timeout) { _ in try self.dropMeasurement(name, database: database) }
    }

    // MARK: Users and privileges

    /// The users; see ``users()``.
    public func users(timeout: Duration? = nil) async throws -> [User] {
        try await runBlocking(timeout: timeout) { _ in try self.users() }
    }

    /// Creates a user; see ``createUser(_:password:admin:)``.
    public func createUser(_ name: String, password: String, admin: Bool = false, timeout: Duration? = nil) async throws {
        try await runBlocking(timeout: timeout) { _ in try self.createUser(name, password: password, admin: admin) }
    }

    /// Drops a user; see ``dropUser(_:)``.
    public func dropUser(_ name: String, timeout: Duration? = nil) async throws {
        try await runBlocking(timeout: timeout) { _ in try self.dropUser(name) }
    }

    /// Sets a user's password; see ``setPassword(_:forUser:)``.
    public func setPassword(_ password: String, forUser user: String, timeout: Duration? = nil) async throws {
        try await runBlocking(timeout: timeout) { _ in try self.setPassword(password, forUser: user) }
    }

    /// Makes a user an administrator; see ``grantAdminPrivileges(to:)``.
    public func grantAdminPrivileges(to user: String, timeout: Duration? = nil) async throws {
        try await runBlocking(timeout: timeout) { _ in try self.grantAdminPrivileges(to: user) }
    }

    /// Takes a user's administrator rights; see ``revokeAdminPrivileges(from:)``.
    public func revokeAdminPrivileges(from user: String, timeout: Duration? = nil) async throws {
        try await runBlocking(timeout: timeout) { _ in try self.revokeAdminPrivileges(from: user) }
    }

    /// Grants a privilege on a database; see ``grant(_:on:to:)``.
    public func grant(_ privilege: Privilege, on database: String, to user: String, timeout: Duration? = nil) async throws {
        try await runBlocking(timeout: timeout) { _ in try self.grant(privilege, on: database, to: user) }
    }

    /// Revokes a privilege on a database; see ``revoke(_:on:from:)``.
    public func revoke(_ privilege: Privilege, on database: String, from user: String, timeout: Duration? = nil) async throws {
        try await runBlocking(timeout: timeout) { _ in try self.revoke(privilege, on: database, from: user) }
    }

    /// A user's privileges per database; see ``grants(for:)``.
    public func grants(for user: String, timeout: Duration? = nil) async throws -> [Grant] {
        try await runBlocking(timeout: timeout) { _ in try self.grants(for: user) }
    }

    // MARK: Retention policies and continuous queries

    /// The retention policies of a database; see ``retentionPolicies(database:)``.
    public func retentionPolicies(database: String? = nil, timeout: Duration? = nil) async throws -> [RetentionPolicy] {
        try await runBlocking(timeout: timeout) { _ in try self.retentionPolicies(database: database) }
    }

    /// Creates a retention policy; see
    /// ``createRetentionPolicy(_:duration:replication:database:shardDuration:makeDefault:)``.
    public func createRetentionPolicy(
        _ name: String, duration: String, replication: Int = 1, database: String? = nil,
        shardDuration: String? = nil, makeDefault: Bool = false, timeout: Duration? = nil
    ) async throws {
        try await runBlocking(timeout: timeout) { _ in
            try self.createRetentionPolicy(
                name, duration: duration, replication: replication, database: database,
                shardDuration: shardDuration, makeDefault: makeDefault)
        }
    }

    /// Changes a retention policy; see
    /// ``alterRetentionPolicy(_:database:duration:replication:shardDuration:makeDefault:)``.
    public func alterRetentionPolicy(
        _ name: String, database: String? = nil, duration: String? = nil, replication: Int? = nil,
        shardDuration: String? = nil, makeDefault: Bool = false, timeout: Duration? = nil
    ) async throws {
        try await runBlocking(timeout: timeout) { _ in
            try self.alterRetentionPolicy(
                name, database: database, duration: duration, replication: replication,
                shardDuration: shardDuration, makeDefault: makeDefault)
        }
    }

    /// Drops a retention policy; see ``dropRetentionPolicy(_:database:)``.
    public func dropRetentionPolicy(_ name: String, database: String? = nil, timeout: Duration? = nil) async throws {
        try await runBlocking(timeout: timeout) { _ in try self.dropRetentionPolicy(name, database: database) }
    }

    /// The continuous queries; see ``continuousQueries(database:)``.
    public func continuousQueries(database: String? = nil, timeout: Duration? = nil) async throws -> [ContinuousQuery] {
        try await runBlocking(timeout: timeout) { _ in try self.continuousQueries(database: database) }
    }

    /// Creates a continuous query; see
    /// ``createContinuousQuery(_:select:database:resampleEvery:resampleFor:)``.
    public func createContinuousQuery(
        _ name: String, select: String, database: String? = nil, resampleEvery: String? = nil,
        resampleFor: String? = nil, timeout: Duration? = nil
    ) async throws {
        try await runBlocking(timeout: timeout) { _ in
            try self.createContinuousQuery(
                name, select: select, database: database, resampleEvery: resampleEvery, resampleFor: resampleFor)
        }
    }

    /// Drops a continuous query; see ``dropContinuousQuery(_:database:)``.
    public func dropContinuousQuery(_ name: String, database: String? = nil, timeout: Duration? = nil) async throws {
        try await runBlocking(timeout: timeout) { _ in try self.dropContinuousQuery(name, database: database) }
    }

    // MARK: Series and schema

    /// Series keys; see ``series(database:measurement:tags:)``.
    public func series(
        database: String? = nil, measurement: String? = nil, tags: [String: String] = [:], timeout: Duration? = nil
    ) async throws -> [String] {
        try await runBlocking(timeout: timeout) { _ in
            try self.series(database: database, measurement: measurement, tags: tags)
        }
    }

    /// Deletes series; see ``deleteSeries(database:measurement:tags:allowUnfiltered:)``.
    public func deleteSeries(
        database: String? = nil, measurement: String? = nil, tags: [String: String] = [:],
        allowUnfiltered: Bool = false, timeout: Duration? = nil
    ) async throws {
        try await runBlocking(timeout: timeout) { _ in
            try self.deleteSeries(
                database: database, measurement: measurement, tags: tags, allowUnfiltered: allowUnfiltered)
        }
    }

    /// Tag keys; see ``tagKeys(database:measurement:)``.
    public func tagKeys(database: String? = nil, measurement: String? = nil, timeout: Duration? = nil) async throws -> [TagKey] {
        try await runBlocking(timeout: timeout) { _ in try self.tagKeys(database: database, measurement: measurement) }
    }

    /// Field keys and types; see ``fieldKeys(database:measurement:)``.
    public func fieldKeys(database: String? = nil, measurement: String? = nil, timeout: Duration? = nil) async throws -> [FieldKey] {
        try await runBlocking(timeout: timeout) { _ in try self.fieldKeys(database: database, measurement: measurement) }
    }

    /// The values of a tag; see ``tagValues(key:database:measurement:)``.
    public func tagValues(
        key: String, database: String? = nil, measurement: String? = nil, timeout: Duration? = nil
    ) async throws -> [TagValue] {
        try await runBlocking(timeout: timeout) { _ in
            try self.tagValues(key: key, database: database, measurement: measurement)
        }
    }

    // MARK: Monitoring

    /// The shards; see ``shards()``.
    public func shards(timeout: Duration? = nil) async throws -> [Shard] {
        try await runBlocking(timeout: timeout) { _ in try self.shards() }
    }

    /// The queries running on the server; see ``runningQueries()``.
    public func runningQueries(timeout: Duration? = nil) async throws -> [RunningQuery] {
        try await runBlocking(timeout: timeout) { _ in try self.runningQueries() }
    }

    /// Stops a running query; see ``killQuery(_:)``.
    public func killQuery(_ id: Int, timeout: Duration? = nil) async throws {
        try await runBlocking(timeout: timeout) { _ in try self.killQuery(id) }
    }

    // MARK: Export, frames and UDP

    /// Works out what exporting `selection` reads; see ``exportPlan(for:)``.
    public func exportPlan(for selection: ExportSelection, timeout: Duration? = nil) async throws -> ExportPlan {
        try await runBlocking(timeout: timeout) { _ in try self.exportPlan(for: selection) }
    }

    /// Runs one query into frames; see
    /// ``queryFrames(_:database:retentionPolicy:params:chunkSize:dropEmptyColumns:columnTypes:typesFromSchema:)``.
    public func queryFrames(
        _ query: String, database: String? = nil, retentionPolicy: String? = nil, params: [String: JSONValue] = [:],
        chunkSize: Int? = nil, dropEmptyColumns: Bool = true, columnTypes: [String: Frame.ColumnType] = [:],
        typesFromSchema: Bool = false, timeout: Duration? = nil
    ) async throws -> [FrameKey: Frame] {
        try await runBlocking(timeout: timeout) { _ in
            try self.queryFrames(
                query, database: database, retentionPolicy: retentionPolicy, params: params, chunkSize: chunkSize,
                dropEmptyColumns: dropEmptyColumns, columnTypes: columnTypes, typesFromSchema: typesFromSchema)
        }
    }

    /// Writes a frame; see
    /// ``writeFrame(_:measurement:tagColumns:fieldColumns:globalTags:precision:database:retentionPolicy:batchSize:consistency:)``.
    @discardableResult
    public func writeFrame(
        _ frame: Frame, measurement: String, tagColumns: [String]? = nil, fieldColumns: [String]? = nil,
        globalTags: [String: String] = [:], precision: Precision = .nanoseconds, database: String? = nil,
        retentionPolicy: String? = nil, batchSize: Int? = nil, consistency: Consistency? = nil, timeout: Duration? = nil
    ) async throws -> FrameWriteResult {
        try await runBlocking(timeout: timeout) { _ in
            try self.writeFrame(
                frame, measurement: measurement, tagColumns: tagColumns, fieldColumns: fieldColumns,
                globalTags: globalTags, precision: precision, database: database, retentionPolicy: retentionPolicy,
                batchSize: batchSize, consistency: consistency)
        }
    }

    /// Sends line protocol to the UDP listener; see ``sendPacket(lineProtocol:)``. UDP has no
    /// answer to wait for: `async` only so that a task never blocks on the socket.
    public func sendPacket(lineProtocol lines: [UInt8]) async throws {
        try await runBlocking { _ in try self.sendPacket(lineProtocol: lines) }
    }

    /// Sends lines given as text to the UDP listener; see the synchronous `sendPacket(_:)`.
    public func sendPacket(_ lines: [String]) async throws {
        try await runBlocking { _ in try self.sendPacket(lines) }
    }

    /// Sends points to the UDP listener; see ``sendPacket(_:precision:tags:)``.
    public func sendPacket(
        _ points: some Sequence<Point> & Sendable, precision: Precision = .nanoseconds, tags: [String: String] = [:]
    ) async throws {
        try await runBlocking { _ in try self.sendPacket(points, precision: precision, tags: tags) }
    }
}
