import Foundation
import InfluxKit
import Testing

/// Points written through the client come back exactly as they were.
@Suite(.integration)
struct RoundTripTests {
    static let nastyNames = [
        "plain", "with space", "com,ma", "equals=sign", "double\"quote", "single'quote",
        "back\\slash", "mixed , =\" all", "emoji 🚀 ümlaut", "日本語",
    ]

    @Test(arguments: nastyNames)
    func namesAndValuesSurviveExactly(name: String) throws {
        let server = try InfluxServer.shared()
        let database = server.makeDatabaseName()
        let client = try server.client(database: database)
        let stringValue = "line one\nline \"two\"\\ end, = done 🚀"
        let point = Point(
            measurement: name,
            tags: [name: name, "t2": "v \(name)"],
            fields: [
                name: .string(stringValue),
                "f": .float(-1.25e-7),
                "i": .integer(Int64.max),
                "j": .integer(Int64.min),
                "b": .boolean(true),
                "w": .float(2.0),
            ],
            time: .epoch(1_700_000_000_123_456_789, .nanoseconds))
        try client.writePoints([point])

        let measurements = try client.query("SHOW MEASUREMENTS")
        #expect(measurements.first?.series.first?.values.compactMap { $0.first?.stringValue } == [name])

        let results = try client.query(
            "SELECT * FROM \(InfluxQL.quoteIdentifier(name)) GROUP BY *", epoch: .nanoseconds)
        let series = try #require(results.first?.series.first)
        #expect(series.name == name)
        #expect(series.tags == [name: name, "t2": "v \(name)"])
        let row = try #require(series.values.first)
        let columns = Dictionary(uniqueKeysWithValues: zip(series.columns, row))
        #expect(columns["time"] == .integer(1_700_000_000_123_456_789))
        #expect(columns[name] == .string(stringValue))
        #expect(columns["f"] == .float(-1.25e-7))
        #expect(columns["i"] == .integer(Int64.max))
        #expect(columns["j"] == .integer(Int64.min))
        #expect(columns["b"] == .bool(true))
        #expect(columns["w"] == .integer(2), "the server writes whole floats without a point")

        let fieldTypes = try client.query("SHOW FIELD KEYS FROM \(InfluxQL.quoteIdentifier(name))")
        let types = Dictionary(uniqueKeysWithValues: (fieldTypes.first?.series.first?.values ?? []).compactMap { row in
            row.count == 2 ? row[0].stringValue.flatMap { k in row[1].stringValue.map { (k, $0) } } : nil
        })
        #expect(types["w"] == "float")
        #expect(types["i"] == "integer")
        #expect(types[name] == "string")
    }

    @Test func nanFieldsAreNeverSent() throws {
        let server = try InfluxServer.shared()
        let database = server.makeDatabaseName()
        let client = try server.client(database: database)
        try client.writePoints([
            Point(measurement: "m", fields: ["good": .float(1.5), "bad": .float(.nan), "worse": .float(.infinity)],
                  time: .epoch(1, .seconds)),
        ])
        let rows = try client.query("SELECT * FROM m", epoch: .seconds).onlyRows()
        let results = try client.query("SELECT * FROM m", epoch: .seconds)
        #expect(results[0].series[0].columns == ["time", "good"])
        #expect(rows == [[.integer(1), .float(1.5)]])
    }

    @Test(arguments: Precision.allCases)
    func everyPrecisionStoresTheSameInstant(precision: Precision) throws {
        let server = try InfluxServer.shared()
        let database = server.makeDatabaseName()
        let client = try server.client(database: database)
        let nanoseconds: Int64 = 1_599_998_400_000_000_000 + 7 * precision.nanosecondsPerUnit
        let units = nanoseconds / precision.nanosecondsPerUnit
        try client.writePoints(
            [Point(measurement: "m", fields: ["v": .integer(1)], time: .epoch(units, precision))],
            precision: precision)
        try client.write(lines: ["raw v=2i \(units)"], precision: precision)
        let stored = try client.query("SELECT v FROM m", epoch: .nanoseconds).onlyRows()
        #expect(stored == [[.integer(nanoseconds), .integer(1)]])
        let raw = try client.query("SELECT v FROM raw", epoch: precision).onlyRows()
        #expect(raw == [[.integer(units), .integer(2)]])
        let rfc = try client.query("SELECT v FROM raw").onlyRows()
        #expect(rfc.first?.first == .string(RFC3339.string(fromNanoseconds: nanoseconds)))
    }

    @Test func rfc3339AndDateTimesAreExact() throws {
        let server = try InfluxServer.shared()
        let database = server.makeDatabaseName()
        let client = try server.client(database: database)
        try client.writePoints([
            Point(measurement: "m", tags: ["k": "rfc"], fields: ["v": .integer(1)], time: .rfc3339("2262-04-11T23:47:16.854775806Z")),
            Point(measurement: "m", tags: ["k": "old"], fields: ["v": .integer(2)], time: .rfc3339("1677-09-21T00:12:43.145224194Z")),
            Point(measurement: "m", tags: ["k": "off"], fields: ["v": .integer(3)], time: .rfc3339("2020-01-01T01:00:00.5+01:00")),
        ])
        let rows = try client.query("SELECT v FROM m", epoch: .nanoseconds).onlyRows()
        #expect(rows == [
            [.integer(-9_223_372_036_854_775_806), .integer(2)],
            [.integer(1_577_836_800_500_000_000), .integer(3)],
            [.integer(9_223_372_036_854_775_806), .integer(1)],
        ])
    }
}
