import Foundation
import InfluxKit
import Testing

/// Time limits: a call's own `timeout`, and the low-speed limit that cuts a server trickling
/// bytes even when the total time limit is far away.
@Suite(.integration, .timeLimit(.minutes(1)))
struct DeadlineTests {
    /// A client of `peer` without retries, whose own limits are `timeout` and `idleTimeout`.
    static func client(of peer: HTTPPeer, timeout: Double?, idleTimeout: Double?) throws -> InfluxClient {
        var configuration = peer.configuration()
        configuration.timeout = timeout
        configuration.idleTimeout = idleTimeout
        configuration.retries = 0
        return try InfluxClient(configuration: configuration)
    }

    @Test(arguments: [AsyncCancellationTests.Call.ping, .write, .query])
    func aCallsTimeoutEndsAStalledRequest(call: AsyncCancellationTests.Call) async throws {
        let peer = try HTTPPeer(.silent)
        let client = try Self.client(of: peer, timeout: nil, idleTimeout: nil)
        await #expect(throws: InfluxError.timeout(url: peer.url, seconds: 1)) {
            switch call {
            case .ping: try await client.ping(timeout: .seconds(1))
            case .write: try await client.write(lines: ["m v=1"], timeout: .milliseconds(1_000))
            default: _ = try await client.query("SELECT v FROM m", timeout: .seconds(1))
            }
        }
    }

    /// The call's timeout replaces the configured one, which would have ended the call sooner.
    @Test func aCallsTimeoutReplacesTheConfiguredOne() async throws {
        let peer = try HTTPPeer(.silent)
        let client = try Self.client(of: peer, timeout: 1, idleTimeout: nil)
        await #expect(throws: InfluxError.timeout(url: peer.url, seconds: 2)) {
            try await client.ping(timeout: .seconds(2))
        }
    }

    @Test(arguments: [Duration.zero, .seconds(-1), .seconds(Int64.max)])
    func aTimeoutOutOfRangeIsRefused(timeout: Duration) async throws {
        let peer = try HTTPPeer(.influxdb)
        let client = try Self.client(of: peer, timeout: nil, idleTimeout: nil)
        await #expect(throws: InfluxError.invalidArgument("timeout must be a positive duration up to 100 years")) {
            try await client.ping(timeout: timeout)
        }
        #expect(try peer.requests().isEmpty)
    }

    /// One byte every 4 seconds is below the low-speed limit (a byte a second over
    /// `idleTimeout`), so the transfer ends long before the 10-minute total limit.
    @Test func aTricklingServerIsCutByTheLowSpeedLimit() throws {
        let peer = try HTTPPeer(.trickle)
        let client = try Self.client(of: peer, timeout: 600, idleTimeout: 3)
        #expect(throws: InfluxError.timeout(url: peer.url, seconds: 3)) {
            _ = try client.query("SELECT v FROM m")
        }
    }

    @Test func aTricklingServerIsCutWithoutATotalLimit() throws {
        let peer = try HTTPPeer(.trickle)
        let client = try Self.client(of: peer, timeout: nil, idleTimeout: 3)
        #expect(throws: InfluxError.timeout(url: peer.url, seconds: 3)) {
            _ = try client.query("SELECT v FROM m")
        }
    }
}
