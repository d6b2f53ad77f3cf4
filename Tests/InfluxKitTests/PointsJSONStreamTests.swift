import Testing
@testable import InfluxKit

@Suite struct PointsJSONStreamTests {
    /// Feeds `text` in pieces of `size` bytes; every point handed over, in order.
    func stream(_ text: String, size: Int, precision: Precision = .nanoseconds) throws -> [Result<Point, InfluxError>] {
        var stream = PointsJSONStream(precision: precision)
        var results: [Result<Point, InfluxError>] = []
        func take(_ index: Int, _ result: Result<Point, InfluxError>) {
            #expect(index == results.count)
            results.append(result)
        }
        try forEachPiece(of: Array(text.utf8), size: size) { try stream.feed($0, take) }
        try stream.finish(take)
        return results
    }

    static let documents = [
        #"[{"measurement":"cpu","tags":{"host":"a","n":1,"f":1.5,"b":true},"fields":{"v":1,"w":2.0,"s":"x \"q\" ]}","ok":false,"none":null},"time":1}, {"measurement":"m","fields":{"v":Infinity,"u":1}} ,{"fields":{"v":1}}, 7, {"measurement":"m","fields":{"v":[1]}}]"#,
        #"{"measurement":"default","tags":{"dc":"west","host":"global"},"points":[{"tags":{"host":"own"},"fields":{"f":1},"time":"2024-01-02T03:04:05Z"},{"measurement":"named","fields":{"f":2}}]}"#,
        #" { "points" : [ {"fields":{"f":1}} , {"fields":{"f":2},"tags":{"a":"b"}} ] , "tags" : {"late":"yes"}, "measurement": "after", "other": [1,{"x":2}] } "#,
        "[]",
        #"{"points":[]}"#,
    ]

    /// The points, and the refusals, are those of reading the whole document at once, however
    /// the bytes arrive.
    @Test(arguments: documents)
    func givesWhatTheWholeDocumentGives(_ document: String) throws {
        let whole = try PointsJSON.points(from: JSONReader(allowNonFiniteNumbers: true).parse(document), precision: .seconds)
        for size in [1, 2, 3, 7, 64, 4096] {
            let streamed = try stream(document, size: size, precision: .seconds)
            #expect(streamed.map { try? $0.get() } == whole.map { try? $0.get() }, "pieces of \(size)")
            #expect(streamed.map { $0.failureReason } == whole.map { $0.failureReason }, "pieces of \(size)")
        }
    }

    @Test(arguments: [
        ("", "json points must be an array or an object with a \"points\" array"),
        ("7", "json points must be an array or an object with a \"points\" array"),
        (#"{"tags":{}}"#, "json points must be an array or an object with a \"points\" array"),
        (#"{"points":{}}"#, "json points must be an array or an object with a \"points\" array"),
        (#"{"points":[],"tags":[1]}"#, "json global \"tags\": \"tags\" must be an object"),
        (#"{"measurement":1,"points":[]}"#, "json \"measurement\" must be a string"),
    ])
    func wrongShapes(_ document: String, _ message: String) {
        #expect(throws: InfluxError.invalidArgument(message)) { try stream(document, size: 3) }
    }

    @Test(arguments: [
        (#"[{"fields":{"v":1}}"#, "json input ends early at byte 19"),
        (#"[{"fields":{"v":1}} {"#, "unexpected '{', expected ',' or ']' at byte 20"),
        (#"[{"fields":{"v":1}}] x"#, "trailing data after the json value at byte 21"),
        (#"[{"fields":{"v":01}}]"#, "invalid number (leading zero) at byte 16"),
    ])
    func malformedInput(_ document: String, _ reason: String) {
        #expect(malformedReason { try stream(document, size: 2) } == reason)
    }

    @Test func oneValueIsBounded() {
        var stream = PointsJSONStream(maximumValueBytes: 100)
        let text = Array(("[{\"fields\":{\"s\":\"" + String(repeating: "x", count: 200)).utf8)
        #expect(malformedReason { try text.withUnsafeBytes { try stream.feed($0) { _, _ in } } }
            == "json value at byte 1 is longer than 100 bytes")
    }
}

extension Result where Failure == InfluxError {
    var failureReason: String? {
        if case let .failure(error) = self { return error.description }
        return nil
    }
}

extension PointsJSONStreamTests {
    func survey(_ document: String) -> Bool {
        PointsJSONStream.membersFollowPoints { body in try forEachPiece(of: Array(document.utf8), size: 3, body) }
    }

    /// Whether the object form's points may go as they are read is learnt by a first reading;
    /// told that they may, the stream hands each over at once.
    @Test func objectFormPointsStreamWhenNoMemberFollowsThem() throws {
        #expect(survey(Self.documents[1]) == false)
        #expect(survey(Self.documents[2]) == true)
        #expect(survey(Self.documents[0]) == false)
        #expect(survey(#"{"points":[{"fields":{"f":1}}],"other":{"tags":1}}"#) == false)
        #expect(survey("{ oops") == true)

        let document = #"{"tags":{"a":"b"},"points":[{"measurement":"m","fields":{"f":1}},{"measurement":"m","fields":{"f":2}}]}"#
        var stream = PointsJSONStream(holdingPoints: false)
        var seen: [Int] = []
        let bytes = Array(document.utf8)
        let firstEnd = bytes.count - 38  // up to the second point
        try bytes[..<firstEnd].withUnsafeBytes { try stream.feed($0) { index, _ in seen.append(index) } }
        #expect(seen == [0], "the first point went before the document ended")
        try bytes[firstEnd...].withUnsafeBytes { try stream.feed($0) { index, _ in seen.append(index) } }
        try stream.finish { index, _ in seen.append(index) }
        #expect(seen == [0, 1])

        var once = PointsJSONStream(holdingPoints: false)
        #expect(throws: InfluxError.invalidArgument(#"json "tags" comes after "points" in input read only once"#)) {
            try Array(Self.documents[2].utf8).withUnsafeBytes { try once.feed($0) { _, _ in } }
        }
    }
}
