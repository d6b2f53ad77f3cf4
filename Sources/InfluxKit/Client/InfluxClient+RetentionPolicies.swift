extension InfluxClient {
    /// The retention policies of a database (default: the configured one).
    @available(*, noasync, message: "blocks the calling thread; use the async form")
    public func retentionPolicies(database: String? = nil) throws -> [RetentionPolicy] {
        try execute(InfluxQL.showRetentionPolicies(on: targetDatabase(database))).rows.map { row in
            RetentionPolicy(
                name: try row.string("name"), duration: try row.string("duration"),
                shardGroupDuration: try row.string("shardGroupDuration"), replication: try row.int("replicaN"),
                isDefault: try row.bool("default"))
        }
    }

    /// Creates a retention policy.
    ///
    /// Durations such as `1h`, `90m`, `7d`, `4w`, `1h30m` or `INF` are checked before anything is
    /// sent; influxd itself refuses durations under one hour (except `0s`, forever) and rounds
    /// shard durations under one hour up to one hour.
    /// - Parameters:
    ///   - shardDuration: the time span of each shard group; `nil` lets the server choose.
    ///   - makeDefault: make it the database's default policy.
    @available(*, noasync, message: "blocks the calling thread; use the async form")
    public func createRetentionPolicy(
        _ name: String,
        duration: String,
        replication: Int = 1,
        database: String? = nil,
        shardDuration: String? = nil,
        makeDefault: Bool = false
    ) throws {
        let statement = try InfluxQL.createRetentionPolicy(
            name, on: targetDatabase(database), duration: duration, replication: replication,
            shardDuration: shardDuration, makeDefault: makeDefault)
        try execute(statement)
    }

    /// Changes the given settings of a retention policy; at least one is needed.
    /// `makeDefault: false` leaves the default as it is.
    @available(*, noasync, message: "blocks the calling thread; use the async form")
    public func alterRetentionPolicy(
        _ name: String,
        database: String? = nil,
        duration: String? = nil,
        replication: Int? = nil,
        shardDuration: String? = nil,
        makeDefault: Bool = false
    ) throws {
        let statement = try InfluxQL.alterRetentionPolicy(
            name, on: targetDatabase(database), duration: duration, replication: replication,
            shardDuration: shardDuration, makeDefault: makeDefault)
        try execute(statement)
    }

    /// Drops a retention policy and its data; dropping one that does not exist does nothing.
    @available(*, noasync, message: "blocks the calling thread; use the async form")
    public func dropRetentionPolicy(_ name: String, database: String? = nil) throws {
        try execute(InfluxQL.dropRetentionPolicy(name, on: targetDatabase(database)))
    }
}
