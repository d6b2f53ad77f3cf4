import Testing
@testable import InfluxKit

/// What feeding `body` in pieces of `size` bytes hands over: every result, decoded from its raw
/// rows by `RawResultSet.decoded()`, and the error that ended it, if any.
func rawOutcome(_ body: [UInt8], size: Int, maximumDepth: Int = 512) -> (results: [ResultSet], error: String?) {
    var decoder = QueryResponseDecoder(maximumDepth: maximumDepth)
    var results: [ResultSet] = []
    do {
        try forEachPiece(of: body, size: size) { try decoder.feedRaw($0) { results.append($0.decoded()) } }
        try decoder.finishRaw { results.append($0.decoded()) }
        return (results, nil)
    } catch {
        return (results, "\(error)")
    }
}

/// The same for the decoding path, `feed`.
func decodedOutcome(_ body: [UInt8], size: Int, maximumDepth: Int = 512) -> (results: [ResultSet], error: String?) {
    var decoder = QueryResponseDecoder(maximumDepth: maximumDepth)
    var results: [ResultSet] = []
    do {
        try forEachPiece(of: body, size: size) { try decoder.feed($0) { results.append($0) } }
        try decoder.finish { results.append($0) }
        return (results, nil)
    } catch {
        return (results, "\(error)")
    }
}

/// The kind and text of every row value of `body`, row by row.
func rawCells(_ body: String) throws -> [[(kind: RawValue.Kind, text: String)]] {
    var decoder = QueryResponseDecoder()
    var rows: [[(kind: RawValue.Kind, text: String)]] = []
    try Array(body.utf8).withUnsafeBytes { bytes in
        try decoder.feedRaw(bytes) { result in
            for index in result.result.series.indices {
                for row in result.rows(ofSeriesAt: index) {
                    rows.append(row.map { (kind: $0.kind, text: String(decoding: $0.text, as: UTF8.self)) })
                }
            }
        }
    }
    try decoder.finishRaw { _ in Issue.record("an object was left for finishRaw") }
    return rows
}

/// A one-series response whose single row holds `values` (JSON texts).
func oneRow(_ values: [String]) -> String {
    let columns = values.indices.map { "\"c\($0)\"" }.joined(separator: ",")
    return #"{"results":[{"statement_id":0,"series":[{"name":"m","columns":["# + columns + #"],"values":[["#
        + values.joined(separator: ",") + "]]}]}]}\n"
}

@Suite struct RawResultSetTests {
    @Test(arguments: QueryResponseDecoderTests.fixtures)
    func rawRowsDecodeToTheDecodedResultsInAnyPieces(_ fixture: String) {
        let body = Array(fixture.utf8)
        let expected = decodedOutcome(body, size: body.count)
        #expect(expected.error == nil)
        for size in [1, 2, 3, 7, 64, 4096] {
            let raw = rawOutcome(body, size: size)
            #expect(raw.results == expected.results, "pieces of \(size)")
            #expect(raw.error == nil)
        }
    }

    @Test func randomRowsDecodeAsTheDecodingPathDecodesThem() {
        var random = RandomJSON(generator: SeededGenerator(seed: 17))
        for round in 0..<300 {
            var rows: [String] = []
            for _ in 0..<Int.random(in: 0...6, using: &random.generator) {
                let width = Int.random(in: 0...5, using: &random.generator)
                rows.append("[" + (0..<width).map { _ in random.serialise(random.value(depth: 2)) }.joined(separator: ",") + "]")
            }
            // The series marked partial comes first: an answer whose last series is one is cut short.
            let body = #"{"results":[{"statement_id":0,"series":[{"name":"n","values":[[1]],"partial":true},{"name":"m","columns":["a"],"values":["#
                + rows.joined(separator: ",") + "]}]}]}\n"
            let bytes = Array(body.utf8)
            let expected = decodedOutcome(bytes, size: bytes.count)
            #expect(expected.error == nil, "round \(round)")
            #expect(rawOutcome(bytes, size: Int.random(in: 1...50, using: &random.generator)).results == expected.results,
                    "round \(round): \(body)")
        }
    }

    @Test func kindsAndTexts() throws {
        let values = [#""abc""#, #""é""#, #""a\"b""#, #""""#, "12", "-0", "0", "1.5", "-0.0", "1e5", "1E-7", "2.5e+3",
                      "true", "false", "null", "[1, 2]", #"{"a":1}"#, "12345678901234567890", "1.2345678901234567"]
        let cells = try rawCells(oneRow(values))
        #expect(cells.count == 1)
        let kinds: [RawValue.Kind] = [.asciiString, .string, .escapedString, .asciiString, .integer, .integer, .integer,
                                      .decimal, .decimal, .exponential, .exponential, .exponential, .true, .false, .null,
                                      .composite, .composite, .integer, .decimal]
        #expect(cells.first?.map(\.kind) == kinds)
        #expect(cells.first?.map(\.text) == values)
    }

    @Test func contentIsTheTextBetweenTheQuotes() throws {
        var decoder = QueryResponseDecoder()
        var contents: [String] = []
        try Array(oneRow([#""a\tb""#, #""""#, "12"]).utf8).withUnsafeBytes { bytes in
            try decoder.feedRaw(bytes) { result in
                for value in result.rows(ofSeriesAt: 0)[0] {
                    contents.append(String(decoding: value.content, as: UTF8.self))
                }
            }
        }
        #expect(contents == [#"a\tb"#, "", "12"])
    }

    @Test func decodedStringsAreUnescapedAndRepairedAsBefore() throws {
        // Surrogate pairs join, lone surrogates and invalid UTF-8 become U+FFFD.
        let texts = [#""\ud83d\ude00""#, #""\ud800x""#, #""\udc00""#, #""\u00e9\/\b\f\n\r\t""#, #""\ud83d\u0041""#]
        var body = Array(oneRow(texts + [#""a_b""#]).utf8)
        let invalid = body.lastIndex(of: UInt8(ascii: "_"))!
        body[invalid] = 0xFF
        var decoder = QueryResponseDecoder()
        var decoded: [JSONValue] = []
        try body.withUnsafeBytes { bytes in
            try decoder.feedRaw(bytes) { decoded = $0.rows(ofSeriesAt: 0)[0].decoded() }
        }
        #expect(decoded == [
            .string("😀"), .string("\u{FFFD}x"), .string("\u{FFFD}"), .string("é/\u{8}\u{C}\n\r\t"),
            .string("\u{FFFD}A"), .string("a\u{FFFD}b"),
        ])
    }

    @Test func decodedNumbersKeepTheirExactValues() throws {
        let texts = ["9223372036854775807", "-9223372036854775808", "9223372036854775808", "18446744073709551616",
                     "-0", "0.1", "1e21", "1E-7", "0.10", "-0.0", "5e-324", "1e400"]
        var decoder = QueryResponseDecoder()
        var decoded: [JSONValue] = []
        try Array(oneRow(texts).utf8).withUnsafeBytes { bytes in
            try decoder.feedRaw(bytes) { decoded = $0.rows(ofSeriesAt: 0)[0].decoded() }
        }
        #expect(decoded == [
            .integer(.max), .integer(.min), .unsigned(9_223_372_036_854_775_808), .number("18446744073709551616"),
            .integer(0), .float(0.1), .float(1e21), .float(1e-7), .float(0.1), .float(-0.0), .float(5e-324),
            .number("1e400"),
        ])
    }

    @Test func rowsOfEachSeriesAndResult() throws {
        var decoder = QueryResponseDecoder()
        var shapes: [[Int]] = []
        var counts: [Int] = []
        try Array(ServerFixtures.chunkedGroupBy.utf8).withUnsafeBytes { bytes in
            try decoder.feedRaw(bytes) { result in
                #expect(result.result.series.allSatisfy { $0.values.isEmpty })
                shapes.append(result.result.series.indices.map { result.rows(ofSeriesAt: $0).count })
                counts.append(result.rowCount)
            }
        }
        let decoded = try QueryResponseDecoder.decode(ServerFixtures.chunkedGroupBy)
        #expect(shapes == decoded.map { $0.series.map(\.values.count) })
        #expect(counts == decoded.map { $0.series.reduce(0) { $0 + $1.values.count } })
    }

    @Test func duplicateMembersKeepTheLastAsTheDecodingPathDoes() {
        let body = #"{"results":[{"statement_id":0,"series":[{"columns":["a"],"values":[[1]],"values":[[2],[3]]}],"#
            + #""series":[{"columns":["b"],"values":[[4]]},{"values":[[5]]}]}],"#
            + #""results":[{"statement_id":1,"series":[{"values":[["x"]]}]}]}"# + "\n"
        let bytes = Array(body.utf8)
        #expect(rawOutcome(bytes, size: 5).results == decodedOutcome(bytes, size: 5).results)
    }

    /// Bodies the decoding path rejects; the raw path must reject them with the same error,
    /// after handing over the same results.
    static let malformed: [String] = [
        oneRow(["-"]), oneRow(["1."]), oneRow(["1e"]), oneRow(["1e+"]), oneRow(["01"]), oneRow(["-01"]), oneRow(["1.5x"]),
        oneRow(["--1"]), oneRow([".5"]), oneRow(["1.e5"]), oneRow(["+1"]), oneRow(["0x10"]), oneRow(["1.5.3"]),
        oneRow(["123456789012345678901234567890.5e"]), oneRow(["1234567890123456789012."]),
        oneRow(["\"a\u{1}b\""]), oneRow(["\"a\nb\""]), oneRow([#""a\x""#]), oneRow([#""\u12G4""#]), oneRow([#""\ud800\u12""#]),
        oneRow(["tru"]), oneRow(["nul"]), oneRow(["falsey"]), oneRow(["NaN"]), oneRow(["Infinity"]), oneRow(["-Infinity"]),
        oneRow(["[1,]"]), oneRow(["{\"a\" 1}"]), oneRow(["\"abc"]), oneRow(["1 2"]), oneRow(["1,"]),
        ServerFixtures.chunkedGroupBy + oneRow(["\"ok\"", "1.2.5"]),
        ServerFixtures.chunkedGroupBy + "{\"error\":\"boom\"}\n",
        ServerFixtures.chunkedGroupBy + "{\"results\":[{\"statement_id\":0,\"series\":[{\"values\":[[1,2",
        ServerFixtures.chunkedGroupBy + "x",
        ServerFixtures.parseError,
    ]

    @Test(arguments: malformed)
    func malformedBodiesFailAsInTheDecodingPath(_ body: String) {
        let bytes = Array(body.utf8)
        for size in [1, 3, 17, bytes.count] {
            let expected = decodedOutcome(bytes, size: size)
            let raw = rawOutcome(bytes, size: size)
            #expect(expected.error != nil)
            #expect(raw.error == expected.error, "pieces of \(size)")
            #expect(raw.results == expected.results, "pieces of \(size)")
        }
    }

    @Test func byteFlipsFailAsInTheDecodingPath() {
        let body = Array((ServerFixtures.escapedStrings + ServerFixtures.statementErrorChunked).utf8)
        for position in body.indices {
            for replacement: UInt8 in [0x22, 0x5C, 0x7B, 0x5D, 0x2C, 0x2E, 0x65, 0x2D, 0x30, 0x01, 0xFF]
            where replacement != body[position] {
                var mutated = body
                mutated[position] = replacement
                let expected = decodedOutcome(mutated, size: 13)
                let raw = rawOutcome(mutated, size: 13)
                #expect(raw.error == expected.error, "byte \(position) → \(replacement)")
                #expect(raw.results == expected.results, "byte \(position) → \(replacement)")
            }
        }
    }

    @Test func nestingLimitInsideRowsIsKept() {
        for depth in [1, 2, 5, 10] {
            let nested = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
            let bytes = Array(oneRow([nested]).utf8)
            for limit in [6, 7, 8, 10, 16] {
                let expected = decodedOutcome(bytes, size: 7, maximumDepth: limit)
                let raw = rawOutcome(bytes, size: 7, maximumDepth: limit)
                #expect(raw.error == expected.error, "depth \(depth), limit \(limit)")
                #expect(raw.results == expected.results)
            }
        }
    }

    @Test func objectsOnOneLineOverSeveralLinesOrWithoutTheFinalNewline() {
        let objects = ServerFixtures.chunkedGroupBy.split(separator: "\n").map(String.init)
        let bodies = [
            objects.joined(), objects.joined(separator: " \r\n\t "), objects.joined(separator: "\n"),
            objects.joined(separator: "\n\n") + "\n \n", ServerFixtures.prettyChunked,
            ServerFixtures.prettyChunked + ServerFixtures.chunkedGroupBy, objects[0] + "\n" + objects[1] + objects[2] + "\n",
        ]
        for body in bodies {
            let bytes = Array(body.utf8)
            let expected = decodedOutcome(bytes, size: bytes.count)
            #expect(expected.error == nil)
            for size in [1, 2, 5, 13, 100, bytes.count] {
                let raw = rawOutcome(bytes, size: size)
                #expect(raw.results == expected.results, "pieces of \(size): \(body)")
                #expect(raw.error == nil)
            }
        }
    }

    @Test func everyPrefixEndsAsInTheDecodingPath() {
        let body = Array((ServerFixtures.chunkedMultiStatement + ServerFixtures.prettyChunked
            + ServerFixtures.statementErrorChunked).utf8)
        for length in 0...body.count {
            let prefix = Array(body[..<length])
            for size in [3, 64] {
                let expected = decodedOutcome(prefix, size: size)
                let raw = rawOutcome(prefix, size: size)
                #expect(raw.error == expected.error, "prefix of \(length) in pieces of \(size)")
                #expect(raw.results == expected.results, "prefix of \(length) in pieces of \(size)")
            }
        }
    }

    @Test func resultsAreEmittedWhenTheNewlineAfterTheirObjectArrives() throws {
        let firstLine = Array(ServerFixtures.chunkedGroupBy.split(separator: "\n")[0].utf8)
        var decoder = QueryResponseDecoder()
        var emitted = 0
        try firstLine.withUnsafeBytes { try decoder.feedRaw($0) { _ in emitted += 1 } }
        #expect(emitted == 0)
        try [UInt8(ascii: "\n")].withUnsafeBytes { try decoder.feedRaw($0) { _ in emitted += 1 } }
        #expect(emitted == 1)
    }

    @Test func errorsFromEmitPropagate() {
        struct Stop: Error, Equatable {}
        var decoder = QueryResponseDecoder()
        #expect(throws: Stop()) {
            try Array(ServerFixtures.selectAll.utf8).withUnsafeBytes { bytes in
                try decoder.feedRaw(bytes) { _ in throw Stop() }
            }
        }
    }
}
