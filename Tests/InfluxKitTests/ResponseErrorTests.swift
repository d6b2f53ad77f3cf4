import Testing
@testable import InfluxKit

@Suite struct ResponseErrorTests {
    typealias Answer = FakeTransport.Answer

    static let cases: [(Answer, InfluxError)] = [
        (Answer(status: 401, body: #"{"error":"authorization failed"}"#), .authentication(message: "authorization failed")),
        (Answer(status: 403, body: #"{"error":"user is not authorized"}"#), .authorization(message: "user is not authorized")),
        (Answer(status: 404, body: #"{"error":"database not found: \"nope\""}"#), .notFound(message: #"database not found: "nope""#)),
        (Answer(status: 400, body: #"{"error":"partial write: field type conflict: input field \"v\" on measurement \"m\" is type float, already exists as type integer dropped=2"}"#),
         .partialWrite(message: #"partial write: field type conflict: input field "v" on measurement "m" is type float, already exists as type integer dropped=2"#, dropped: 2)),
        (Answer(status: 400, body: #"{"error":"unable to parse 'm v=': missing field value"}"#), .http(status: 400, message: "unable to parse 'm v=': missing field value")),
        (Answer(status: 500, body: #"{"error":"timeout"}"#), .http(status: 500, message: "timeout")),
        (Answer(status: 502, headers: [:], body: "<html><body>Bad Gateway</body></html>"),
         .notInfluxDB(status: 502, reason: "no X-Influxdb-Version header, body: <html><body>Bad Gateway</body></html>")),
    ]

    @Test(arguments: cases)
    func writeErrorsMapByStatus(answer: Answer, expected: InfluxError) throws {
        let client = try InfluxClient.fake(FakeTransport([answer]))
        #expect(throws: expected) { try client.write(lines: ["m v=1"]) }
    }

    @Test func statementErrorsStayInTheirResults() throws {
        let body = #"{"results":[{"statement_id":0,"series":[{"name":"databases","columns":["name"],"values":[["_internal"]]}]},{"statement_id":1,"error":"database not found: nope"}]}"#
        let client = try InfluxClient.fake(FakeTransport([Answer(status: 200, body: body)]))
        let results = try client.query("SHOW DATABASES; SELECT * FROM nope..m")
        #expect(results.count == 2)
        #expect(results[0].error == nil)
        #expect(results[0].series.first?.values == [[.string("_internal")]])
        #expect(results[1].error == "database not found: nope")
    }

    @Test func htmlWithStatus200IsNotInfluxDB() throws {
        let client = try InfluxClient.fake(FakeTransport([Answer(status: 200, headers: ["content-type": "text/html"], body: "<html>hi</html>")]))
        #expect {
            _ = try client.query("SHOW DATABASES")
        } throws: { error in
            if let error = error as? InfluxError, error.code == .notInfluxDB, error.status == 200 { return true }
            return false
        }
    }

    @Test func pingReturnsTheVersionHeader() throws {
        let client = try InfluxClient.fake(FakeTransport([Answer(status: 204, headers: ["x-influxdb-version": "1.6.7"])]))
        #expect(try client.ping() == "1.6.7")
    }

    @Test func pingOfSomethingElseIsNotInfluxDB() throws {
        let client = try InfluxClient.fake(FakeTransport([Answer(status: 200, headers: [:], body: "ok")]))
        #expect(throws: InfluxError.notInfluxDB(status: 200, reason: "no X-Influxdb-Version header on /ping")) {
            try client.ping()
        }
    }

    @Test func messagesNeverContainThePassword() throws {
        for (answer, _) in Self.cases {
            let client = try InfluxClient.fake(FakeTransport([answer]))
            do { try client.write(lines: ["m v=1"]) } catch { #expect(!"\(error)".contains("s3cret")) }
        }
    }
}

/// Retries through the fake transport: which answers are tried again, and how often.
@Suite struct ClientRetryTests {
    typealias Answer = FakeTransport.Answer

    @Test func transientAnswersAreTriedAgainUntilOneSucceeds() throws {
        let transport = FakeTransport([Answer(status: 503), Answer(status: 429), Answer(status: 204)])
        try InfluxClient.fake(transport, retries: 3).write(lines: ["m v=1 1"])
        #expect(transport.requests.count == 3)
    }

    @Test func theLastTransientAnswerIsThrownWhenNoRetryIsLeft() throws {
        let transport = FakeTransport(Array(repeating: Answer(status: 500, body: #"{"error":"boom"}"#), count: 3))
        #expect(throws: InfluxError.http(status: 500, message: "boom")) {
            try InfluxClient.fake(transport, retries: 2).write(lines: ["m v=1 1"])
        }
        #expect(transport.requests.count == 3)
    }

    @Test func aQueryAnsweredWithTheWrongStatusIsNotRetriedUnlessTransient() throws {
        let transport = FakeTransport([Answer(status: 400, body: #"{"error":"error parsing query"}"#)])
        #expect(throws: InfluxError.http(status: 400, message: "error parsing query")) {
            _ = try InfluxClient.fake(transport, retries: 3).query("SELEC 1")
        }
        #expect(transport.requests.count == 1)
    }
}
