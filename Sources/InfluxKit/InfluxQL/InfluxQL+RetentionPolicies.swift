extension InfluxQL {
    /// `SHOW RETENTION POLICIES ON "database"`.
    public static func showRetentionPolicies(on database: String) -> String {
        "SHOW RETENTION POLICIES ON \(quoteIdentifier(database))"
    }

    /// `CREATE RETENTION POLICY "name" ON "database" DURATION d REPLICATION n [SHARD DURATION s] [DEFAULT]`.
    ///
    /// Durations are checked (see ``isDuration(_:allowingInfinite:)``; `INF` is for `duration`
    /// only) and the replication must be at least 1,
    /// else `.invalidArgument` is thrown.
    public static func createRetentionPolicy(
        _ name: String,
        on database: String,
        duration: String,
        replication: Int = 1,
        shardDuration: String? = nil,
        makeDefault: Bool = false
    ) throws -> String {
        "CREATE RETENTION POLICY \(quoteIdentifier(name)) ON \(quoteIdentifier(database))"
            + (try retentionPolicyOptions(
                duration: duration, replication: replication, shardDuration: shardDuration, makeDefault: makeDefault))
    }

    /// `ALTER RETENTION POLICY "name" ON "database"` with the given options only; at least one
    /// is needed. `makeDefault: false` leaves the default as it is (InfluxQL cannot unset it).
    public static func alterRetentionPolicy(
        _ name: String,
        on database: String,
        duration: String? = nil,
        replication: Int? = nil,
        shardDuration: String? = nil,
        makeDefault: Bool = false
    ) throws -> String {
        guard duration != nil || replication != nil || shardDuration != nil || makeDefault else {
            throw InfluxError.invalidArgument("altering a retention policy needs a duration, replication, shard duration or default")
        }
        return "ALTER RETENTION POLICY \(quoteIdentifier(name)) ON \(quoteIdentifier(database))"
            + (try retentionPolicyOptions(
                duration: duration, replication: replication, shardDuration: shardDuration, makeDefault: makeDefault))
    }

    /// `DROP RETENTION POLICY "name" ON "database"`.
    public static func dropRetentionPolicy(_ name: String, on database: String) -> String {
        "DROP RETENTION POLICY \(quoteIdentifier(name)) ON \(quoteIdentifier(database))"
    }

    /// The ` DURATION … REPLICATION … SHARD DURATION … DEFAULT` options of a retention policy
    /// (also those of `CREATE DATABASE … WITH`), each checked.
    static func retentionPolicyOptions(
        duration: String?, replication: Int?, shardDuration: String?, makeDefault: Bool
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
        if makeDefault { options += " DEFAULT" }
        return options
    }
}
