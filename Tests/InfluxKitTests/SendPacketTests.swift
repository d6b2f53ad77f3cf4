import Testing
@testable import InfluxKit

/// `sendPacket` and `writePoints` in UDP mode, received by a loopback socket.
@Suite struct SendPacketTests {
    private func client(udpPort: Int, maxDatagramSize: Int = 65_507) throws -> InfluxClient {
        var configuration = ClientConfiguration(host: "127.0.0.1", port: 1, database: "ignored")
        configuration.usesUDP = true
        configuration.udpPort = udpPort
        configuration.maxDatagramSize = maxDatagramSize
        return try InfluxClient(configuration: configuration, makeTransport: { _ in FakeTransport([]) })
    }

    @Test func linesArriveInDatagramsWithinTheLimit() throws {
        let receiver = try UDPReceiver()
        let client = try client(udpPort: receiver.port, maxDatagramSize: 40)
        let lines = (0..<20).map { "cpu,host=h\($0) value=\($0)i" }
        try client.sendPacket(lines)
        let datagrams = receiver.receiveAll()
        #expect(datagrams.count > 1)
        #expect(datagrams.allSatisfy { $0.count <= 40 })
        let arrived = datagrams.flatMap { String(decoding: $0, as: UTF8.self).split(separator: "\n").map(String.init) }
        #expect(arrived == lines)
    }

    @Test func anOverlongLineIsNamedAndTheOthersAreSent() throws {
        let receiver = try UDPReceiver()
        let client = try client(udpPort: receiver.port, maxDatagramSize: 30)
        let long = "m v=\"" + String(repeating: "x", count: 40) + "\""
        let text = "m v=1\n\(long)\nm v=2\n"
        #expect(throws: InfluxError.invalidLine(
            line: 2, reason: "line of 46 bytes is longer than the largest datagram (30 bytes), not sent")
        ) {
            try client.sendPacket(lineProtocol: Array(text.utf8))
        }
        let arrived = receiver.receiveAll().map { String(decoding: $0, as: UTF8.self) }
        #expect(arrived == ["m v=1\nm v=2"])
    }

    @Test func writePointsGoesOverUDPWithTheGivenPrecisionAndTags() throws {
        let receiver = try UDPReceiver()
        let client = try client(udpPort: receiver.port)
        let points = [
            Point(measurement: "cpu", fields: ["v": .integer(1)], time: .epoch(1_700_000_000, .seconds)),
            Point(measurement: "cpu", tags: ["host": "b"], fields: ["v": .float(2.5)], time: .epoch(1_700_000_001, .seconds)),
        ]
        try client.writePoints(points, precision: .seconds, database: "other", tags: ["host": "a"])
        let arrived = receiver.receiveAll().map { String(decoding: $0, as: UTF8.self) }
        #expect(arrived == ["cpu,host=a v=1i 1700000000\ncpu,host=b v=2.5 1700000001"])
    }

    @Test func anOverlongPointIsRefusedByIndex() throws {
        let receiver = try UDPReceiver()
        let client = try client(udpPort: receiver.port, maxDatagramSize: 20)
        let points = [
            Point(measurement: "m", fields: ["v": .integer(1)]),
            Point(measurement: "m", fields: ["v": .string(String(repeating: "y", count: 30))]),
            Point(measurement: "m", fields: [:]),
            Point(measurement: "m", fields: ["v": .integer(3)]),
        ]
        #expect(throws: InfluxError.invalidPoint(
            reason: "point 1: line of 36 bytes is longer than the largest datagram (20 bytes), not sent (and 1 more refused)")
        ) {
            try client.sendPacket(points)
        }
        let arrived = receiver.receiveAll().map { String(decoding: $0, as: UTF8.self) }
        #expect(arrived == ["m v=1i\nm v=3i"])
    }

    @Test func aHostNameIsResolvedPreferringIPv4() throws {
        let receiver = try UDPReceiver()
        var configuration = ClientConfiguration(host: "localhost")
        configuration.udpPort = receiver.port
        let client = try InfluxClient(configuration: configuration, makeTransport: { _ in FakeTransport([]) })
        try client.sendPacket(lineProtocol: Array("m v=1i\r\n\nm v=2i".utf8))
        let arrived = receiver.receiveAll().map { String(decoding: $0, as: UTF8.self) }
        #expect(arrived == ["m v=1i\nm v=2i"])
    }

    @Test(arguments: [0, -5])
    func aDatagramLimitBelowOneIsRefused(limit: Int) throws {
        let client = try client(udpPort: 9, maxDatagramSize: limit)
        #expect(throws: InfluxError.invalidArgument("maxDatagramSize must be positive, not \(limit)")) {
            try client.sendPacket(["m v=1"])
        }
    }
}
