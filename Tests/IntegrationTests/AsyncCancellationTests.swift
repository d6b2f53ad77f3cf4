import Foundation
@testable import InfluxKit
import Testing

/// Cancelling the task of an `async` call aborts the HTTP transfer itself, also while the
/// server says nothing at all; the client is usable again right after.
///
/// Each peer stalls forever and no time limit is configured: without the abort these calls
/// would never end (the suite's time limit is only the guard that turns a hang into a failure).
/// The stalled cases run on transports that wait for the network up to an hour between calls
/// into libcurl ("drowsy" clients) instead of a second: libcurl's progress callback, which a
/// second later would see the cancellation too, does not run while the peer is silent, so only
/// the wake-up the cancellation sends can end the wait.
@Suite(.integration, .timeLimit(.minutes(1)))
struct AsyncCancellationTests {
    /// The `async` calls that send a request.
    enum Call: String, CaseIterable {
        case ping, serverInfo, write, writeBytes, writePoints, query, chunkedQuery
    }

    /// A client of `peer` with no time limit at all and no retries.
    static func unlimitedClient(of peer: HTTPPeer) throws -> InfluxClient {
        var configuration = peer.configuration()
        configuration.timeout = nil
        configuration.idleTimeout = nil
        configuration.retries = 0
        return try InfluxClient(configuration: configuration)
    }

    /// An ``unlimitedClient(of:)`` whose transports wait for the network up to an hour before
    /// calling libcurl again (``CurlTransport/longestWait``; a second by default).
    static func drowsyClient(of peer: HTTPPeer) throws -> InfluxClient {
        var configuration = peer.configuration()
        configuration.timeout = nil
        configuration.idleTimeout = nil
        configuration.retries = 0
        return try InfluxClient(configuration: configuration) { configuration in
            let transport = try CurlTransport(configuration: configuration)
            transport.longestWait = 3_600_000
            return transport
        }
    }

    /// Returns once the peer has seen the client close the connection it was holding.
    static func waitUntilHungUp(_ peer: HTTPPeer) async throws {
        while try !peer.events().contains("hung-up") {
            try await Task.sleep(for: .milliseconds(20))
        }
    }

    static func run(_ call: Call, on client: InfluxClient) async throws {
        switch call {
        case .ping: try await client.ping()
        case .serverInfo: _ = try await client.serverInfo()
        case .write: try await client.write(lines: ["m v=1"])
        case .writeBytes: try await client.write(lines: Array("m v=1\n".utf8))
        case .writePoints: try await client.writePoints([Point(measurement: "m", fields: ["v": .float(1)])])
        case .query: _ = try await client.query("SELECT v FROM m")
        case .chunkedQuery: _ = try await client.query("SELECT v FROM m", chunked: true)
        }
    }

    /// Returns once the peer has received `count` requests: the transfer is under way.
    static func waitUntil(_ peer: HTTPPeer, hasSeen count: Int) async throws {
        while try peer.requests().count < count {
            try await Task.sleep(for: .milliseconds(20))
        }
    }

    /// The cancellation wakes the transfer's wait for the network: the call ends and the
    /// connection is closed while the peer is still silent and libcurl has not been called
    /// back since (with a drowsy client it would not be for an hour).
    @Test(arguments: Call.allCases)
    func cancellingTheTaskAbortsAStalledRequest(call: Call) async throws {
        let peer = try HTTPPeer(.silent)
        let client = try Self.drowsyClient(of: peer)
        let task = Task { try await Self.run(call, on: client) }
        try await Self.waitUntil(peer, hasSeen: 1)
        task.cancel()
        await #expect(throws: InfluxError.cancelled) { try await task.value }
        try await Self.waitUntilHungUp(peer)
        #expect(try peer.requests().count == 1)
    }

    @Test func theClientAnswersTheNextCallAfterACancelledOne() async throws {
        let peer = try HTTPPeer(.influxdb, answers: [.init(status: 0, hang: true)])
        let client = try Self.unlimitedClient(of: peer)
        let task = Task { try await client.write(lines: ["m v=1"]) }
        try await Self.waitUntil(peer, hasSeen: 1)
        task.cancel()
        await #expect(throws: InfluxError.cancelled) { try await task.value }
        try await client.write(lines: ["m v=2"])
        #expect(try peer.requests().count == 2)
    }

    /// Dropping a chunk stream while the server holds back the next chunk frees the client at
    /// once, instead of when the server sends again.
    @Test func droppingAStalledChunkStreamFreesTheClient() async throws {
        let peer = try HTTPPeer(.stream, queryBody: ConcurrentClientTests.twoChunks, releaseTimeout: 3_600)
        let client = try Self.drowsyClient(of: peer)
        var rows = 0
        for try await chunk in client.queryChunks("SELECT v FROM m") {
            rows += chunk.series.first?.values.count ?? 0
            break
        }
        #expect(rows == 1)
        try await client.ping()
        #expect(try peer.requests().map(\.path) == ["/query", "/ping"])
        try await Self.waitUntilHungUp(peer)
        #expect(try !peer.events().contains("released"))
    }
}
