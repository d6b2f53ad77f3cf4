import Foundation
import InfluxKit
import Testing

/// The `async` forms of the administration, schema and monitoring calls, of the writer and of
/// `SeriesHelper`, against the real server: every change is checked with the server's own
/// `SHOW` statements (sent as plain queries), and every list against those statements' rows.
@Suite(.integration, .timeLimit(.minutes(2)))
struct AsyncAdminTests {
    /// Column `column` of every row of every series of `statement`, as text.
    private static func shown(_ statement: String, column: Int = 0, on client: InfluxClient, database: String? = nil)
        async throws -> [String]
    {
        let results = try await client.query(statement, database: database)
        guard results.count == 1 else { throw TestFailure("expected one result, got \(results.count)") }
        if let error = results[0].error { throw TestFailure("\(statement) failed: \(error)") }
        return results[0].series.flatMap { series in
            series.values.map { row in row[column].stringValue ?? "\(row[column])" }
        }
    }

    @Test func databasesAndMeasurementsAreCreatedListedAndDropped() async throws {
        let server = try InfluxServer.shared()
        let client = try server.client()
        let name = server.makeDatabaseName() + " ünï \"quoted\""
        try await client.createDatabase(name)
        #expect(try await Self.shown("SHOW DATABASES", on: client).contains(name))
        #expect(try await client.databases().contains(name))

        try await client.write(lines: ["cpu v=1 1", "mem v=2 2"], database: name, precision: .seconds)
        #expect(try await client.measurements(database: name) == ["cpu", "mem"])
        try await client.dropMeasurement("cpu", database: name)
        #expect(try await Self.shown("SHOW MEASUREMENTS", on: client, database: name) == ["mem"])

        try await client.dropDatabase(name)
        #expect(try await !Self.shown("SHOW DATABASES", on: client).contains(name))
        #expect(try await !client.databases().contains(name))
    }

    @Test func usersAndGrantsChangeAsTheServerReports() async throws {
        let server = try InfluxServer.shared()
        let client = try server.client()
        let database = try server.createDatabase()
        let user = "async user ' \(database)"
        try await client.createUser(user, password: "pa ss'word")
        #expect(try await client.users().contains(User(name: user, isAdmin: false)))
        #expect(try await Self.shown("SHOW USERS", on: client).contains(user))

        try await client.grant(.read, on: database, to: user)
        #expect(try await client.grants(for: user) == [Grant(database: database, privilege: .read)])
        let shownGrants = try await Self.shown("SHOW GRANTS FOR \(InfluxQL.quoteIdentifier(user))", column: 1, on: client)
        #expect(shownGrants == ["READ"])
        try await client.revoke(.read, on: database, from: user)
        #expect(try await client.grants(for: user).isEmpty)

        try await client.grantAdminPrivileges(to: user)
        #expect(try await client.users().contains(User(name: user, isAdmin: true)))
        try await client.revokeAdminPrivileges(from: user)
        try await client.setPassword("new ' one", forUser: user)
        #expect(try await client.users().contains(User(name: user, isAdmin: false)))

        try await client.dropUser(user)
        #expect(try await !Self.shown("SHOW USERS", on: client).contains(user))
    }

    @Test func retentionPoliciesAreCreatedAlteredAndDropped() async throws {
        let server = try InfluxServer.shared()
        let client = try server.client()
        let database = try server.createDatabase()
        try await client.createRetentionPolicy("two days", duration: "2d", database: database, shardDuration: "1h")
        let created = try await client.retentionPolicies(database: database).first { $0.name == "two days" }
        #expect(created?.duration == "48h0m0s")
        #expect(created?.shardGroupDuration == "1h0m0s")
        #expect(created?.isDefault == false)

        try await client.alterRetentionPolicy("two days", database: database, duration: "3d", makeDefault: true)
        let show = "SHOW RETENTION POLICIES ON \(InfluxQL.quoteIdentifier(database))"
        let durations = try await Self.shown(show, column: 1, on: client)
        let names = try await Self.shown(show, on: client)
        #expect(Dictionary(uniqueKeysWithValues: zip(names, durations))["two days"] == "72h0m0s")
        #expect(try await client.retentionPolicies(database: database).first { $0.isDefault }?.name == "two days")

        try await client.dropRetentionPolicy("two days", database: database)
        #expect(try await !Self.shown(show, on: client).contains("two days"))
    }

    @Test func continuousQueriesAreCreatedListedAndDropped() async throws {
        let server = try InfluxServer.shared()
        let client = try server.client()
        let database = try server.createDatabase()
        try await client.createContinuousQuery(
            "hourly mean", select: "SELECT mean(v) INTO m_1h FROM m GROUP BY time(1h)", database: database)
        let listed = try await client.continuousQueries(database: database)
        #expect(listed.map(\.name) == ["hourly mean"])
        #expect(try await Self.shown("SHOW CONTINUOUS QUERIES", on: client).contains("hourly mean"))
        try await client.dropContinuousQuery("hourly mean", database: database)
        #expect(try await client.continuousQueries(database: database).isEmpty)
        #expect(try await !Self.shown("SHOW CONTINUOUS QUERIES", on: client).contains("hourly mean"))
    }

    @Test func seriesSchemaAndMonitoringMatchTheServersShowStatements() async throws {
        // A server of its own: on the shared one, a series deletion here met other tests'
        // DROP DATABASE in influxd 1.6.7 once ("engine is closed").
        let server = try InfluxServer.start()
        defer { server.stop() }
        let database = try server.createDatabase()
        let client = try server.client(database: database)
        try await client.write(
            lines: ["cpu,host=a,region=eu load=1,n=2i 1", "cpu,host=b load=2,n=3i 2", "mem,host=a free=5i 3"],
            precision: .seconds)

        #expect(try await client.series() == Self.shown("SHOW SERIES", on: client, database: database))
        #expect(try await client.series(measurement: "cpu", tags: ["host": "b"]) == ["cpu,host=b"])
        #expect(try await client.tagKeys(measurement: "cpu").map(\.name) == Self.shown("SHOW TAG KEYS FROM cpu", on: client, database: database))
        #expect(try await client.fieldKeys(measurement: "cpu").map(\.name) == ["load", "n"])
        #expect(try await client.fieldKeys(measurement: "cpu").map(\.type) == [.float, .integer])
        #expect(try await client.tagValues(key: "host", measurement: "cpu").map(\.value) == ["a", "b"])

        try await client.deleteSeries(measurement: "cpu", tags: ["host": "b"])
        #expect(try await Self.shown("SHOW SERIES", on: client, database: database) == ["cpu,host=a,region=eu", "mem,host=a"])

        #expect(try await client.shards().contains { $0.database == database })
        // influxd lists the `SHOW QUERIES` that asks among the running queries.
        #expect(try await client.runningQueries().contains { $0.query == "SHOW QUERIES" })
        let plan = try await client.exportPlan(for: ExportSelection(database: database))
        #expect(Set(plan.slices.map(\.measurement)) == ["cpu", "mem"])
        #expect(try await client.execute("SHOW MEASUREMENTS", database: database).series.first?.values.count == 2)
    }

    @Test func theWriterAndTheSeriesHelperWriteFromATask() async throws {
        let server = try InfluxServer.shared()
        let database = try server.createDatabase()
        let client = try server.client(database: database)
        var options = LineProtocolWriter.Options()
        options.precision = .seconds
        options.batchSize = 2
        let writer = LineProtocolWriter(client: client, options: options) { _ in }
        writer.beginSource("task")
        try await writer.append(Array("w v=1i 1\nw v=2i 2\nw v=3".utf8))
        try await writer.append(Array("i 3\nw v=\"bad\" 4\n".utf8))
        try await writer.endSource()
        let summary = try await writer.finish()
        #expect(summary.written == 3)
        #expect(summary.rejectedByFieldType + summary.rejectedByServer == 1)

        let helper = try SeriesHelper(.init(
            seriesName: "h", fields: ["v"], tags: ["host"], client: client, bulkSize: 2,
            commitsAutomatically: true, precision: .seconds))
        for second in 1...3 {
            try await helper.add(tags: ["host": "a"], fields: ["v": .integer(Int64(second))], time: .epoch(Int64(second), .seconds))
        }
        #expect(helper.pendingPoints.count == 1)
        #expect(try await helper.commit() == 1)
        let counted = try await client.query("SELECT count(v) FROM w; SELECT count(v) FROM h")
        #expect(counted.map { $0.series.first?.values.first?.last } == [.integer(3), .integer(3)])
    }
}
