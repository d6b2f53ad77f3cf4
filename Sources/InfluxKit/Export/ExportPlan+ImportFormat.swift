extension ExportPlan {
    /// The head of an `influx -import` file for this plan: `# DDL` with the statements that
    /// create the database and its retention policies (same duration, shard group duration,
    /// replication, default), then `# DML` and the database's context line.
    ///
    /// The default policy is made with the database (`CREATE DATABASE … WITH … NAME`), so the
    /// server does not add an `autogen` policy that the source did not have.
    public func importHeader() -> String {
        let database = InfluxQL.quoteIdentifier(self.database)
        var lines = ["# DDL"]
        let defaultPolicy = retentionPolicies.first(where: \.isDefault)
        if let policy = defaultPolicy {
            lines.append(
                "CREATE DATABASE \(database) WITH DURATION \(policy.duration) REPLICATION \(policy.replication)"
                    + " SHARD DURATION \(policy.shardGroupDuration) NAME \(InfluxQL.quoteIdentifier(policy.name))")
        } else {
            lines.append("CREATE DATABASE \(database)")
        }
        for policy in retentionPolicies where policy.name != defaultPolicy?.name {
            lines.append(
                "CREATE RETENTION POLICY \(InfluxQL.quoteIdentifier(policy.name)) ON \(database)"
                    + " DURATION \(policy.duration) REPLICATION \(policy.replication)"
                    + " SHARD DURATION \(policy.shardGroupDuration)")
        }
        lines += ["# DML", "# CONTEXT-DATABASE: \(self.database)"]
        return lines.joined(separator: "\n") + "\n"
    }

    /// The line that switches an `influx -import` file to the retention policy `name`.
    public static func importContext(retentionPolicy name: String) -> String {
        "# CONTEXT-RETENTION-POLICY: \(name)\n"
    }
}
