import Foundation
import InfluxKit
import Testing

/// Writes through influxd's UDP listener (database `udp`, nanosecond precision).
@Suite(.integration)
struct UDPTests {
    /// A client of the UDP server in UDP mode, with the listener's port.
    private func udpClient(_ server: InfluxServer, maxDatagramSize: Int = 65_507) throws -> InfluxClient {
        let listener = try #require(server.udp)
        var configuration = ClientConfiguration(host: "127.0.0.1", port: server.port, database: listener.database)
        configuration.usesUDP = true
        configuration.udpPort = listener.port
        configuration.maxDatagramSize = maxDatagramSize
        return try InfluxClient(configuration: configuration)
    }

    /// `SELECT count(v) FROM measurement`, polled until it reaches `expected` or stops changing
    /// for a while; the listener writes its batches asynchronously. Bounded by a deadline.
    private func settledCount(_ client: InfluxClient, measurement: String, expected: Int) throws -> Int {
        let deadline = ContinuousClock.now + .seconds(20)
        var count = 0
        var lastChange = ContinuousClock.now
        while ContinuousClock.now < deadline {
            let rows = try client.query("SELECT count(v) FROM \(InfluxQL.quoteIdentifier(measurement))")
                .first?.series.first?.values ?? []
            let now: Int
            if case let .integer(value)? = rows.first?.last { now = Int(value) } else { now = 0 }
            if now != count { count = now; lastChange = ContinuousClock.now }
            if count >= expected || (count > 0 && ContinuousClock.now - lastChange > .seconds(3)) { break }
            usleep(100_000)
        }
        return count
    }

    @Test func aBurstOfManyDatagramsArrivesWhole() throws {
        let server = try InfluxServer.withUDP()
        let client = try udpClient(server)
        let measurement = server.makeDatabaseName()
        let base: Int64 = 1_700_000_000_000_000_000
        let points = (0..<5_000).map { index in
            Point(
                measurement: measurement, tags: ["host": "host-\(index % 50)", "pad": String(repeating: "p", count: 40)],
                fields: ["v": .integer(Int64(index))], time: .epoch(base + Int64(index), .nanoseconds))
        }
        let size = try points.reduce(0) { $0 + (try $1.lineProtocol()).utf8.count + 1 }
        #expect(size > 3 * 65_507, "the burst needs several datagrams")
        try client.writePoints(points)
        #expect(try settledCount(client, measurement: measurement, expected: points.count) == points.count)

        let sum = try client.query("SELECT sum(v) FROM \(measurement)").first?.series.first?.values.first?.last
        #expect(sum == .integer(Int64(points.count * (points.count - 1) / 2)))
    }

    @Test func anOverlongLineIsRefusedAndTheRestArrives() throws {
        let server = try InfluxServer.withUDP()
        let client = try udpClient(server, maxDatagramSize: 1_000)
        let measurement = server.makeDatabaseName()
        let long = "\(measurement) v=2i,s=\"\(String(repeating: "z", count: 2_000))\" 2"
        let lines = ["\(measurement) v=1i 1", long, "\(measurement) v=3i 3"]
        #expect(throws: InfluxError.invalidLine(
            line: 2,
            reason: "line of \(long.utf8.count) bytes is longer than the largest datagram (1000 bytes), not sent")
        ) {
            try client.sendPacket(lines)
        }
        #expect(try settledCount(client, measurement: measurement, expected: 2) == 2)
        let values = try client.query("SELECT v FROM \(measurement)").first?.series.first?.values.map { $0.last }
        #expect(values == [.integer(1), .integer(3)])
    }
}
