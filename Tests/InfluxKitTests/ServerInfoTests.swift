import Testing
@testable import InfluxKit

/// Telling servers apart from `/ping`, and what the client adapts to each (through the fake
/// transport; the documented answers of each server are cited in peer_servers.py).
@Suite struct ServerInfoTests {
    typealias Answer = FakeTransport.Answer

    static let pings: [(Answer, ServerInfo.Kind, String)] = [
        (Answer(status: 204, headers: ["x-influxdb-version": "1.6.7", "x-influxdb-build": "OSS"]), .influxDB1, "InfluxDB 1.6.7 (OSS)"),
        (Answer(status: 204, headers: ["x-influxdb-version": "1.8.10-c1.8.10", "x-influxdb-build": "ENT"]), .influxDB1, "InfluxDB 1.8.10-c1.8.10 (Enterprise)"),
        (Answer(status: 204, headers: ["x-influxdb-version": "v2.7.11", "x-influxdb-build": "OSS"]), .influxDB2, "InfluxDB 2.7.11 (OSS)"),
        (Answer(status: 200, headers: ["x-influxdb-version": "3.1.0", "x-influxdb-build": "Core", "content-type": "application/json"],
                body: #"{"version":"3.1.0","revision":"0d6f2a4"}"#), .influxDB3, "InfluxDB 3.1.0 (Core)"),
        (Answer(status: 200, headers: ["x-influxdb-build": "Enterprise"]), .influxDB3, "InfluxDB 3.x (Enterprise)"),
        (Answer(status: 200, headers: ["content-type": "application/json"], body: #"{"version":"3.0.2"}"#), .influxDB3, "InfluxDB 3.0.2"),
        (Answer(status: 204, headers: [:]), .other, "unknown server, 1.x write API"),
        (Answer(status: 200, headers: [:]), .other, "unknown server, 1.x write API"),
        (Answer(status: 204, headers: ["x-influxdb-version": "unknown", "x-influxdb-build": "OSS"]), .other,
         "unknown server (version unknown, build OSS), 1.x write API"),
        (Answer(status: 204, headers: ["x-influxdb-version": "7.3.1"]), .other, "unknown server (version 7.3.1), 1.x write API"),
    ]

    @Test(arguments: pings)
    func pingTellsWhatTheServerIs(answer: Answer, kind: ServerInfo.Kind, text: String) throws {
        let transport = FakeTransport([answer])
        let client = try InfluxClient.fake(transport)
        #expect(client.knownServer == nil)
        let info = try client.serverInfo()
        #expect(info.kind == kind)
        #expect(info.description == text)
        #expect(client.knownServer == info)
        #expect(transport.requests.map(\.method) == [.get], "a GET: 3 Cloud answers HEAD with 404")
    }

    @Test func anHTMLPageIsNotAServer() throws {
        let client = try InfluxClient.fake(FakeTransport([Answer(status: 200, headers: ["content-type": "text/html"], body: "<html>hi</html>")]))
        #expect(throws: InfluxError.notInfluxDB(status: 200, reason: "no X-Influxdb-Version header on /ping")) { try client.serverInfo() }
    }

    @Test func aPingRefusedForCredentialsIsAnAuthenticationFailure() throws {
        let client = try InfluxClient.fake(FakeTransport([Answer(status: 401, headers: [:])]))
        #expect(throws: InfluxError.authentication(message: "the server refused the credentials on /ping")) { try client.serverInfo() }
        var configuration = ClientConfiguration()
        configuration.retries = 0
        let anonymous = try InfluxClient(configuration: configuration, makeTransport: { _ in FakeTransport([Answer(status: 401, headers: [:])]) })
        #expect(throws: InfluxError.authentication(message: "the server asks for credentials on /ping")) { try anonymous.serverInfo() }
    }

    @Test func pingStillReturnsTheVersionAndEmptyForAServerWithoutOne() throws {
        #expect(try InfluxClient.fake(FakeTransport([Answer(status: 204, headers: ["x-influxdb-version": "v2.7.11"])])).ping() == "v2.7.11")
        #expect(try InfluxClient.fake(FakeTransport([Answer(status: 204, headers: [:])])).ping() == "")
    }

    // MARK: Errors of 2.x and 3.x

    static let errors: [(Answer, InfluxError)] = [
        (Answer(status: 422, headers: ["x-influxdb-version": "v2.7.11"],
                body: #"{"code":"unprocessable entity","message":"failure writing points to database: partial write: field type conflict: input field \"bad\" on measurement \"m\" is type string, already exists as type float dropped=2"}"#),
         .partialWrite(message: #"failure writing points to database: partial write: field type conflict: input field "bad" on measurement "m" is type string, already exists as type float dropped=2"#, dropped: 2)),
        (Answer(status: 404, headers: ["x-influxdb-version": "v2.7.11"], body: #"{"code":"not found","message":"database not found: \"nope\""}"#),
         .notFound(message: #"database not found: "nope" "# + InfluxError.dbrpHint)),
        (Answer(status: 401, headers: [:], body: #"{"code":"unauthorized","message":"unauthorized access"}"#), .authentication(message: "unauthorized access")),
        (Answer(status: 400, headers: ["x-influxdb-version": "3.1.0"],
                body: #"{"error":"partial write of line protocol occurred","data":[{"original_line":"m bad=\"x\" 1","line_number":2,"error_message":"invalid column type"},{"original_line":"m bad=\"y\" 3","line_number":4,"error_message":"invalid column type"}]}"#),
         .rejectedLines([RejectedLine(line: 2, reason: "invalid column type", text: #"m bad="x" 1"#), RejectedLine(line: 4, reason: "invalid column type", text: #"m bad="y" 3"#)])),
        (Answer(status: 400, headers: ["x-influxdb-version": "3.1.0"], body: #"{"error":"write buffer error: bad"}"#), .http(status: 400, message: "write buffer error: bad")),
    ]

    @Test(arguments: errors)
    func errorBodiesOfNewerServersMapAsThoseOf1x(answer: Answer, expected: InfluxError) throws {
        let client = try InfluxClient.fake(FakeTransport([answer]))
        #expect(throws: expected) { try client.write(lines: ["m v=1"]) }
    }

    @Test func aWriteAnswered204WithoutVersionHeaderIsStoredAnd200IsNot() throws {
        try InfluxClient.fake(FakeTransport([Answer(status: 204, headers: [:])])).write(lines: ["m v=1"])
        #expect(throws: InfluxError.notInfluxDB(status: 200, reason: "no X-Influxdb-Version header, body: (empty)")) {
            try InfluxClient.fake(FakeTransport([Answer(status: 200, headers: [:])])).write(lines: ["m v=1"])
        }
    }

    // MARK: Statements

    static let statements: [(ServerInfo.Kind, String, String?)] = [
        (.influxDB1, "CREATE DATABASE \"x\"", nil),
        (.other, "CREATE DATABASE \"x\"", nil),
        (.influxDB2, "CREATE DATABASE \"x\"", "CREATE DATABASE"),
        (.influxDB2, "create retention policy \"r\" on \"d\" duration 1d replication 1", "CREATE RETENTION POLICY"),
        (.influxDB2, "GRANT ALL TO \"u\"", "GRANT"),
        (.influxDB2, "SET PASSWORD FOR \"u\" = 'p'", "SET PASSWORD"),
        (.influxDB2, "DROP MEASUREMENT \"m\"", nil),
        (.influxDB2, "DROP DATABASE \"x\"", "DROP DATABASE"),
        (.influxDB2, "SELECT * INTO \"b\" FROM \"a\"", "SELECT INTO"),
        (.influxDB2, "SHOW DATABASES", nil),
        (.influxDB3, "SHOW RETENTION POLICIES ON \"x\"", nil),
        (.influxDB3, "SELECT * FROM \"m\"", nil),
        (.influxDB3, "DROP MEASUREMENT \"m\"", "DROP MEASUREMENT"),
        (.influxDB3, "REVOKE ALL FROM \"u\"", "REVOKE"),
        (.influxDB3, "-- why\n/* note */ create database x;", "CREATE DATABASE"),
        (.influxDB3, "  /* x */ -- y\n SELECT 1", nil),
    ]

    @Test(arguments: statements)
    func statementsAServerDoesNotRun(kind: ServerInfo.Kind, statement: String, keywords: String?) {
        #expect(kind.unsupportedKeywords(of: statement) == keywords)
    }

    @Test func aFailedStatementOnA2xServerSaysItIsNotSupportedThere() throws {
        let transport = FakeTransport([
            Answer(status: 200, headers: ["x-influxdb-version": "v2.7.11"], body: #"{"results":[{"statement_id":0,"error":"not implemented: CREATE DATABASE"}]}"#),
            Answer(status: 204, headers: ["x-influxdb-version": "v2.7.11", "x-influxdb-build": "OSS"]),
        ])
        let client = try InfluxClient.fake(transport)
        #expect(throws: InfluxError.unsupportedStatement(server: "InfluxDB 2.x (OSS)", statement: "CREATE DATABASE")) {
            try client.createDatabase("x")
        }
        #expect(transport.requests.map(\.path) == ["/query", "/ping"])
        #expect("\(InfluxError.unsupportedStatement(server: "InfluxDB 2.x (OSS)", statement: "CREATE DATABASE"))"
            == "influxdb 2.x (oss) does not run create database through influxql: manage that with its own api or cli")
    }

    @Test func aFailedStatementOn1xStaysTheServersError() throws {
        let transport = FakeTransport([
            Answer(status: 200, body: #"{"results":[{"statement_id":0,"error":"invalid name"}]}"#),
            Answer(status: 204, headers: ["x-influxdb-version": "1.6.7"]),
        ])
        #expect(throws: InfluxError.statement(index: 0, message: "invalid name")) { try InfluxClient.fake(transport).createDatabase("a/b") }
    }

    // MARK: Precision and authentication

    @Test func minutesAndHoursAreSentAsSecondsTo2x() throws {
        let transport = FakeTransport([Answer(status: 204, headers: ["x-influxdb-version": "v2.7.11"]), Answer(status: 204)])
        let client = try InfluxClient.fake(transport)
        try client.write(lines: ["m v=1 2", #"m,t=a\ b s="x y",v=2i 3"#, "m v=3"], precision: .minutes)
        #expect(transport.requests.map(\.path) == ["/ping", "/write"])
        let write = transport.requests[1]
        #expect(write.query.first { $0.name == "precision" }?.value == "s")
        #expect(String(decoding: write.body ?? [], as: UTF8.self) == "m v=1 120\n" + #"m,t=a\ b s="x y",v=2i 180"# + "\nm v=3\n")

        let hours = FakeTransport([Answer(status: 204, headers: ["x-influxdb-version": "1.6.7"]), Answer(status: 204)])
        try InfluxClient.fake(hours).write(lines: ["m v=1 2"], precision: .hours)
        #expect(hours.requests[1].query.first { $0.name == "precision" }?.value == "h", "1.x takes hours as they are")
        #expect(String(decoding: hours.requests[1].body ?? [], as: UTF8.self) == "m v=1 2\n")
    }

    @Test func theTokenIsSentInTheChosenScheme() {
        var configuration = ClientConfiguration(username: "alice", password: "pw")
        #expect(configuration.authorization == .basic(user: "alice", password: "pw"))
        configuration.token = "tok"
        #expect(configuration.authorization == .header("Token tok"))
        configuration.authScheme = .bearer
        #expect(configuration.authorization == .header("Bearer tok"))
        configuration.authScheme = .basic
        #expect(configuration.authorization == .basic(user: "alice", password: "tok"))
        configuration.username = nil
        #expect(configuration.authorization == .basic(user: "influxkit", password: "tok"))
        configuration.headers["authorization"] = "Custom x"
        #expect(configuration.authorization == .none)
    }
}

@Suite struct ServerInfoAsyncTests {
    @Test func serverInfoIsAlsoAsync() async throws {
        let client = try InfluxClient.fake(FakeTransport([.init(status: 204, headers: ["x-influxdb-version": "v2.7.11", "x-influxdb-build": "OSS"])]))
        let info = try await client.serverInfo()
        #expect(info.description == "InfluxDB 2.7.11 (OSS)")
    }
}

@Suite struct ServerQueryParameterTests {
    typealias Answer = FakeTransport.Answer
    static let empty = #"{"results":[{"statement_id":0}]}"#

    @Test func microsecondsAreSpelledAsEachServerDocuments() throws {
        let v3 = FakeTransport([Answer(status: 200, headers: ["x-influxdb-version": "3.1.0", "x-influxdb-build": "Core"]), Answer(status: 200, body: Self.empty)])
        _ = try InfluxClient.fake(v3).query("SELECT * FROM m", epoch: .microseconds)
        #expect(v3.requests.map(\.path) == ["/ping", "/query"])
        #expect(v3.requests[1].query.first { $0.name == "epoch" }?.value == "us")

        let v1 = FakeTransport([Answer(status: 204), Answer(status: 200, body: Self.empty)])
        _ = try InfluxClient.fake(v1).query("SELECT * FROM m", epoch: .microseconds)
        #expect(v1.requests[1].query.first { $0.name == "epoch" }?.value == "u")

        let ms = FakeTransport([Answer(status: 200, body: Self.empty)])
        _ = try InfluxClient.fake(ms).query("SELECT * FROM m", epoch: .milliseconds)
        #expect(ms.requests.map(\.path) == ["/query"], "no ping for units spelled alike")
    }

    @Test func aKnown3xServerGetsTheChunkSizeUnderBothNames() throws {
        let transport = FakeTransport([Answer(status: 200, headers: ["x-influxdb-version": "3.1.0"]), Answer(status: 200, body: Self.empty)])
        let client = try InfluxClient.fake(transport)
        _ = try client.serverInfo()
        _ = try client.query("SELECT * FROM m", chunked: true, chunkSize: 50)
        #expect(transport.requests[1].query.filter { $0.name.hasPrefix("chunk") }.map(\.name) == ["chunked", "chunk_size", "chunked_size"])
    }
}
