extension InfluxClient {
    /// The names of all databases (`SHOW DATABASES`).
    @available(*, noasync, message: "blocks the calling thread; use the async form")
    public func databases() throws -> [String] {
        try execute(InfluxQL.showDatabases).rows.map { try $0.string("name") }
    }

    /// Creates a database; creating one that exists does nothing.
    ///
    /// influxd refuses names holding `/`, `\` or characters that are not printable: its
    /// `invalid name` is thrown as `.statement`.
    @available(*, noasync, message: "blocks the calling thread; use the async form")
    public func createDatabase(_ name: String) throws {
        try execute(InfluxQL.createDatabase(name))
    }

    /// Drops a database and all its data; dropping one that does not exist does nothing.
    @available(*, noasync, message: "blocks the calling thread; use the async form")
    public func dropDatabase(_ name: String) throws {
        try execute(InfluxQL.dropDatabase(name))
    }

    /// The measurement names of a database (default: the configured one).
    @available(*, noasync, message: "blocks the calling thread; use the async form")
    public func measurements(database: String? = nil) throws -> [String] {
        try execute(InfluxQL.showMeasurements(on: targetDatabase(database))).rows.map { try $0.string("name") }
    }

    /// Drops a measurement with all its series and data.
    @available(*, noasync, message: "blocks the calling thread; use the async form")
    public func dropMeasurement(_ name: String, database: String? = nil) throws {
        try execute(InfluxQL.dropMeasurement(name), database: targetDatabase(database))
    }
}
