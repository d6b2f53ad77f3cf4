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
        var options = ""
        if let duration { options += " DURATION " + (try InfluxQL.duration(duration, for: "duration", allowingInfinite: true)) }
        if let replication {
            guard replication >= 1 && replication <= Int(Int32.max) else {
                throw InfluxError.invalidArgument("replication \(replication) is not from 1 to \(Int32.max)")
            }
            options += " REPLICATION \(replication)"
        }
        if let shardDuration { options += " SHARD DURATION " + (try InfluxQL.duration(shardDuration, for: "shard duration")) }
        if let retentionPolicyName { options += " NAME " + quoteIdentifier(retentionPolicyName) }
        return createDatabase(name) + (options.isEmpty ? "" : " WITH" + options)
    }
}
