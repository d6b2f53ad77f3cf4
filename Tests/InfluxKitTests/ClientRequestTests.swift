import Testing
@testable import InfluxKit

@Suite struct ClientRequestTests {
    @Test func queryIsPostedAsFormWithDatabaseEpochAndChunking() throws {
        let transport = FakeTransport([.init(status: 200, body: #"{"results":[{"statement_id":0}]}"#)])
        let client = try InfluxClient.fake(transport)
        _ = try client.query("SELECT * FROM \"a b\" WHERE x='é&'", epoch: .milliseconds, chunked: true, chunkSize: 500)
        let request = try #require(transport.requests.first)
        #expect(request.method == .post)
        #expect(request.path == "/query")
        #expect(request.query.map(\.name) == ["db", "epoch", "chunked", "chunk_size"])
        #expect(request.query.map(\.value) == ["db", "ms", "true", "500"])
        let form = String(decoding: request.body ?? [], as: UTF8.self)
        #expect(form == "q=SELECT%20%2A%20FROM%20%22a%20b%22%20WHERE%20x%3D%27%C3%A9%26%27")
    }

    @Test(arguments: ["", " ; ", "-- c", "/* x ; */", "-- a\n;\n/* b */"])
    func aQueryWithoutAStatementIsNotSent(query: String) throws {
        let transport = FakeTransport([])
        let client = try InfluxClient.fake(transport)
        let error = InfluxError.invalidArgument("query has no statement")
        #expect(throws: error) { try client.query(query) }
        #expect(throws: error) { try client.query(query, chunked: true) { _ in } }
        #expect(throws: error) { try client.streamRawResults(of: query) { _ in } }
        #expect(transport.requests.isEmpty)
    }

    @Test func commentsAreSentWithTheStatement() throws {
        let transport = FakeTransport([.init(status: 200, body: #"{"results":[{"statement_id":0}]}"#)])
        let client = try InfluxClient.fake(transport)
        _ = try client.query("-- c\nSHOW USERS /* ; */")
        let form = String(decoding: transport.requests[0].body ?? [], as: UTF8.self)
        #expect(form == "q=" + percentEncoded("-- c\nSHOW USERS /* ; */"))
    }

    @Test func bindParametersTravelAsJSON() throws {
        let transport = FakeTransport([.init(status: 200, body: #"{"results":[{"statement_id":0}]}"#)])
        let client = try InfluxClient.fake(transport)
        _ = try client.query("SELECT * FROM m WHERE h=$h", params: ["h": .string("x\"y"), "n": .integer(3)])
        let form = String(decoding: transport.requests[0].body ?? [], as: UTF8.self)
        #expect(form.hasSuffix("&params=" + percentEncoded(#"{"h":"x\"y","n":3}"#)))
    }

    @Test func writeCarriesPrecisionRetentionPolicyAndConsistency() throws {
        let transport = FakeTransport([.init(status: 204)])
        let client = try InfluxClient.fake(transport)
        try client.write(lines: ["m v=1 1"], retentionPolicy: "week", precision: .seconds, consistency: .quorum)
        let request = transport.requests[0]
        #expect(request.path == "/write")
        #expect(request.query.map { "\($0.name)=\($0.value)" } == ["db=db", "precision=s", "rp=week", "consistency=quorum"])
        #expect(request.body == Array("m v=1 1\n".utf8))
        #expect(request.compressible)
    }

    @Test func writeWithoutDatabaseIsAnArgumentError() throws {
        let client = try InfluxClient.fake(FakeTransport([]), database: nil)
        #expect(throws: InfluxError.invalidArgument("no database given for the write")) {
            try client.write(lines: ["m v=1"])
        }
    }

    @Test func writePointsSplitsBatchesLazily() throws {
        let transport = FakeTransport([.init(status: 204), .init(status: 204), .init(status: 204)])
        let client = try InfluxClient.fake(transport)
        // A lazy sequence records how many requests were sent when each point was made: a
        // batch goes out before the points of the next one are asked for.
        var sentBefore: [Int] = []
        let points = (0..<5).lazy.map { number -> Point in
            sentBefore.append(transport.requests.count)
            return Point(measurement: "m", fields: ["v": .integer(Int64(number))], time: .epoch(Int64(number), .seconds))
        }
        try client.writePoints(points, precision: .seconds, tags: ["host": "a"], batchSize: 2)
        let bodies = transport.requests.map { String(decoding: $0.body ?? [], as: UTF8.self) }
        #expect(bodies == ["m,host=a v=0i 0\nm,host=a v=1i 1\n", "m,host=a v=2i 2\nm,host=a v=3i 3\n", "m,host=a v=4i 4\n"])
        #expect(sentBefore == [0, 0, 1, 1, 2])
    }

    @Test func writePointsWritesValidPointsThenReportsRefusedOnes() throws {
        let transport = FakeTransport([.init(status: 204)])
        let client = try InfluxClient.fake(transport)
        let points = [
            Point(measurement: "m", fields: ["v": .float(1.5)]),
            Point(measurement: "m", fields: ["v": .float(.nan)]),
            Point(measurement: "m", fields: ["v": .boolean(true)]),
        ]
        #expect {
            try client.writePoints(points)
        } throws: { error in
            guard let error = error as? InfluxError, error.code == .invalidPoint else { return false }
            return error.message.hasPrefix("point 1:")
        }
        let body = String(decoding: transport.requests[0].body ?? [], as: UTF8.self)
        #expect(body == "m v=1.5\nm v=true\n")
    }
}
