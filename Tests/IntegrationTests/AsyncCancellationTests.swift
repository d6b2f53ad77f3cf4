import Foundation
import InfluxKit
import Testing

/// Cancelling the task of an `async` call aborts the HTTP transfer itself, also while the
/// server says nothing at all; the client is usable again right after.
///
/// Each peer stalls forever and no time limit is configured: without the abort these calls
/// would never end (the suite's time limit is only the guard that turns a hang into a failure).
@Suite(.integration, .timeLimit(.minutes(1)))
struct AsyncCancellationTests {
    /// The `async` calls that send a request.
    enum Call: String, CaseIterable {
        case ping, serverInfo, write, writeBytes, writePoints, query, chunkedQuery
        case createDatabase, users, retentionPolicies, writerFinish, seriesHelperCommit
    }

    /// A client of `peer` with no time limit at all and no retries.
    static func unlimitedClient(of peer: HTTPPeer) throws -> InfluxClient {
        var configuration = peer.configuration()
        configuration.timeout = nil
        configuration.idleTimeout = nil
        configuration.retries = 0
        return try InfluxClient(configuration: configuration)
    }

    static func run(_ call: Call, on client: InfluxClient) async throws {
        switch call {
        case .ping: try await client.ping()
        case .serverInfo: _ = try await client.serverInfo()
        case .write: try await client.write(lines: ["m v=1"])
        case .writeBytes: try await client.write(lineProtocol: Array("m v=1\n".utf8))
        case .writePoints: try await client.writePoints([Point(measurement: "m", fields: ["v": .float(1)])])
        case .query: _ = try await client.query("SELECT v FROM m")
        case .chunkedQuery: _ = try await client.query("SELECT v FROM m", chunked: true)
        case .createDatabase: try await client.createDatabase("d")
        case .users: _ = try await client.users()
        case .retentionPolicies: _ = try await client.retentionPolicies()
        case .writerFinish:
            let writer = LineProtocolWriter(client: client, options: .init()) { _ in }
            try await writer.append(Array("m v=1 1\n".utf8))
            try await writer.finish()
        case .seriesHelperCommit:
            let helper = try SeriesHelper(.init(seriesName: "m", fields: ["v"], tags: [], client: client))
            try await helper.add(tags: [:], fields: ["v": .integer(1)])
            try await helper.commit()
        }
    }

    /// Returns once the peer has received `count` requests: the transfer is under way.
    static func waitUntil(_ peer: HTTPPeer, hasSeen count: Int) async throws {
        while try peer.requests().count < count {
            try await Task.sleep(for: .milliseconds(20))
        }
    }

    @Test(arguments: Call.allCases)
    func cancellingTheTaskAbortsAStalledRequest(call: Call) async throws {
        let peer = try HTTPPeer(.silent)
        let client = try Self.unlimitedClient(of: peer)
        let task = Task { try await Self.run(call, on: client) }
        try await Self.waitUntil(peer, hasSeen: 1)
        task.cancel()
        await #expect(throws: InfluxError.cancelled) { try await task.value }
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
        let client = try Self.unlimitedClient(of: peer)
        var rows = 0
        for try await chunk in client.queryChunks("SELECT v FROM m") {
            rows += chunk.series.first?.values.count ?? 0
            break
        }
        #expect(rows == 1)
        try await client.ping()
        #expect(try peer.requests().map(\.path) == ["/query", "/ping"])
        #expect(try !peer.events().contains("released"))
    }
}
