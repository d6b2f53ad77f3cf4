import Foundation
@testable import InfluxKit
import Testing

/// The library caps the connections (and sending threads) of a writer, as the CLI does.
@Suite struct LineProtocolWriterConnectionsTests {
    /// The threads of this process now, from `/proc/self/status`.
    private static func threads() throws -> Int {
        let status = try String(contentsOfFile: "/proc/self/status", encoding: .utf8)
        let line = try #require(status.split(separator: "\n").first { $0.hasPrefix("Threads:") })
        return try #require(Int(line.dropFirst("Threads:".count).trimmingCharacters(in: .whitespaces)))
    }

    @Test func aThousandConnectionsAreCappedAtSixteen() throws {
        let client = try InfluxClient.fake(FakeTransport([]))
        var options = LineProtocolWriter.Options()
        options.connections = 1000
        let before = try Self.threads()
        let writer = LineProtocolWriter(client: client, options: options) { _ in }
        let during = try Self.threads()
        // Without the cap, 999 more threads; other tests may start a few of their own meanwhile.
        #expect(during - before < 200, "\(during - before) threads started")
        writer.beginSource("in")
        try Array("m v=1i 1\n".utf8).withUnsafeBytes { try writer.append($0) }
        try writer.endSource()
        #expect(try writer.finish().written == 1)
        #expect(LineProtocolWriter.Options.maximumConnections == 16)
    }
}
