import Foundation
import Testing
@testable import InfluxKit

/// The admin API over a fake transport, with answers recorded from influxd 1.6.7.
@Suite struct AdminRequestTests {
    static func client(answering body: String, database: String? = "db") throws -> (InfluxClient, FakeTransport) {
        let transport = FakeTransport([.init(status: 200, body: body)])
        return (try InfluxClient.fake(transport, database: database), transport)
    }

    static func statement(of request: HTTPRequest) -> String? {
        let form = String(decoding: request.body ?? [], as: UTF8.self)
        guard form.hasPrefix("q=") else { return nil }
        return form.dropFirst(2).prefix { $0 != "&" }.removingPercentEncoding
    }

    @Test func databasesAreListedByName() throws {
        let (client, transport) = try Self.client(answering: #"""
            {"results":[{"statement_id":0,"series":[{"name":"databases","columns":["name"],"values":[["x\"; DROP DATABASE \"victim"],["sp ace 'q' ünï"]]}]}]}
            """#)
        #expect(try client.databases() == [#"x"; DROP DATABASE "victim"#, "sp ace 'q' ünï"])
        #expect(Self.statement(of: transport.requests[0]) == "SHOW DATABASES")
        #expect(transport.requests[0].method == .post)
    }

    @Test func aStatementErrorIsThrownWithTheServersReason() throws {
        let (client, _) = try Self.client(answering: #"{"results":[{"statement_id":0,"error":"invalid name"}]}"#)
        #expect(throws: InfluxError.statement(index: 0, message: "invalid name")) {
            try client.createDatabase(#"a\b"#)
        }
    }

    @Test func nothingIsSentWithoutADatabaseOrForAnUnfilteredDelete() throws {
        let (client, transport) = try Self.client(answering: "{}", database: nil)
        #expect(throws: InfluxError.invalidArgument("no database given and no default database configured")) {
            _ = try client.measurements()
        }
        #expect(throws: InfluxError.self) { try client.deleteSeries(database: "db") }
        #expect(throws: InfluxError.self) { try client.createRetentionPolicy("r", duration: "1 hour", database: "db") }
        #expect(transport.requests.isEmpty)
    }

    @Test func statementsWithoutOnCarryTheDatabaseAsParameter() throws {
        let (client, transport) = try Self.client(answering: #"{"results":[{"statement_id":0}]}"#)
        try client.deleteSeries(database: "other", measurement: "cpu", tags: ["host": "a"])
        #expect(Self.statement(of: transport.requests[0]) == #"DROP SERIES FROM "cpu" WHERE "host" = 'a'"#)
        #expect(transport.requests[0].query.first { $0.name == "db" }?.value == "other")
    }

    @Test func retentionPoliciesAreTyped() throws {
        let (client, transport) = try Self.client(answering: #"""
            {"results":[{"statement_id":0,"series":[{"columns":["name","duration","shardGroupDuration","replicaN","default"],"values":[["autogen","0s","168h0m0s",1,false],["r \"x\" ü","1h30m0s","1h0m0s",2,true]]}]}]}
            """#)
        #expect(try client.retentionPolicies() == [
            RetentionPolicy(name: "autogen", duration: "0s", shardGroupDuration: "168h0m0s", replication: 1, isDefault: false),
            RetentionPolicy(name: #"r "x" ü"#, duration: "1h30m0s", shardGroupDuration: "1h0m0s", replication: 2, isDefault: true),
        ])
        #expect(Self.statement(of: transport.requests[0]) == #"SHOW RETENTION POLICIES ON "db""#)
    }

    @Test func usersAndGrantsAreTypedAndRevokedDatabasesLeftOut() throws {
        let (users, _) = try Self.client(answering: #"""
            {"results":[{"statement_id":0,"series":[{"columns":["user","admin"],"values":[["u'1",false],["root",true]]}]}]}
            """#)
        #expect(try users.users() == [User(name: "u'1", isAdmin: false), User(name: "root", isAdmin: true)])

        let (grants, _) = try Self.client(answering: #"""
            {"results":[{"statement_id":0,"series":[{"columns":["database","privilege"],"values":[["db1","NO PRIVILEGES"],["x\"y","WRITE"],["db2","ALL PRIVILEGES"],["db3","READ"]]}]}]}
            """#)
        #expect(try grants.grants(for: "bob") == [
            Grant(database: #"x"y"#, privilege: .write), Grant(database: "db2", privilege: .all), Grant(database: "db3", privilege: .read),
        ])

        let (empty, _) = try Self.client(answering: #"{"results":[{"statement_id":0,"series":[{"columns":["user","admin"]}]}]}"#)
        #expect(try empty.users() == [])
    }

    @Test func continuousQueriesCarryTheirDatabase() throws {
        let answer = #"""
            {"results":[{"statement_id":0,"series":[{"name":"empty","columns":["name","query"]},{"name":"db2","columns":["name","query"],"values":[["cq \"1\"","CREATE CONTINUOUS QUERY \"cq \\\"1\\\"\" ON db2 BEGIN SELECT mean(v) INTO db2.autogen.x FROM db2.autogen.cpu GROUP BY time(1h) END"]]},{"name":"db3","columns":["name","query"],"values":[["c","Q"]]}]}]}
            """#
        let (client, _) = try Self.client(answering: answer)
        let all = try client.continuousQueries()
        #expect(all.map(\.database) == ["db2", "db3"])
        #expect(all.first?.name == #"cq "1""#)
        #expect(all.first?.query.hasPrefix(#"CREATE CONTINUOUS QUERY "cq \"1\"" ON db2 BEGIN"#) == true)
        let (filtered, _) = try Self.client(answering: answer)
        #expect(try filtered.continuousQueries(database: "db3") == [ContinuousQuery(database: "db3", name: "c", query: "Q")])
    }

    @Test func schemaIsTyped() throws {
        let (fields, _) = try Self.client(answering: #"""
            {"results":[{"statement_id":0,"series":[{"name":"cpu","columns":["fieldKey","fieldType"],"values":[["b","boolean"],["i","integer"],["s","string"],["v","float"]]},{"name":"weird \"m'x","columns":["fieldKey","fieldType"],"values":[["f","float"]]}]}]}
            """#)
        #expect(try fields.fieldKeys() == [
            FieldKey(measurement: "cpu", name: "b", type: .boolean), FieldKey(measurement: "cpu", name: "i", type: .integer),
            FieldKey(measurement: "cpu", name: "s", type: .string), FieldKey(measurement: "cpu", name: "v", type: .float),
            FieldKey(measurement: #"weird "m'x"#, name: "f", type: .float),
        ])

        let (tags, _) = try Self.client(answering: #"""
            {"results":[{"statement_id":0,"series":[{"name":"cpu","columns":["tagKey"],"values":[["host"],["region"]]},{"name":"mem","columns":["tagKey"],"values":[["host"]]}]}]}
            """#)
        #expect(try tags.tagKeys() == [
            TagKey(measurement: "cpu", name: "host"), TagKey(measurement: "cpu", name: "region"), TagKey(measurement: "mem", name: "host"),
        ])

        let (values, transport) = try Self.client(answering: #"""
            {"results":[{"statement_id":0,"series":[{"name":"cpu","columns":["key","value"],"values":[["host","a"],["host","b"]]}]}]}
            """#)
        #expect(try values.tagValues(key: "host", measurement: "cpu") == [
            TagValue(measurement: "cpu", key: "host", value: "a"), TagValue(measurement: "cpu", key: "host", value: "b"),
        ])
        #expect(Self.statement(of: transport.requests[0]) == #"SHOW TAG VALUES ON "db" FROM "cpu" WITH KEY = "host""#)
    }

    @Test func shardsAndRunningQueriesAreTyped() throws {
        let (shards, _) = try Self.client(answering: #"""
            {"results":[{"statement_id":0,"series":[{"name":"empty","columns":["id","database","retention_policy","shard_group","start_time","end_time","expiry_time","owners"]},{"name":"db2","columns":["id","database","retention_policy","shard_group","start_time","end_time","expiry_time","owners"],"values":[[1,"db2","autogen",3,"1969-12-29T00:00:00Z","1970-01-05T00:00:00Z","1970-01-05T00:00:00Z",""]]}]}]}
            """#)
        #expect(try shards.shards() == [
            Shard(
                id: 1, database: "db2", retentionPolicy: "autogen", shardGroup: 3,
                startTime: Date(timeIntervalSince1970: -3 * 86400), endTime: Date(timeIntervalSince1970: 4 * 86400),
                expiryTime: Date(timeIntervalSince1970: 4 * 86400), owners: []),
        ])

        // A shard group may start before the first instant a point can have.
        let (extreme, _) = try Self.client(answering: #"""
            {"results":[{"statement_id":0,"series":[{"name":"ext","columns":["id","database","retention_policy","shard_group","start_time","end_time","expiry_time","owners"],"values":[[2,"ext","autogen",2,"1677-09-20T00:00:00Z","1677-09-27T00:00:00Z","1677-09-27T00:00:00Z","4,5"],[3,"ext","autogen",3,"2262-04-07T00:00:00Z","2262-04-11T23:47:16Z","2262-04-11T23:47:16Z",""]]}]}]}
            """#)
        let extremes = try extreme.shards()
        #expect(extremes.map(\.startTime) == [Date(timeIntervalSince1970: -9_223_459_200), Date(timeIntervalSince1970: 9_222_940_800)])
        #expect(extremes.map(\.endTime.timeIntervalSince1970) == [-9_222_854_400, 9_223_372_036])
        #expect(extremes.map(\.owners) == [["4", "5"], []])

        let (queries, _) = try Self.client(answering: #"""
            {"results":[{"statement_id":0,"series":[{"columns":["qid","query","database","duration","status"],"values":[[134,"SHOW QUERIES","","25µs","running"]]}]}]}
            """#)
        #expect(try queries.runningQueries() == [
            RunningQuery(id: 134, query: "SHOW QUERIES", database: "", duration: "25µs", status: "running"),
        ])
    }

    @Test func anAnswerOfAnotherShapeIsMalformed() throws {
        let (client, _) = try Self.client(answering: #"{"results":[{"statement_id":0,"series":[{"columns":["user"],"values":[["bob"]]}]}]}"#)
        #expect(throws: InfluxError.malformedResponse(reason: "no column admin in the answer")) {
            _ = try client.users()
        }
    }
}
