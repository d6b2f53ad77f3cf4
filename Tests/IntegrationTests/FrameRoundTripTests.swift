import InfluxKit
import Testing

/// Frames written with `writeFrame` come back from `queryFrames` exactly.
@Suite(.integration)
struct FrameRoundTripTests {
    static let nasty = "a \"quoted\" \\ value,\nwith = 🚀"
    /// Line protocol cannot carry a line break in a tag value.
    static let nastyTag = "a \"quoted\" \\ value, with = 🚀"

    @Test func writtenFrameComesBackSplitByTagAndTyped() throws {
        let server = try InfluxServer.shared()
        let client = try server.client(database: server.makeDatabaseName())
        let base: Int64 = 1_700_000_000_123_456_789
        let frame = try Frame(time: [base + 3, base, base + 2, base + 1, base + 4], columns: [
            "host": .string(["a", "b", Self.nastyTag, "a", "b"]),
            "usage": .float([2, 0.5, .nan, -1e-9, .nan]),
            "procs": .integer([Int64.max, nil, 3, Int64.min, nil]),
            "name": .string([Self.nasty, "x", nil, "", nil]),
            "up": .boolean([true, false, nil, nil, nil]),
        ])
        let written = try client.writeFrame(frame, measurement: "cpu load", tagColumns: ["host"], globalTags: ["dc": "one"])
        #expect(written == FrameWriteResult(pointsWritten: 4, rowsSkipped: 1))

        let frames = try client.queryFrames("SELECT * FROM \"cpu load\" GROUP BY host", typesFromSchema: true)
        #expect(frames == [
            FrameKey(measurement: "cpu load", tags: ["host": "a"]): try Frame(time: [base + 1, base + 3], columns: [
                "dc": .string(["one", "one"]), "name": .string(["", Self.nasty]), "procs": .integer([Int64.min, Int64.max]),
                "up": .boolean([nil, true]), "usage": .float([-1e-9, 2]),
            ]),
            FrameKey(measurement: "cpu load", tags: ["host": "b"]): try Frame(time: [base], columns: [
                "dc": .string(["one"]), "name": .string(["x"]), "up": .boolean([false]), "usage": .float([0.5]),
            ]),
            FrameKey(measurement: "cpu load", tags: ["host": Self.nastyTag]): try Frame(time: [base + 2], columns: [
                "dc": .string(["one"]), "procs": .integer([3]),
            ]),
        ])
        let inferred = try client.queryFrames("SELECT usage FROM \"cpu load\" WHERE host = 'a'")
        #expect(inferred[FrameKey(measurement: "cpu load")]?["usage"] == .float([-1e-9, 2]))
        let whole = try client.queryFrames("SELECT usage FROM \"cpu load\" WHERE time = \(base + 3)")
        #expect(whole[FrameKey(measurement: "cpu load")]?["usage"] == .integer([2]),
                "without the schema a whole float reads as an integer")
    }

    @Test func manyRowsInBatchesAndSmallChunksRoundTrip() throws {
        let server = try InfluxServer.shared()
        let client = try server.client(database: server.makeDatabaseName())
        let count = 5_000
        let time = (0..<count).map { Int64($0) * 1_000_000_000 + 1_600_000_000_000_000_000 }
        let frame = try Frame(time: time, columns: [
            "v": .float((0..<count).map { Double($0) * 0.125 + 0.5 }),
            "i": .integer((0..<count).map { $0 % 7 == 0 ? nil : Int64($0) * 3 }),
        ])
        let written = try client.writeFrame(frame, measurement: "m", precision: .seconds, batchSize: 1_200)
        #expect(written == FrameWriteResult(pointsWritten: count, rowsSkipped: 0))
        let frames = try client.queryFrames("SELECT v, i FROM m", chunkSize: 700)
        #expect(frames == [FrameKey(measurement: "m"): frame])
        #expect(frames[FrameKey(measurement: "m")]?.csv(time: .epoch(.seconds)).split(separator: "\n").prefix(3)
                == ["time,v,i", "1600000000,0.5,", "1600000001,0.625,3"])
    }

    @Test func emptyColumnsAreDroppedUnlessAsked() throws {
        let server = try InfluxServer.shared()
        let client = try server.client(database: server.makeDatabaseName())
        try client.writeFrame(try Frame(time: [1, 2], columns: ["a": .integer([1, nil]), "b": .integer([nil, 2])]), measurement: "m")
        let query = "SELECT a, b FROM m WHERE time = 1"
        #expect(try client.queryFrames(query)[FrameKey(measurement: "m")]?.columnNames == ["a"])
        #expect(try client.queryFrames(query, dropEmptyColumns: false)[FrameKey(measurement: "m")]
                == (try Frame(time: [1], columns: ["a": .integer([1]), "b": .float([.nan])])))
    }
}
