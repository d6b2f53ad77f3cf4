import FoundationEssentials

extension InfluxClient {
    /// Every shard of every database.
    @available(*, noasync, message: "blocks the calling thread; use the async form")
    public func shards() throws -> [Shard] {
        try execute(InfluxQL.showShards).rows.map { row in
            let owners = try row.string("owners")
            return Shard(
                id: try row.int("id"), database: try row.string("database"),
                retentionPolicy: try row.string("retention_policy"), shardGroup: try row.int("shard_group"),
                startTime: try Self.date(row.string("start_time")), endTime: try Self.date(row.string("end_time")),
                expiryTime: try Self.date(row.string("expiry_time")),
                owners: owners.split(separator: ",").map(String.init))
        }
    }

    /// The queries the server is running now (this one included).
    @available(*, noasync, message: "blocks the calling thread; use the async form")
    public func runningQueries() throws -> [RunningQuery] {
        try execute(InfluxQL.showQueries).rows.map { row in
            RunningQuery(
                id: try row.int("qid"), query: try row.string("query"), database: try row.string("database"),
                duration: try row.string("duration"), status: try row.string("status"))
        }
    }

    /// Stops a running query; an unknown id is thrown as `.statement` (`no such query id: …`).
    @available(*, noasync, message: "blocks the calling thread; use the async form")
    public func killQuery(_ id: Int) throws {
        try execute(InfluxQL.killQuery(id))
    }

    /// The instant of an RFC3339 time of `SHOW SHARDS`, whose shard groups may start before
    /// 1677-09-21, where the range of points ends.
    private static func date(_ text: String) throws -> Date {
        guard let (seconds, fraction) = RFC3339.secondsAndFraction(text) else {
            throw InfluxError.malformedResponse(reason: "invalid time \(text) in the answer")
        }
        return Date(timeIntervalSince1970: TimeInterval(seconds) + TimeInterval(fraction) / 1e9)
    }
}
