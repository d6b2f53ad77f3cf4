extension InfluxClient {
    /// The continuous queries of every database, or only of `database` when given.
    @available(*, noasync, message: "blocks the calling thread; use the async form")
    public func continuousQueries(database: String? = nil) throws -> [ContinuousQuery] {
        try execute(InfluxQL.showContinuousQueries).rows.compactMap { row in
            let owner = try row.requiredSeriesName()
            if let database, owner != database { return nil }
            return ContinuousQuery(database: owner, name: try row.string("name"), query: try row.string("query"))
        }
    }

    /// Creates a continuous query running `select` (a `SELECT … INTO … GROUP BY time(…)`).
    ///
    /// - Parameters:
    ///   - resampleEvery: how often it runs, when not at every `GROUP BY time` interval.
    ///   - resampleFor: how far back each run looks.
    /// A `select` containing `;` is refused (see ``InfluxQL/createContinuousQuery(_:on:select:resampleEvery:resampleFor:)``).
    @available(*, noasync, message: "blocks the calling thread; use the async form")
    public func createContinuousQuery(
        _ name: String,
        select: String,
        database: String? = nil,
        resampleEvery: String? = nil,
        resampleFor: String? = nil
    ) throws {
        let statement = try InfluxQL.createContinuousQuery(
            name, on: targetDatabase(database), select: select, resampleEvery: resampleEvery, resampleFor: resampleFor)
        try execute(statement)
    }

    /// Drops a continuous query; dropping one that does not exist does nothing.
    @available(*, noasync, message: "blocks the calling thread; use the async form")
    public func dropContinuousQuery(_ name: String, database: String? = nil) throws {
        try execute(InfluxQL.dropContinuousQuery(name, on: targetDatabase(database)))
    }
}
