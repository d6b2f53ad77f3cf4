import Foundation
import InfluxKit
import Testing

/// The admin API against the real server: create → list shows it → alter/grant → list shows
/// the change → drop → list no longer shows it, with names that need quoting.
@Suite(.integration)
struct AdminTests {
    /// Names the server accepts for databases and retention policies, each unique to the caller.
    static func awkwardNames(_ unique: String) -> [String] {
        [
            #"dq " sq ' \#(unique)"#,
            "sp ace ünï ☃ 😀 \(unique)",
            "combining \"\u{301} \(unique)",
            "semi; colon -- \(unique)",
        ]
    }

    @Test func databasesAreCreatedListedAndDroppedUnderExactlyTheirName() throws {
        let server = try InfluxServer.shared()
        let client = try server.client()
        let victim = try server.createDatabase()
        let unique = server.makeDatabaseName()
        let names = Self.awkwardNames(unique) + [#"\#(unique)"; DROP DATABASE "\#(victim)"#]
        // Other tests create databases meanwhile: look only at names holding `unique`.
        func listed() throws -> [String] { try client.databases().filter { $0.contains(unique) } }
        for name in names {
            try client.createDatabase(name)
            #expect(try listed() == [name])
            #expect(try client.databases().contains(victim))

            try client.dropDatabase(name)
            #expect(try listed() == [])
            #expect(try client.databases().contains(victim))
        }
    }

    @Test(arguments: [#"back\slash"#, "sl/ash", "new\nline", ""])
    func namesInfluxdRefusesAreStatementErrors(name: String) throws {
        let server = try InfluxServer.shared()
        let client = try server.client()
        #expect(throws: InfluxError.statement(index: 0, message: "invalid name")) {
            try client.createDatabase(name)
        }
        let database = try server.createDatabase()
        #expect(throws: InfluxError.statement(index: 0, message: "invalid name")) {
            try client.createRetentionPolicy(name, duration: "1h", database: database)
        }
    }

    @Test func measurementsSeriesAndSchemaCanBeListedAndDropped() throws {
        let server = try InfluxServer.shared()
        let database = try server.createDatabase()
        let client = try server.client()
        let odd = #"we"ird 'm\x ü"#
        let oddHost = #"a'b"c\d ü"#
        try client.writePoints(
            [
                Point(measurement: odd, tags: ["host": oddHost], fields: ["v": .float(1)], time: .epoch(1, .seconds)),
                Point(measurement: odd, tags: ["host": "plain"], fields: ["v": .float(2)], time: .epoch(1, .seconds)),
                Point(measurement: "cpu", tags: ["host": "a", "region": "eu"], fields: ["n": .integer(1), "s": .string("x")],
                      time: .epoch(1, .seconds)),
            ],
            precision: .seconds, database: database)

        #expect(try client.measurements(database: database) == ["cpu", odd])
        #expect(try client.series(database: database).count == 3)
        #expect(try client.series(database: database, measurement: "cpu") == ["cpu,host=a,region=eu"])
        #expect(try client.series(database: database, measurement: odd, tags: ["host": oddHost]).count == 1)
        #expect(try client.tagKeys(database: database, measurement: "cpu").map(\.name) == ["host", "region"])
        #expect(try client.fieldKeys(database: database, measurement: "cpu") == [
            FieldKey(measurement: "cpu", name: "n", type: .integer), FieldKey(measurement: "cpu", name: "s", type: .string),
        ])
        #expect(try client.tagValues(key: "host", database: database, measurement: odd).map(\.value).sorted() == [oddHost, "plain"])

        try client.deleteSeries(database: database, measurement: odd, tags: ["host": oddHost])
        #expect(try client.series(database: database, measurement: odd).count == 1)
        #expect(try client.tagValues(key: "host", database: database, measurement: odd).map(\.value) == ["plain"])

        try client.dropMeasurement(odd, database: database)
        #expect(try client.measurements(database: database) == ["cpu"])

        #expect(throws: InfluxError.self) { try client.deleteSeries(database: database) }
        #expect(try client.series(database: database).count == 1)
        try client.deleteSeries(database: database, allowUnfiltered: true)
        #expect(try client.series(database: database) == [])
    }

    @Test func retentionPoliciesAreCreatedAlteredAndDropped() throws {
        let server = try InfluxServer.shared()
        let client = try server.client()
        for (database, name) in zip(Self.awkwardNames(server.makeDatabaseName()), Self.awkwardNames(server.makeDatabaseName())) {
            try client.createDatabase(database)
            try client.createRetentionPolicy(name, duration: "1h30m", database: database, shardDuration: "1h")
            #expect(try client.retentionPolicies(database: database) == [
                RetentionPolicy(name: "autogen", duration: "0s", shardGroupDuration: "168h0m0s", replication: 1, isDefault: true),
                RetentionPolicy(name: name, duration: "1h30m0s", shardGroupDuration: "1h0m0s", replication: 1, isDefault: false),
            ])

            try client.alterRetentionPolicy(
                name, database: database, duration: "2d", replication: 2, shardDuration: "1d", makeDefault: true)
            let altered = try client.retentionPolicies(database: database)
            #expect(altered.first { $0.name == name } == RetentionPolicy(
                name: name, duration: "48h0m0s", shardGroupDuration: "24h0m0s", replication: 2, isDefault: true))
            #expect(altered.first { $0.name == "autogen" }?.isDefault == false)

            try client.alterRetentionPolicy("autogen", database: database, makeDefault: true)
            try client.dropRetentionPolicy(name, database: database)
            #expect(try client.retentionPolicies(database: database).map(\.name) == ["autogen"])
            try client.dropDatabase(database)
        }
    }

    @Test func retentionPolicyDurationsAreCheckedHereAndByTheServer() throws {
        let server = try InfluxServer.shared()
        let database = try server.createDatabase()
        let client = try server.client(database: database)
        #expect(throws: InfluxError.self) { try client.createRetentionPolicy("r", duration: "1 hour") }
        #expect(throws: InfluxError.statement(index: 0, message: "retention policy duration must be at least 1h0m0s")) {
            try client.createRetentionPolicy("r", duration: "30m")
        }
        try client.createRetentionPolicy("forever", duration: "INF", replication: 1, shardDuration: "4w")
        #expect(try client.retentionPolicies().first { $0.name == "forever" }?.duration == "0s")
        #expect(throws: InfluxError.statement(index: 0, message: "database not found: \(database)x")) {
            try client.createRetentionPolicy("r", duration: "1h", database: database + "x")
        }
    }

    @Test func usersPasswordsAndPrivilegesTakeEffect() throws {
        let server = try InfluxServer.authenticated()
        let admin = try server.client()
        let unique = server.makeDatabaseName()
        let victim = "victim_\(unique)"
        try admin.createUser(victim, password: "pw")
        let name = #"u"; DROP USER "\#(victim)"; 'q' \ ü \#(unique)"#
        let password = #"p'w"; \ ü"#
        try admin.createUser(name, password: password)
        #expect(try admin.users().filter { [name, victim].contains($0.name) }.sorted { $0.name < $1.name } == [
            User(name: name, isAdmin: false), User(name: victim, isAdmin: false),
        ])

        // The password arrives intact: the user can log in with it.
        let database = #"db "1" 'x' \#(unique)"#
        try admin.createDatabase(database)
        let user = try InfluxClient(host: "127.0.0.1", port: server.port, username: name, password: password, database: database)
        #expect(throws: InfluxError.self) { _ = try user.measurements() }

        try admin.grant(.read, on: database, to: name)
        #expect(try admin.grants(for: name) == [Grant(database: database, privilege: .read)])
        #expect(try user.measurements() == [])
        #expect {
            try user.write(lines: ["m v=1"])
        } throws: { error in
            if (error as? InfluxError)?.code == .authorization { return true }
            return false
        }

        try admin.grant(.all, on: database, to: name)
        #expect(try admin.grants(for: name) == [Grant(database: database, privilege: .all)])
        try user.write(lines: ["m v=1"])
        try admin.revoke(.write, on: database, from: name)
        #expect(try admin.grants(for: name) == [Grant(database: database, privilege: .read)])
        try admin.revoke(.read, on: database, from: name)
        #expect(try admin.grants(for: name) == [])

        try admin.grantAdminPrivileges(to: name)
        #expect(try admin.users().first { $0.name == name }?.isAdmin == true)
        #expect(try user.databases().contains(database))
        try admin.revokeAdminPrivileges(from: name)
        #expect(try admin.users().first { $0.name == name }?.isAdmin == false)

        let newPassword = "new'\\\"pw\n"
        try admin.setPassword(newPassword, forUser: name)
        #expect {
            _ = try user.databases()
        } throws: { error in
            if (error as? InfluxError)?.code == .authentication { return true }
            return false
        }
        try user.switchUser(name, password: newPassword)
        _ = try user.databases()

        try admin.dropUser(name)
        let remaining = try admin.users().map(\.name)
        #expect(!remaining.contains(name))
        #expect(remaining.contains(victim))
        try admin.dropUser(victim)
        try admin.dropDatabase(database)
    }

    @Test func userErrorsAreStatementErrors() throws {
        let server = try InfluxServer.shared()
        let client = try server.client()
        let name = "nobody_\(server.makeDatabaseName())"
        #expect(throws: InfluxError.statement(index: 0, message: "user not found")) { _ = try client.grants(for: name) }
        #expect(throws: InfluxError.statement(index: 0, message: "user not found")) { try client.setPassword("x", forUser: name) }
        #expect(throws: InfluxError.statement(index: 0, message: "username required")) { try client.createUser("", password: "x") }
    }

    @Test func continuousQueriesAreCreatedListedAndDropped() throws {
        let server = try InfluxServer.shared()
        let client = try server.client()
        let unique = server.makeDatabaseName()
        let database = #"x"; DROP DATABASE "\#(unique)"#
        try client.createDatabase(database)
        try client.createDatabase(unique)
        let name = #"cq "1" 'x' \ ü; DROP CONTINUOUS QUERY "other""#
        let select = #"SELECT mean("v") INTO "m_1h" FROM "m" GROUP BY time(1h)"#
        try client.createContinuousQuery("other", select: select, database: database)
        try client.createContinuousQuery(name, select: select, database: database, resampleEvery: "10m", resampleFor: "2h")

        let listed = try client.continuousQueries(database: database)
        #expect(listed.map(\.name).sorted() == [name, "other"].sorted())
        let query = try #require(listed.first { $0.name == name })
        #expect(query.database == database)
        #expect(query.query.contains("RESAMPLE EVERY 10m FOR 2h BEGIN SELECT mean(v) INTO"))
        #expect(try client.continuousQueries().contains(query))

        #expect(throws: InfluxError.statement(index: 0, message: "continuous query already exists")) {
            try client.createContinuousQuery(name, select: select, database: database)
        }
        #expect(throws: InfluxError.self) {
            try client.createContinuousQuery("c2", select: select + " END; DROP DATABASE \"\(unique)\"", database: database)
        }

        try client.dropContinuousQuery(name, database: database)
        #expect(try client.continuousQueries(database: database).map(\.name) == ["other"])
        #expect(try client.databases().contains(unique))
        try client.dropDatabase(database)
        try client.dropDatabase(unique)
    }

    @Test func shardsAndRunningQueriesAreListed() throws {
        let server = try InfluxServer.shared()
        let database = try server.createDatabase()
        let client = try server.client(database: database)
        try client.write(lines: ["m v=1 86400"], precision: .seconds)
        let shards = try client.shards().filter { $0.database == database }
        try #require(shards.count == 1)
        #expect(shards[0].retentionPolicy == "autogen")
        #expect(shards[0].startTime <= Date(timeIntervalSince1970: 86400))
        #expect(shards[0].endTime > Date(timeIntervalSince1970: 86400))

        let running = try client.runningQueries()
        #expect(running.contains { $0.query == "SHOW QUERIES" && $0.status == "running" })
        #expect(throws: InfluxError.statement(index: 0, message: "no such query id: 987654321")) {
            try client.killQuery(987_654_321)
        }
    }
}
