import Testing
@testable import InfluxKit

/// Hands `body` to `feed` in pieces of `size` bytes (the last one may be shorter).
func forEachPiece(of body: [UInt8], size: Int, _ feed: (UnsafeRawBufferPointer) throws -> Void) rethrows {
    var start = 0
    while start < body.count {
        let end = min(start + size, body.count)
        try body[start..<end].withUnsafeBytes(feed)
        start = end
    }
}

/// Feeds `body` to a fresh decoder in pieces of `size` bytes and returns every result.
func decodeInPieces(_ body: [UInt8], size: Int) throws -> [ResultSet] {
    var decoder = QueryResponseDecoder()
    var results: [ResultSet] = []
    try forEachPiece(of: body, size: size) { try decoder.feed($0) { results.append($0) } }
    try decoder.finish { results.append($0) }
    return results
}

@Suite struct QueryResponseDecoderTests {
    static let fixtures: [String] = [
        ServerFixtures.selectAll, ServerFixtures.groupByHost, ServerFixtures.meanGroupByHostRegion,
        ServerFixtures.showRetentionPolicies, ServerFixtures.showMeasurements, ServerFixtures.multiStatement,
        ServerFixtures.multiMeasurement, ServerFixtures.statementError, ServerFixtures.statementErrorChunked,
        ServerFixtures.chunkedGroupBy, ServerFixtures.chunkedMultiStatement, ServerFixtures.escapedStrings,
        ServerFixtures.prettyChunked, ServerFixtures.deprecationMessage, ServerFixtures.emptyResult,
        ServerFixtures.usageGroupByHost, ServerFixtures.multiStatementEpochNs,
    ]

    @Test func selectAllDecodesEveryValueKind() throws {
        let results = try QueryResponseDecoder.decode(ServerFixtures.selectAll)
        let expected = ResultSet(statementID: 0, series: [
            Series(
                name: "cpu",
                columns: ["time", "count", "host", "msg", "ok", "region", "usage"],
                values: [
                    [.string("2020-09-13T12:26:40Z"), .integer(3), .string("a"), .string("hi \"there\""),
                     .bool(true), .string("eu"), .float(1.5)],
                    [.string("2020-09-13T12:26:50Z"), .integer(.max), .string("b"), .string("tab\tnew"),
                     .bool(false), .string("us"), .integer(2)],
                    [.string("2020-09-13T12:27:00Z"), .integer(.min), .string("a"), .string("snow ☃ 😀"),
                     .bool(true), .string("eu"), .float(-0.25)],
                ]
            ),
        ])
        #expect(results == [expected])
    }

    @Test func groupByTagsAndNulls() throws {
        let grouped = try QueryResponseDecoder.decode(ServerFixtures.meanGroupByHostRegion)
        #expect(grouped.count == 1)
        #expect(grouped.first?.series.map(\.tags) == [["host": "a", "region": "eu"], ["host": "b", "region": "us"]])
        #expect(grouped.first?.series.map(\.values) == [
            [[.string("1970-01-01T00:00:00Z"), .float(0.625)]],
            [[.string("1970-01-01T00:00:00Z"), .integer(2)]],
        ])

        let mixed = try QueryResponseDecoder.decode(ServerFixtures.multiMeasurement)
        let mem = mixed.first?.series.last
        #expect(mem?.name == "mem")
        #expect(mem?.tags == nil)
        #expect(mem?.values.first == [.string("2020-09-13T12:26:40Z"), .null, .float(1e300), .string("a"),
                                      .null, .null, .null, .null])
    }

    @Test func seriesWithoutNameAndEmptyResults() throws {
        let policies = try QueryResponseDecoder.decode(ServerFixtures.showRetentionPolicies)
        #expect(policies == [ResultSet(statementID: 0, series: [
            Series(
                name: nil,
                columns: ["name", "duration", "shardGroupDuration", "replicaN", "default"],
                values: [[.string("autogen"), .string("0s"), .string("168h0m0s"), .integer(1), .bool(true)]]
            ),
        ])])
        #expect(try QueryResponseDecoder.decode(ServerFixtures.emptyResult) == [ResultSet(statementID: 0)])
    }

    @Test func multipleStatementsAndStatementErrors() throws {
        let results = try QueryResponseDecoder.decode(ServerFixtures.multiStatement)
        #expect(results.map(\.statementID) == [0, 1, 2])
        #expect(results.map(\.series.count) == [1, 0, 1])
        #expect(results[2].series.first?.values.last == [.string("2020-09-13T12:26:45Z"), .float(.leastNonzeroMagnitude)])

        let failed = try QueryResponseDecoder.decode(ServerFixtures.statementError)
        #expect(failed.map(\.statementID) == [0, 1])
        #expect(failed.map(\.error) == [nil, "not executed"])

        let chunked = try QueryResponseDecoder.decode(ServerFixtures.statementErrorChunked)
        #expect(chunked.map(\.statementID) == [0, 0, 0, 1, 1])
        #expect(chunked.map(\.error) == [nil, nil, nil, "database not found: nodb", "not executed"])
        #expect(chunked.map(\.isPartial) == [true, true, false, false, false])
    }

    @Test func messages() throws {
        let results = try QueryResponseDecoder.decode(ServerFixtures.deprecationMessage)
        #expect(results == [ResultSet(statementID: 0, messages: [
            .init(
                level: "warning",
                text: "deprecated use of 'CREATE DATABASE x' in a read only context, please use a POST request instead"
            ),
        ])])
    }

    @Test func escapedStrings() throws {
        let series = try QueryResponseDecoder.decode(ServerFixtures.escapedStrings).first?.series.first
        #expect(series?.columns == ["time", "tag key", "text", "v"])
        #expect(series?.values == [[
            .string("2020-09-13T12:26:40Z"),
            .string("a<b&c"),
            .string("<tag> & \"q\" \\ back\\slash \u{1}\u{1F} \u{2028} end"),
            .integer(1),
        ]])
    }

    @Test func chunkedResponses() throws {
        let grouped = try QueryResponseDecoder.decode(ServerFixtures.chunkedGroupBy)
        #expect(grouped.map(\.statementID) == [0, 0, 0])
        #expect(grouped.map(\.isPartial) == [true, true, false])
        #expect(grouped.map { $0.series.map(\.isPartial) } == [[true], [false], [false]])
        #expect(grouped.map { $0.series.first?.tags?["host"] } == ["a", "a", "b"])

        let statements = try QueryResponseDecoder.decode(ServerFixtures.chunkedMultiStatement)
        #expect(statements.map(\.statementID) == [0, 0, 1])
        let times = statements.first?.series.first?.values.map(\.first)
        #expect(times == [.integer(1_600_000_000_000_000_000), .integer(1_600_000_010_000_000_000)])

        // Pretty output spreads each object over many lines: boundaries come from the JSON.
        let pretty = try QueryResponseDecoder.decode(ServerFixtures.prettyChunked)
        #expect(pretty.map(\.isPartial) == [true, false])
        #expect(pretty.map { $0.series.first?.values.count } == [2, 1])
    }

    @Test func objectsNeedNoNewlineBetweenThem() throws {
        let objects = ServerFixtures.chunkedGroupBy.split(separator: "\n").map(String.init)
        let glued = objects.joined()
        let spaced = objects.joined(separator: " \r\n\t ")
        #expect(try QueryResponseDecoder.decode(glued) == QueryResponseDecoder.decode(ServerFixtures.chunkedGroupBy))
        #expect(try QueryResponseDecoder.decode(spaced) == QueryResponseDecoder.decode(ServerFixtures.chunkedGroupBy))
    }

    @Test(arguments: fixtures)
    func piecesGiveTheSameResults(_ fixture: String) throws {
        let body = Array(fixture.utf8)
        let whole = try QueryResponseDecoder.decode(body)
        #expect(!whole.isEmpty)
        for size in [1, 2, 3, 7, 64, 4096] {
            #expect(try decodeInPieces(body, size: size) == whole, "pieces of \(size)")
        }
    }

    @Test func largeChunkedBodyInPieces() throws {
        // 200 copies of a real chunked response form a valid ~100 KB chunked body.
        let body = Array(String(repeating: ServerFixtures.chunkedGroupBy, count: 200).utf8)
        let whole = try QueryResponseDecoder.decode(body)
        #expect(whole.count == 600)
        for size in [1, 7, 4096, 65_536] {
            #expect(try decodeInPieces(body, size: size) == whole, "pieces of \(size)")
        }
        var generator = SeededGenerator(seed: 99)
        for _ in 0..<20 {
            var decoder = QueryResponseDecoder()
            var results: [ResultSet] = []
            var start = 0
            while start < body.count {
                let end = min(body.count, start + Int.random(in: 1...3000, using: &generator))
                try decoder.feed(Array(body[start..<end])) { results.append($0) }
                start = end
            }
            try decoder.finish { results.append($0) }
            #expect(results == whole)
        }
    }

    @Test func resultsAreEmittedAsSoonAsTheirObjectEnds() throws {
        let firstLine = Array(ServerFixtures.chunkedGroupBy.split(separator: "\n")[0].utf8)
        var decoder = QueryResponseDecoder()
        var emitted = 0
        try decoder.feed(Array(firstLine.dropLast())) { _ in emitted += 1 }
        #expect(emitted == 0)
        try decoder.feed([firstLine.last!]) { _ in emitted += 1 }
        #expect(emitted == 1)
    }

    @Test func topLevelErrorIsThrown() {
        #expect(throws: InfluxError.http(
            status: 200,
            message: "error parsing query: found EOF, expected identifier, string, number, bool at line 1, char 25"
        )) {
            try QueryResponseDecoder.decode(ServerFixtures.parseError)
        }
    }

    @Test func topLevelErrorAfterChunksStopsTheStream() {
        let body = Array((ServerFixtures.chunkedGroupBy.split(separator: "\n")[0] + "\n{\"error\":\"boom\"}\n").utf8)
        var decoder = QueryResponseDecoder()
        var results: [ResultSet] = []
        #expect(throws: InfluxError.http(status: 200, message: "boom")) {
            try decoder.feed(body) { results.append($0) }
        }
        #expect(results.count == 1)
    }

    @Test(arguments: [
        ServerFixtures.selectAll, ServerFixtures.groupByHost, ServerFixtures.escapedStrings,
        ServerFixtures.multiStatement, ServerFixtures.deprecationMessage,
    ])
    func everyTruncationIsAnError(_ fixture: String) {
        let body = Array(fixture.utf8.dropLast())  // without the final newline
        for length in 0..<body.count {
            let reason = malformedReason { try decodeInPieces(Array(body[..<length]), size: 5) }
            #expect(reason != nil, "prefix of \(length) bytes was accepted")
        }
    }

    /// A chunk saying more of its statement or series follows (`"partial":true`), then a clean
    /// end of the body: the answer was cut short between chunks, whichever way it is read.
    @Test(arguments: [1, 2])
    func anAnswerEndingWhereMoreWasAnnouncedIsTruncated(chunks: Int) throws {
        let lines = ServerFixtures.chunkedGroupBy.split(separator: "\n").prefix(chunks)
        let body = Array((lines.joined(separator: "\n") + "\n").utf8)
        let reason = "answer truncated: it ended at byte \(body.count) where more of statement 1 was announced"
        #expect(malformedReason { try decodeInPieces(body, size: 7) } == reason)
        var rows = 0
        let rawReason = malformedReason {
            var decoder = QueryResponseDecoder()
            try forEachPiece(of: body, size: 7) { try decoder.feedRaw($0) { rows += $0.rowCount } }
            try decoder.finishRaw { rows += $0.rowCount }
        }
        #expect(rawReason == reason)
        #expect(rows == chunks)
        // A series announced to go on is cut short too, even when its statement's result is not.
        let series = #"{"results":[{"statement_id":0,"series":[{"name":"m","columns":["time"],"values":[[1]],"partial":true}]}]}"#
        #expect(malformedReason { try QueryResponseDecoder.decode(series) }?.hasPrefix("answer truncated") == true)
        // The last chunk of a statement ends what was announced, and the next may begin.
        #expect(try QueryResponseDecoder.decode(ServerFixtures.chunkedGroupBy).count == 3)
        #expect(try QueryResponseDecoder.decode(ServerFixtures.chunkedMultiStatement).count == 3)
    }

    /// One object may hold `maximumObjectBytes` bytes, however it arrives; objects after one
    /// another each get the whole allowance.
    @Test(arguments: [1, 5, 1000])
    func oneObjectIsCappedAtItsLimit(pieceSize: Int) throws {
        let object = #"{"results":[{"statement_id":0,"series":[{"name":"m","columns":["v"],"values":[[1],[2]]}]}]}"#
        let size = object.utf8.count
        func decode(_ body: String, limit: Int, raw: Bool) throws -> Int {
            var decoder = QueryResponseDecoder(maximumObjectBytes: limit)
            var results = 0
            try forEachPiece(of: Array(body.utf8), size: pieceSize) { piece in
                if raw { try decoder.feedRaw(piece) { _ in results += 1 } } else { try decoder.feed(piece) { _ in results += 1 } }
            }
            if raw { try decoder.finishRaw { _ in } } else { try decoder.finish { _ in } }
            return results
        }
        for raw in [false, true] {
            #expect(try decode(object + "\n" + object + "\n", limit: size, raw: raw) == 2)
            let second = size + 1
            #expect(malformedReason { try decode(object + "\n" + object + "\n", limit: size - 1, raw: raw) }
                == "answer object at byte 0 is larger than \(size - 1) bytes, the limit (ask for smaller chunks)")
            #expect(malformedReason { try decode(object + "\n" + object.replacingOccurrences(of: "[2]", with: "[2],[3]"), limit: size, raw: raw) }
                == "answer object at byte \(second) is larger than \(size) bytes, the limit (ask for smaller chunks)")
        }
    }

    @Test func truncationReportsWhereTheObjectStarted() {
        let body = Array(ServerFixtures.chunkedGroupBy.utf8)
        let firstEnd = body.firstIndex(of: 0x0A)! + 1
        let cut = Array(body[..<(firstEnd + 10)])
        #expect(malformedReason { try decodeInPieces(cut, size: 4) }
            == "truncated response: object at byte \(firstEnd) unfinished at byte \(firstEnd + 10)")
    }

    @Test(arguments: [
        ("", "empty response body"),
        (" \n ", "empty response body"),
        ("<html><body>Bad Gateway</body></html>", "expected '{' of a response object at byte 0"),
        ("[{\"results\":[]}]", "expected '{' of a response object at byte 0"),
        ("{\"results\":[]}\nx", "expected '{' of a response object at byte 15"),
        ("{\"results\":[]}]", "expected '{' of a response object at byte 14"),
        ("{}", "response object without results at byte 0"),
        ("{\"results\":[{\"statement_id\":\"0\"}]}", "expected an integer at byte 28"),
        ("{\"results\":[{\"statement_id\":0,\"series\":[{\"columns\":[1]}]}]}", "unexpected '1', expected a string at byte 52"),
        ("{\"results\":[{\"statement_id\":0,\"series\":[{\"values\":[1]}]}]}", "unexpected '1', expected '[' at byte 51"),
        ("{\"results\":[{\"statement_id\":0,\"series\":[{\"tags\":{\"a\":1}}]}]}", "unexpected '1', expected a string at byte 53"),
        ("{\"results\":[{\"partial\":1}]}", "unexpected '1', expected true or false at byte 23"),
        ("{\"results\":[{\"statement_id\":0]}]}", "unexpected ']', expected ',' or '}' at byte 29"),
        ("{\"results\":[]}{\"results\":[],}", "unexpected '}', expected a member name at byte 28"),
    ])
    func malformedBodies(_ body: String, _ reason: String) {
        #expect(malformedReason { try decodeInPieces(Array(body.utf8), size: 3) } == reason)
    }

    @Test func unknownMembersAndNullsAreTolerated() throws {
        let body = #"{"results":[{"statement_id":3,"future":{"x":[1,{"y":null}]},"series":[{"name":"m","#
            + #""tags":null,"columns":["a"],"values":null,"partial":null}],"messages":null,"error":null,"#
            + #""partial":null}],"extra":"ok"}"#
        #expect(try QueryResponseDecoder.decode(body) == [
            ResultSet(statementID: 3, series: [Series(name: "m", columns: ["a"])]),
        ])
    }

    @Test func nestingLimitInsideRows() {
        let deep = String(repeating: "[", count: 600) + String(repeating: "]", count: 600)
        let body = #"{"results":[{"statement_id":0,"series":[{"columns":["a"],"values":[["#
            + deep + "]]}]}]}"
        #expect(malformedReason { try QueryResponseDecoder.decode(body) }?.hasPrefix("nesting deeper than 512") == true)

        let hostile = String(repeating: #"{"a":"#, count: 200_000) + "1" + String(repeating: "}", count: 200_000)
        let hostileReason = malformedReason { try decodeInPieces(Array(hostile.utf8), size: 4096) }
        #expect(hostileReason == "nesting deeper than 512 at byte 2560")
        let unclosed = String(repeating: "{[", count: 200_000)
        let unclosedReason = malformedReason { try decodeInPieces(Array(unclosed.utf8), size: 4096) }
        #expect(unclosedReason?.hasPrefix("truncated response") == true)
    }

    @Test func errorsFromEmitPropagate() {
        struct Stop: Error, Equatable {}
        var decoder = QueryResponseDecoder()
        #expect(throws: Stop()) {
            try decoder.feed(Array(ServerFixtures.selectAll.utf8)) { _ in throw Stop() }
        }
    }

    @Test func randomBytesNeverCrash() {
        var generator = SeededGenerator(seed: 5)
        let alphabet = Array(#"{}[]",:0123456789-.e tfalsnu\"#.utf8) + Array("results statement_id series values".utf8)
        var failures = 0
        for _ in 0..<20_000 {
            let length = Int.random(in: 0...40, using: &generator)
            var bytes = (0..<length).map { _ in alphabet.randomElement(using: &generator)! }
            if Bool.random(using: &generator) { bytes.insert(UInt8(ascii: "{"), at: 0) }
            if malformedReason({ try decodeInPieces(bytes, size: Int.random(in: 1...8, using: &generator)) }) != nil {
                failures += 1
            }
        }
        // Random bytes are almost never a response; every failure was a malformedResponse.
        #expect(failures > 19_000)
    }

    @Test func byteFlipsNeverCrash() throws {
        let body = Array(ServerFixtures.statementErrorChunked.utf8)
        var failures = 0
        for position in body.indices {
            for replacement: UInt8 in [0x22, 0x5C, 0x7B, 0x7D, 0x5B, 0x5D, 0x2C, 0x00] where replacement != body[position] {
                var mutated = body
                mutated[position] = replacement
                do {
                    _ = try decodeInPieces(mutated, size: 13)
                } catch let error as InfluxError where error.code == .malformedResponse || error.code == .http {
                    failures += 1
                }
            }
        }
        #expect(failures > body.count)
    }
}
