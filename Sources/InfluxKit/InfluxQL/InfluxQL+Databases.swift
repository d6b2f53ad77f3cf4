extension InfluxQL {
    /// `SHOW DATABASES`.
    public static let showDatabases = "SHOW DATABASES"

    /// `CREATE DATABASE "name"`.
    public static func createDatabase(_ name: String) -> String {
        "CREATE DATABASE \(quoteIdentifier(name))"
    }

    /// `DROP DATABASE "name"`.
    public static func dropDatabase(_ name: String) -> String {
        "DROP DATABASE \(quoteIdentifier(name))"
    }

    /// `CREATE DATABASE "name" WITH DURATION d REPLICATION n SHARD DURATION s NAME "rp"`, with the
    /// given options only (all `nil`: a plain `CREATE DATABASE`).
    ///
    /// Durations are checked (`INF` is for `duration` only) and the replication must be at least
    /// 1, else `.invalidArgument` is thrown.
    public static func createDatabase(
        _ name: String,
        duration: String?,
        replication: Int?,
        shardDuration: String?,
        retentionPolicyName: String?
    ) throws -> String {
        var options = try retentionPolicyOptions(
            duration: duration, replication: replication, shardDuration: shardDuration, makeDefault: false)
        if let retentionPolicyName { options += " NAME " + quoteIdentifier(retentionPolicyName) }
        return createDatabase(name) + (options.isEmpty ? "" : " WITH" + options)
    }
}
