import Testing
@testable import InfluxKit

@Suite struct FrameClientTests {
    static func body(_ transport: FakeTransport, _ index: Int = 0) -> String {
        String(decoding: transport.requests[index].body ?? [], as: UTF8.self)
    }

    @Test func rowsWithoutFieldsAreSkippedAndCellsLeftOutOneByOne() throws {
        let transport = FakeTransport([])
        let client = try InfluxClient.fake(transport)
        let frame = try Frame(time: [3_000_000_000, 1_000_000_000, 2_000_000_000], columns: [
            "host": .string(["a", nil, "c"]), "usage": .float([.nan, 0.5, .infinity]), "procs": .integer([7, nil, nil]),
            "up": .boolean([nil, true, nil]),
        ])
        let result = try client.writeFrame(frame, measurement: "cpu load", tagColumns: ["host"], precision: .seconds)
        #expect(result == FrameWriteResult(pointsWritten: 2, rowsSkipped: 1))
        #expect(Self.body(transport) == "cpu\\ load,host=a procs=7i 3\ncpu\\ load up=true,usage=0.5 1\n")
        #expect(transport.requests[0].query.map { "\($0.name)=\($0.value)" } == ["db=db", "precision=s"])
    }

    @Test func fieldColumnsAloneMakeEveryOtherColumnATag() throws {
        let transport = FakeTransport([])
        let client = try InfluxClient.fake(transport)
        let frame = try Frame(time: [1], columns: ["v": .float([2]), "n": .integer([5]), "ok": .boolean([false])])
        try client.writeFrame(frame, measurement: "m", fieldColumns: ["v"], globalTags: ["n": "global", "g": "x"])
        #expect(Self.body(transport) == "m,g=x,n=global,ok=false v=2.0 1\n")
    }

    @Test func batchSizeSplitsRequests() throws {
        let transport = FakeTransport([])
        let client = try InfluxClient.fake(transport)
        let frame = try Frame(time: [1, 2, 3], columns: ["v": .integer([1, 2, 3])])
        try client.writeFrame(frame, measurement: "m", batchSize: 2)
        #expect(transport.requests.count == 2)
        #expect(Self.body(transport, 1) == "m v=3i 3\n")
    }

    @Test func aFrameWithoutFieldsIsRefused() throws {
        let client = try InfluxClient.fake(FakeTransport([]))
        let frame = try Frame(time: [1], columns: ["t": .string(["x"])])
        #expect(throws: InfluxError.invalidArgument("the frame has no field columns to write")) {
            try client.writeFrame(frame, measurement: "m", tagColumns: ["t"])
        }
    }

    static let response = #"""
        {"results":[{"statement_id":0,"series":[
        {"name":"cpu","tags":{"host":"a"},"columns":["time","n","f","mixed","s","b","none"],"values":[
          [30,1,2,3,"x",true,null],[10,2,2.5,"t",null,false,null],[20,null,3,4.5,"z",null,null]]},
        {"name":"cpu","tags":{"host":"b"},"columns":["time","n","f","mixed","s","b","none"],"values":[[5,9,1,null,null,null,null]]}
        ]}]}
        """#

    @Test func queryFramesTypesColumnsFromValuesAndSortsByTime() throws {
        let transport = FakeTransport([.init(status: 200, body: Self.response)])
        let client = try InfluxClient.fake(transport)
        let frames = try client.queryFrames("SELECT * FROM cpu GROUP BY host")
        #expect(transport.requests[0].query.map { "\($0.name)=\($0.value)" } == ["db=db", "epoch=ns", "chunked=true"])
        #expect(Set(frames.keys) == [FrameKey(measurement: "cpu", tags: ["host": "a"]), FrameKey(measurement: "cpu", tags: ["host": "b"])])
        let a = try #require(frames[FrameKey(measurement: "cpu", tags: ["host": "a"])])
        #expect(a == (try Frame(time: [10, 20, 30], columns: [
            "n": .integer([2, nil, 1]), "f": .float([2.5, 3, 2]), "mixed": .string(["t", "4.5", "3"]),
            "s": .string([nil, "z", "x"]), "b": .boolean([false, nil, true]),
        ])))
        let b = try #require(frames[FrameKey(measurement: "cpu", tags: ["host": "b"])])
        #expect(b == (try Frame(time: [5], columns: ["n": .integer([9]), "f": .integer([1])])))
    }

    @Test func emptyColumnsStayWhenAskedAndTypesCanBeSet() throws {
        let transport = FakeTransport([.init(status: 200, body: Self.response)])
        let client = try InfluxClient.fake(transport)
        let frames = try client.queryFrames("q", dropEmptyColumns: false, columnTypes: ["f": .float, "n": .float])
        let b = try #require(frames[FrameKey(measurement: "cpu", tags: ["host": "b"])])
        #expect(b == (try Frame(time: [5], columns: [
            "n": .float([9]), "f": .float([1]), "mixed": .float([.nan]), "s": .float([.nan]), "b": .float([.nan]),
            "none": .float([.nan]),
        ])))
    }

    @Test func typesFromSchemaMakeFloatFieldsFloat() throws {
        let schema = #"""
            {"results":[{"statement_id":0,"series":[{"name":"cpu","columns":["fieldKey","fieldType"],
            "values":[["f","float"],["n","integer"]]}]}]}
            """#
        let transport = FakeTransport([.init(status: 200, body: Self.response), .init(status: 200, body: schema)])
        let client = try InfluxClient.fake(transport)
        let frames = try client.queryFrames("q", typesFromSchema: true)
        #expect(frames[FrameKey(measurement: "cpu", tags: ["host": "b"])]?["f"] == .float([1]))
        #expect(frames[FrameKey(measurement: "cpu", tags: ["host": "b"])]?["n"] == .integer([9]))
    }

    @Test func seriesSplitOverChunksBecomeOneFrame() throws {
        let chunks = #"""
            {"results":[{"statement_id":0,"series":[{"name":"m","columns":["time","v"],"values":[[1,1]],"partial":true}],"partial":true}]}
            {"results":[{"statement_id":0,"series":[{"name":"m","columns":["time","v","w"],"values":[[2,2.5,"x"]]}]}]}
            """#
        let client = try InfluxClient.fake(FakeTransport([.init(status: 200, body: chunks)]))
        let frames = try client.queryFrames("q")
        #expect(frames == [FrameKey(measurement: "m"): try Frame(time: [1, 2], columns: [
            "v": .float([1, 2.5]), "w": .string([nil, "x"]),
        ])])
    }

    @Test(arguments: [
        (#"{"results":[{"statement_id":0,"error":"boom"}]}"#, InfluxError.statement(index: 0, message: "boom")),
        (#"{"results":[{"statement_id":0},{"statement_id":1}]}"#,
         .invalidArgument("queryFrames takes one statement; use query() and ResultSet.frames() for several")),
        (#"{"results":[{"statement_id":0,"series":[{"name":"measurements","columns":["name"],"values":[["a"]]}]}]}"#,
         .invalidArgument("series measurements has no time column, so it cannot be a frame")),
    ])
    func queriesThatAreNotFramesAreRefused(body: String, error: InfluxError) throws {
        let client = try InfluxClient.fake(FakeTransport([.init(status: 200, body: body)]))
        #expect(throws: error) { try client.queryFrames("q") }
    }

    @Test func resultSetFramesReadRFC3339AndEpochTimes() throws {
        let result = ResultSet(statementID: 0, series: [
            Series(name: nil, columns: ["time", "v"], values: [[.string("1970-01-01T00:00:01.5Z"), .integer(1)]]),
            Series(name: "s", columns: ["v", "time"], values: [[.integer(1), .integer(3)]]),
        ])
        let frames = try result.frames(epoch: .milliseconds)
        #expect(frames[FrameKey(measurement: "results")]?.time == [1_500_000_000])
        #expect(frames[FrameKey(measurement: "s")]?.time == [3_000_000])
    }
}
