import Foundation
import InfluxKit

/// A database built to be hard to export exactly: all four field types with their extremes,
/// names that need every escape, two retention policies with different shard durations,
/// measurements whose points have different field sets, a field with two types in two shard
/// groups, a tag and a field with the same key, and times from 1677 to 2262 in nanoseconds.
enum ExportDataset {
    /// The lines written, by retention policy (`autogen`, then `"short rp"`); each list is one
    /// write request.
    static let batches: [(policy: String?, lines: [String])] = [
        (nil, [
            #"cpu\ load,host=web\ 1,region=eu\,west usage=0.1,count=-9223372036854775808i,ok=true,note="say \"hi\"" -9223372036854775806"#,
            #"cpu\ load,host=web\ 1,region=eu\,west usage=5e-324,count=9223372036854775807i,ok=false,note="back\\slash" -1"#,
            #"cpu\ load,host=web2 usage=1.7976931348623157e308,count=0i,note="a,b=c d" 0"#,
            #"cpu\ load,host=web2 usage=-0.0 1"#,
            #"cpu\ load,host=web2 usage=1e21,note="ünïcödé ✓ 温度" 1500000000123456789"#,
            #"cpu\ load,host=web2 usage=-1e-7,count=42i 9223372036854775806"#,
            #"a\,b\ c,t\,k\=y=v\ \,\=w f\,k\=y=3.14159,f2="x\\\"y" 1600000000000000001"#,
            #"温度,城市=東京 値=21.5 1600000000000000002"#,
            #"dual,host=a,shared=tagvalue shared=1.5,other=2i 1600000000000000003"#,
            #"dual,host=b shared=2.5 1600000000000000004"#,
            // `mixed` is an integer in the shard group of 1970 and a float in that of 2020.
            #"mixed v=7i 86400000000000"#,
            #"mixed v=7.5 1600000000000000005"#,
            #"sparse a=1 1600000000000000006"#,
            #"sparse b="only b" 1600000000000000007"#,
            #"sparse c=true,a=2 1600000000000000008"#,
        ]),
        ("short rp", [
            #"cpu\ load,host=web3 usage=99.5,count=3i 1600000000000000009"#,
            #"events,kind=deploy text="line one\nline two",ok=true 1600000000000000010"#,
            #"events,kind=deploy text="tab\there" 1600003600000000000"#,
            "events,kind=multi text=\"first\nsecond\" 1600007200000000000",
        ]),
    ]

    /// Creates the database `name` on `server` with a second policy `"short rp"` (1 day shard
    /// groups) and writes the dataset.
    static func create(_ name: String, on server: InfluxServer) throws {
        let client = try server.client()
        try client.execute("CREATE DATABASE \(InfluxQL.quoteIdentifier(name))")
        try client.execute("CREATE RETENTION POLICY \"short rp\" ON \(InfluxQL.quoteIdentifier(name)) DURATION 0s REPLICATION 1 SHARD DURATION 1d")
        for batch in batches {
            for line in batch.lines {
                try client.write(lines: [line], database: name, retentionPolicy: batch.policy)
            }
        }
    }

    /// What `server` holds in `database`, as influxd answers: every policy's `SHOW FIELD KEYS`
    /// and `SHOW TAG KEYS`, and every measurement's `SELECT * … GROUP BY *` in nanoseconds.
    static func contents(of database: String, on server: InfluxServer) throws -> [String: [ResultSet]] {
        let client = try server.client()
        var contents: [String: [ResultSet]] = [:]
        contents["policies"] = try client.query("SHOW RETENTION POLICIES", database: database)
        for policy in try client.retentionPolicies(database: database) {
            let rp = InfluxQL.quoteIdentifier(policy.name)
            contents["\(policy.name) fields"] = try client.query("SHOW FIELD KEYS FROM \(rp)./.*/", database: database)
            contents["\(policy.name) tags"] = try client.query("SHOW TAG KEYS FROM \(rp)./.*/", database: database)
            for measurement in try client.measurements(database: database) {
                let statement = "SELECT * FROM \(rp).\(InfluxQL.quoteIdentifier(measurement)) GROUP BY *"
                contents["\(policy.name) \(measurement)"] = try client.query(statement, database: database, epoch: .nanoseconds)
            }
        }
        return contents
    }
}
