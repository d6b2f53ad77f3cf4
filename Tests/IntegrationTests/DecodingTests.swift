import Foundation
import InfluxKit
import Testing

/// Rows written through the client come back as the caller's own `Decodable` struct.
@Suite(.integration)
struct DecodingTests {
    struct Reading: Decodable, Equatable {
        var time: Date
        var sensor: String
        var temperature: Double
        var samples: Int
        var healthy: Bool
        var note: String?
    }

    static let readings = [
        Reading(time: Date(timeIntervalSince1970: 1_700_000_000.25), sensor: "s1", temperature: 21.5, samples: 10, healthy: true, note: "ok"),
        Reading(time: Date(timeIntervalSince1970: 1_700_000_001), sensor: "s2", temperature: 20, samples: -3, healthy: false, note: nil),
        Reading(time: Date(timeIntervalSince1970: 1_700_000_002.5), sensor: "s1", temperature: -0.125, samples: 0, healthy: true, note: "cold \"snap\""),
    ]

    private func writeReadings(_ client: InfluxClient) throws {
        let points = Self.readings.map { reading in
            var fields: [String: FieldValue] = [
                "temperature": .float(reading.temperature), "samples": .integer(Int64(reading.samples)),
                "healthy": .boolean(reading.healthy),
            ]
            if let note = reading.note { fields["note"] = .string(note) }
            let milliseconds = Int64((reading.time.timeIntervalSince1970 * 1000).rounded())
            return Point(measurement: "readings", tags: ["sensor": reading.sensor], fields: fields,
                         time: .epoch(milliseconds, .milliseconds))
        }
        try client.writePoints(points, precision: .milliseconds)
    }

    @Test(arguments: [nil, Precision.milliseconds, .nanoseconds])
    func writtenRowsDecodeIntoAStruct(epoch: Precision?) throws {
        let server = try InfluxServer.shared()
        let client = try server.client(database: server.makeDatabaseName())
        try writeReadings(client)
        let result = try #require(client.query("SELECT * FROM readings", epoch: epoch).first)
        #expect(try result.decode(Reading.self, epoch: epoch) == Self.readings)
    }

    @Test func groupedSeriesLendTheirTags() throws {
        struct Mean: Decodable, Equatable { var sensor: String; var mean: Double }
        let server = try InfluxServer.shared()
        let client = try server.client(database: server.makeDatabaseName())
        try writeReadings(client)
        let result = try #require(client.query("SELECT mean(temperature) FROM readings GROUP BY sensor").first)
        #expect(try result.decode(Mean.self) == [Mean(sensor: "s1", mean: 10.6875), Mean(sensor: "s2", mean: 20)])
        #expect(try result.decode(Mean.self, tags: ["sensor": "s2"]) == [Mean(sensor: "s2", mean: 20)])
    }
}
