import Testing
@testable import InfluxKit

@Suite struct PointsJSONTests {
    private func object(_ members: KeyValuePairs<String, JSONValue>) -> JSONValue {
        .object(members.map { (key: $0.key, value: $0.value) })
    }

    @Test func readsAnArrayOfPoints() throws {
        let json = JSONValue.array([
            object([
                "measurement": .string("cpu"),
                "tags": object(["host": .string("a"), "core": .integer(0), "hot": .bool(true), "ratio": .float(1.5), "big": .float(1e20)]),
                "time": .integer(1_700_000_000),
                "fields": object(["int": .integer(2), "float": .float(2.0), "text": .string("x"), "flag": .bool(false), "none": .null, "huge": .unsigned(18_446_744_073_709_551_615)]),
            ]),
        ])
        let results = try PointsJSON.points(from: json, precision: .seconds)
        #expect(results.count == 1)
        let point = try results[0].get()
        #expect(point == Point(
            measurement: "cpu",
            tags: ["host": "a", "core": "0", "hot": "True", "ratio": "1.5", "big": "1e+20"],
            fields: ["int": .integer(2), "float": .float(2), "text": .string("x"), "flag": .boolean(false), "huge": .unsigned(18_446_744_073_709_551_615)],
            time: .epoch(1_700_000_000, .seconds)))
    }

    /// A field number no 64-bit type holds is refused, not written as another value (a parsed
    /// `99999999999999999999999` once became `w=1e+23`).
    @Test func refusesFieldNumbersBeyondSixtyFourBits() throws {
        let json = try JSONReader().parse(
            #"[{"measurement":"m","fields":{"w":99999999999999999999999}},{"measurement":"m","fields":{"w":1e400}},"#
                + #"{"measurement":"m","fields":{"w":9223372036854775807}}]"#)
        let results = try PointsJSON.points(from: json)
        for index in 0..<2 {
            guard case let .failure(error) = results[index] else {
                Issue.record("point \(index) accepted: \(results[index])")
                continue
            }
            #expect(error.pointReason.contains("does not fit"), "\(error)")
        }
        #expect(try results[2].get().lineProtocol() == "m w=9223372036854775807i")
    }

    @Test func readsTheObjectFormWithGlobalTagsAndDefaultMeasurement() throws {
        let json = object([
            "measurement": .string("default"),
            "tags": object(["dc": .string("west"), "host": .string("global"), "rack": .string("r1")]),
            "points": .array([
                object(["tags": object(["host": .string("own"), "rack": .null]), "fields": object(["f": .integer(1)]), "time": .string("2024-01-02T03:04:05Z")]),
                object(["measurement": .string("named"), "fields": object(["f": .integer(2)])]),
            ]),
        ])
        let points = try PointsJSON.points(from: json).map { try $0.get() }
        #expect(points == [
            Point(measurement: "default", tags: ["dc": "west", "host": "own", "rack": ""], fields: ["f": .integer(1)], time: .epoch(1_704_164_645_000_000_000, .nanoseconds)),
            Point(measurement: "named", tags: ["dc": "west", "host": "global", "rack": "r1"], fields: ["f": .integer(2)]),
        ])
        // The null tag hides the global one and is then dropped, as in influxdb-python.
        #expect(try points[0].lineProtocol() == "default,dc=west,host=own f=1i 1704164645000000000")
    }

    @Test func reportsEachRefusedPointWithItsIndex() throws {
        let json = JSONValue.array([
            object(["measurement": .string("ok"), "fields": object(["f": .integer(1)])]),
            object(["fields": object(["f": .integer(1)])]),
            object(["measurement": .string("m"), "fields": object(["f": .array([])])]),
            object(["measurement": .string("m"), "fields": object(["f": .integer(1)]), "time": .float(1.5)]),
            object(["measurement": .string("m"), "fields": object(["f": .integer(1)]), "time": .string("yesterday")]),
            object(["measurement": .string("m"), "tags": object(["t": object([:])]), "fields": object(["f": .integer(1)])]),
            object(["measurement": .integer(3), "fields": object(["f": .integer(1)])]),
            object(["measurement": .string("m")]),
            object(["measurement": .string("m"), "fields": .array([])]),
            .string("not a point"),
            object(["measurement": .string("m"), "fields": object(["f": .integer(1)]), "time": .unsigned(10_000_000_000_000_000_000)]),
            object(["measurement": .string("m"), "fields": object(["f": .integer(1)]), "time": .string("2300-01-01T00:00:00Z")]),
            object(["measurement": .string("last"), "fields": object(["f": .integer(1)]), "time": .null]),
        ])
        let results = try PointsJSON.points(from: json)
        let reasons: [String?] = results.map {
            guard case let .failure(error) = $0, error.code == .invalidPoint else { return nil }
            return error.message
        }
        #expect(reasons == [
            nil,
            "missing measurement",
            "field \"f\" is an array or object",
            "\"time\" must be an integer or an rfc3339 string",
            "invalid time \"yesterday\" (not ISO 8601 such as 2009-11-10T23:00:00Z)",
            "tag \"t\" is an array or object",
            "\"measurement\" must be a string",
            "missing fields",
            "\"fields\" must be an object",
            "a point must be a json object",
            "time is outside the server's range",
            "time \"2300-01-01T00:00:00Z\" is outside the range 1677-09-21T00:12:43.145224194Z to 2262-04-11T23:47:16.854775806Z",
            nil,
        ])
    }

    @Test(arguments: [
        JSONValue.string("x"), .integer(1), .null,
        .object([(key: "measurement", value: .string("m"))]),
        .object([(key: "points", value: .object([]))]),
        .object([(key: "points", value: .array([])), (key: "tags", value: .array([]))]),
        .object([(key: "points", value: .array([])), (key: "measurement", value: .integer(1))]),
    ])
    func refusesTheWrongOverallShape(json: JSONValue) {
        #expect(throws: InfluxError.self) { try PointsJSON.points(from: json) }
    }

    @Test func anEmptyListHasNoPoints() throws {
        #expect(try PointsJSON.points(from: .array([])).isEmpty)
        #expect(try PointsJSON.points(from: object(["points": .array([])])).isEmpty)
    }
}

/// Time strings as influxdb-python reads them (dateutil.parser.parse 2.9, a time without a zone
/// taken as UTC): the nanoseconds below are what it gives for each text, measured; the texts
/// it refuses are refused.
@Suite struct PointsJSONTimeTests {
    static let read: [(String, Int64)] = [
        ("2009-11-10T23:00:00.123456", 1_257_894_000_123_456_000),
        ("2009-11-10 23:00:00", 1_257_894_000_000_000_000),
        ("2009-11-10", 1_257_811_200_000_000_000),
        ("2009-11-10T23:00", 1_257_894_000_000_000_000),
        ("2009-11-10T23", 1_257_894_000_000_000_000),
        ("2009-11-10 23:00:00Z", 1_257_894_000_000_000_000),
        ("2009-11-10T23:00:00+01:00", 1_257_890_400_000_000_000),
        ("2009-11-10T23:00:00+0100", 1_257_890_400_000_000_000),
        ("2009-11-10T23:00:00+01", 1_257_890_400_000_000_000),
        ("2009-11-10T23:00:00.5-05:30", 1_257_913_800_500_000_000),
        ("2009-11-10t23:00:00z", 1_257_894_000_000_000_000),
        // dateutil keeps microseconds only (…123456000); influxkit keeps every digit.
        ("2009-11-10T23:00:00.123456789", 1_257_894_000_123_456_789),
    ]

    @Test(arguments: read)
    func readsWhatInfluxdbPythonReads(text: String, nanoseconds: Int64) throws {
        let json = try JSONReader().parse(#"[{"measurement":"m","fields":{"v":1},"time":"\#(text)"}]"#)
        let point = try PointsJSON.points(from: json).first?.get()
        #expect(try point?.time?.nanosecondsSinceEpoch() == nanoseconds)
    }

    @Test(arguments: ["2009-13-10", "2009-02-30", "2009-11-10T24:00:00", "2009-11-10T23:61", "oops", ""])
    func refusesWhatInfluxdbPythonRefuses(text: String) throws {
        let json = try JSONReader().parse(#"[{"measurement":"m","fields":{"v":1},"time":"\#(text)"}]"#)
        #expect(throws: InfluxError.self) { try PointsJSON.points(from: json).first?.get() }
    }
}
