import Testing
import InfluxKit

@Suite struct InfluxQLBuilderTests {
    static let hostile = #"x"; DROP DATABASE "victim"#
    static let quotedHostile = #""x\"; DROP DATABASE \"victim""#

    static let statements: [(String, String)] = [
        (InfluxQL.showDatabases, "SHOW DATABASES"),
        (InfluxQL.createDatabase("metrics"), #"CREATE DATABASE "metrics""#),
        (InfluxQL.createDatabase(hostile), "CREATE DATABASE \(quotedHostile)"),
        (try! InfluxQL.createDatabase("m", duration: nil, replication: nil, shardDuration: nil, retentionPolicyName: nil),
         #"CREATE DATABASE "m""#),
        (try! InfluxQL.createDatabase("m", duration: "7d", replication: 2, shardDuration: "1h", retentionPolicyName: #"w "k""#),
         #"CREATE DATABASE "m" WITH DURATION 7d REPLICATION 2 SHARD DURATION 1h NAME "w \"k\"""#),
        (try! InfluxQL.createDatabase("m", duration: nil, replication: nil, shardDuration: nil, retentionPolicyName: "r"),
         #"CREATE DATABASE "m" WITH NAME "r""#),
        (InfluxQL.dropDatabase(#"a\b 'c' ü"#), #"DROP DATABASE "a\\b 'c' ü""#),
        (InfluxQL.showMeasurements(on: "db\nx"), #"SHOW MEASUREMENTS ON "db\nx""#),
        (InfluxQL.dropMeasurement(#"cpu "load""#), #"DROP MEASUREMENT "cpu \"load\"""#),
        (InfluxQL.showSeries(on: "db"), #"SHOW SERIES ON "db""#),
        (InfluxQL.showSeries(on: "db", from: "cpu", tags: ["region": "eu'; DROP DATABASE 'db", #"host"x"#: #"a\b"#]),
         #"SHOW SERIES ON "db" FROM "cpu" WHERE "host\"x" = 'a\\b' AND "region" = 'eu\'; DROP DATABASE \'db'"#),
        (try! InfluxQL.dropSeries(from: "cpu"), #"DROP SERIES FROM "cpu""#),
        (try! InfluxQL.dropSeries(tags: ["host": "a"]), #"DROP SERIES WHERE "host" = 'a'"#),
        (try! InfluxQL.dropSeries(allowUnfiltered: true), "DROP SERIES FROM /.*/"),
        (InfluxQL.showRetentionPolicies(on: "db"), #"SHOW RETENTION POLICIES ON "db""#),
        (try! InfluxQL.createRetentionPolicy(#"r "1""#, on: "db", duration: "1h30m"),
         #"CREATE RETENTION POLICY "r \"1\"" ON "db" DURATION 1h30m REPLICATION 1"#),
        (try! InfluxQL.createRetentionPolicy("week", on: hostile, duration: "7d", replication: 3, shardDuration: "1d", makeDefault: true),
         "CREATE RETENTION POLICY \"week\" ON \(quotedHostile) DURATION 7d REPLICATION 3 SHARD DURATION 1d DEFAULT"),
        (try! InfluxQL.alterRetentionPolicy("r", on: "db", duration: "INF"), #"ALTER RETENTION POLICY "r" ON "db" DURATION INF"#),
        (try! InfluxQL.alterRetentionPolicy("r", on: "db", replication: 2, shardDuration: "2h", makeDefault: true),
         #"ALTER RETENTION POLICY "r" ON "db" REPLICATION 2 SHARD DURATION 2h DEFAULT"#),
        (try! InfluxQL.alterRetentionPolicy("r", on: "db", makeDefault: true), #"ALTER RETENTION POLICY "r" ON "db" DEFAULT"#),
        (InfluxQL.dropRetentionPolicy("r", on: "db"), #"DROP RETENTION POLICY "r" ON "db""#),
        (InfluxQL.showUsers, "SHOW USERS"),
        (InfluxQL.createUser("bob", password: "it's \\ 'pw'"), #"CREATE USER "bob" WITH PASSWORD 'it\'s \\ \'pw\''"#),
        (InfluxQL.createUser("root", password: "pw", admin: true), #"CREATE USER "root" WITH PASSWORD 'pw' WITH ALL PRIVILEGES"#),
        (InfluxQL.dropUser(hostile), "DROP USER \(quotedHostile)"),
        (InfluxQL.setPassword("p'w\n", for: "bob"), #"SET PASSWORD FOR "bob" = 'p\'w\n'"#),
        (InfluxQL.grantAdmin(to: "bob"), #"GRANT ALL PRIVILEGES TO "bob""#),
        (InfluxQL.revokeAdmin(from: "bob"), #"REVOKE ALL PRIVILEGES FROM "bob""#),
        (InfluxQL.grant(.read, on: hostile, to: "b\"ob"), "GRANT READ ON \(quotedHostile) TO \"b\\\"ob\""),
        (InfluxQL.grant(.write, on: "db", to: "bob"), #"GRANT WRITE ON "db" TO "bob""#),
        (InfluxQL.grant(.all, on: "db", to: "bob"), #"GRANT ALL ON "db" TO "bob""#),
        (InfluxQL.revoke(.all, on: "db", from: "bob"), #"REVOKE ALL ON "db" FROM "bob""#),
        (InfluxQL.showGrants(for: "bob"), #"SHOW GRANTS FOR "bob""#),
        (InfluxQL.showContinuousQueries, "SHOW CONTINUOUS QUERIES"),
        (try! InfluxQL.createContinuousQuery("cq", on: "db", select: "SELECT mean(v) INTO m1h FROM m GROUP BY time(1h)"),
         #"CREATE CONTINUOUS QUERY "cq" ON "db" BEGIN SELECT mean(v) INTO m1h FROM m GROUP BY time(1h) END"#),
        (try! InfluxQL.createContinuousQuery("cq", on: "db", select: "S", resampleEvery: "10m", resampleFor: "2h"),
         #"CREATE CONTINUOUS QUERY "cq" ON "db" RESAMPLE EVERY 10m FOR 2h BEGIN S END"#),
        (try! InfluxQL.createContinuousQuery("cq", on: "db", select: "S", resampleFor: "1w"),
         #"CREATE CONTINUOUS QUERY "cq" ON "db" RESAMPLE FOR 1w BEGIN S END"#),
        (InfluxQL.dropContinuousQuery(#"c"q"#, on: "db"), #"DROP CONTINUOUS QUERY "c\"q" ON "db""#),
        (InfluxQL.showTagKeys(on: "db"), #"SHOW TAG KEYS ON "db""#),
        (InfluxQL.showTagKeys(on: "db", from: "c'pu"), #"SHOW TAG KEYS ON "db" FROM "c'pu""#),
        (InfluxQL.showFieldKeys(on: "db", from: "cpu"), #"SHOW FIELD KEYS ON "db" FROM "cpu""#),
        (InfluxQL.showTagValues(on: "db", key: #"ho"st"#), #"SHOW TAG VALUES ON "db" WITH KEY = "ho\"st""#),
        (InfluxQL.showTagValues(on: "db", from: "cpu", key: "host"), #"SHOW TAG VALUES ON "db" FROM "cpu" WITH KEY = "host""#),
        (InfluxQL.showShards, "SHOW SHARDS"),
        (InfluxQL.showQueries, "SHOW QUERIES"),
        (try! InfluxQL.killQuery(42), "KILL QUERY 42"),
    ]

    @Test(arguments: statements)
    func buildsTheStatement(built: String, expected: String) {
        #expect(built == expected)
    }

    static let durations = [
        "1h", "90m", "7d", "4w", "INF", "inf", "1h30m", "1d12h", "1m1h", "0s", "1500ms", "100ns", "10u", "10µ",
    ]

    @Test(arguments: durations)
    func acceptsDurations(duration: String) {
        #expect(InfluxQL.isDuration(duration))
    }

    static let notDurations = [
        "", "h", "1", "1.5h", "1H", "1W", "1n", "1y", "1h ", " 1h", "1h 30m", "-1h", "+1h", "1h;", "10\u{3BC}", "infinite", "1hinf",
    ]

    @Test(arguments: notDurations)
    func refusesWhatIsNotADuration(text: String) throws {
        #expect(!InfluxQL.isDuration(text))
        #expect(throws: InfluxError.self) {
            _ = try InfluxQL.createRetentionPolicy("r", on: "db", duration: text)
        }
        #expect(throws: InfluxError.self) {
            _ = try InfluxQL.createRetentionPolicy("r", on: "db", duration: "1h", shardDuration: text)
        }
        #expect(throws: InfluxError.self) {
            _ = try InfluxQL.alterRetentionPolicy("r", on: "db", duration: text)
        }
        #expect(throws: InfluxError.self) {
            _ = try InfluxQL.createContinuousQuery("c", on: "db", select: "S", resampleEvery: text)
        }
        #expect(throws: InfluxError.self) {
            _ = try InfluxQL.createContinuousQuery("c", on: "db", select: "S", resampleFor: text)
        }
    }

    @Test func infiniteIsADurationOfRetentionPoliciesOnly() throws {
        #expect(!InfluxQL.isDuration("INF", allowingInfinite: false))
        #expect(InfluxQL.isDuration("1h", allowingInfinite: false))
        #expect(try InfluxQL.createRetentionPolicy("r", on: "db", duration: "inf") == #"CREATE RETENTION POLICY "r" ON "db" DURATION inf REPLICATION 1"#)
        #expect(throws: InfluxError.self) { _ = try InfluxQL.createRetentionPolicy("r", on: "db", duration: "1d", shardDuration: "INF") }
        #expect(throws: InfluxError.self) { _ = try InfluxQL.alterRetentionPolicy("r", on: "db", shardDuration: "INF") }
        #expect(throws: InfluxError.self) { _ = try InfluxQL.createContinuousQuery("c", on: "db", select: "S", resampleEvery: "INF") }
        #expect(throws: InfluxError.self) { _ = try InfluxQL.createContinuousQuery("c", on: "db", select: "S", resampleFor: "INF") }
    }

    @Test func refusesUnsafeOrEmptyRequests() {
        #expect(throws: InfluxError.self) { _ = try InfluxQL.dropSeries() }
        #expect(throws: InfluxError.self) { _ = try InfluxQL.dropSeries(from: nil, tags: [:], allowUnfiltered: false) }
        #expect(throws: InfluxError.self) { _ = try InfluxQL.alterRetentionPolicy("r", on: "db") }
        #expect(throws: InfluxError.self) { _ = try InfluxQL.createRetentionPolicy("r", on: "db", duration: "1h", replication: 0) }
        #expect(throws: InfluxError.self) { _ = try InfluxQL.alterRetentionPolicy("r", on: "db", replication: -1) }
        #expect(throws: InfluxError.self) {
            _ = try InfluxQL.createContinuousQuery("c", on: "db", select: "SELECT * INTO x FROM y GROUP BY time(1h) END; DROP DATABASE db")
        }
        #expect(throws: InfluxError.self) {
            _ = try InfluxQL.createContinuousQuery("c", on: "db", select: "SELECT * INTO x FROM y WHERE s = ';' GROUP BY time(1h)")
        }
        #expect(throws: InfluxError.self) { _ = try InfluxQL.killQuery(-1) }
        #expect(throws: InfluxError.self) {
            _ = try InfluxQL.createDatabase("m", duration: "7 days", replication: nil, shardDuration: nil, retentionPolicyName: nil)
        }
        #expect(throws: InfluxError.self) {
            _ = try InfluxQL.createDatabase("m", duration: nil, replication: 0, shardDuration: nil, retentionPolicyName: nil)
        }
    }

    static let privilegeNames: [(String, Privilege?)] = [
        ("read", .read), ("READ", .read), ("Write", .write), ("all", .all), ("ALL PRIVILEGES", .all),
        ("NO PRIVILEGES", nil), ("admin", nil), ("", nil), ("read;", nil),
    ]

    @Test(arguments: privilegeNames)
    func privilegesAreReadFromTheirNames(name: String, privilege: Privilege?) {
        #expect(Privilege(name: name) == privilege)
    }
}
