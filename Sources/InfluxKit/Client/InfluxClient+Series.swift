extension InfluxClient {
    /// The series keys of a database (`cpu,host=a,region=eu`, escaped as in line protocol),
    /// optionally only those of one measurement and with the given tag values.
    @available(*, noasync, message: "blocks the calling thread; use the async form")
    public func series(database: String? = nil, measurement: String? = nil, tags: [String: String] = [:]) throws -> [String] {
        let statement = InfluxQL.showSeries(on: try targetDatabase(database), from: measurement, tags: tags)
        return try execute(statement).rows.map { try $0.string("key") }
    }

    /// Deletes the series of a measurement and/or with the given tag values, and their data.
    ///
    /// Without a measurement and tags every series of the database would go: that is refused
    /// with `.invalidArgument` before anything is sent, unless `allowUnfiltered` is true.
    @available(*, noasync, message: "blocks the calling thread; use the async form")
    public func deleteSeries(
        database: String? = nil,
        measurement: String? = nil,
        tags: [String: String] = [:],
        allowUnfiltered: Bool = false
    ) throws {
        let statement = try InfluxQL.dropSeries(from: measurement, tags: tags, allowUnfiltered: allowUnfiltered)
        try execute(statement, database: targetDatabase(database))
    }
}
