import Foundation
@testable import InfluxKit
import Synchronization
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
        case createDatabase, users, retentionPolicies, writerFinish, seriesHelperCommit
    }

    /// The settings of a client of `peer` with no time limit at all and no retries.
    static func unlimitedConfiguration(of peer: HTTPPeer) -> ClientConfiguration {
        var configuration = peer.configuration()
        configuration.timeout = nil
        configuration.idleTimeout = nil
        configuration.retries = 0
        return configuration
    }

    /// A client of `peer` with no time limit at all and no retries.
    static func unlimitedClient(of peer: HTTPPeer) throws -> InfluxClient {
        try InfluxClient(configuration: unlimitedConfiguration(of: peer))
    }

    /// An ``unlimitedClient(of:)`` whose transports wait for the network up to an hour before
    /// calling libcurl again (``CurlTransport/longestWait``; a second by default). Its connect
    /// timeout is an hour too: libcurl's timer for it, which stays set once connected, would
    /// end the wait after ten seconds.
    static func drowsyClient(of peer: HTTPPeer) throws -> InfluxClient {
        var configuration = unlimitedConfiguration(of: peer)
        configuration.connectTimeout = 3_600
        return try InfluxClient(configuration: configuration) { configuration in
            let transport = try CurlTransport(configuration: configuration)
            transport.longestWait = 3_600_000
            return transport
        }
    }

    /// How long a call that should end at once may take before the test gives up on it: a
    /// guard that turns a hang into a failure, not a measurement.
    static let hangGuard = Duration.seconds(30)

    /// How `task` ended, or `nil` when it did not within ``hangGuard`` (awaiting a task cannot
    /// be cancelled, so the suite's time limit alone would wait for it forever).
    static func result(of task: Task<Void, any Error>) async -> Result<Void, any Error>? {
        let first = FirstAnswer<Result<Void, any Error>?>()
        return await withCheckedContinuation { continuation in
            first.wait(with: continuation)
            Task { first.give(await task.result) }
            Task {
                try? await Task.sleep(for: hangGuard)
                first.give(nil)
            }
        }
    }

    /// Expects `task` to end with `.cancelled` (within ``hangGuard``).
    static func expectCancelled(_ task: Task<Void, any Error>) async {
        guard let result = await result(of: task) else {
            Issue.record("the cancelled call did not end")
            return
        }
        #expect(throws: InfluxError.cancelled) { try result.get() }
    }

    /// Returns once the peer has seen the client close the connection it was holding; records
    /// an issue when that does not happen within ``hangGuard``.
    static func expectHangUp(_ peer: HTTPPeer) async throws {
        let deadline = ContinuousClock.now + hangGuard
        while try !peer.events().contains("hung-up") {
            guard ContinuousClock.now < deadline else {
                Issue.record("the client kept the stalled connection open")
                return
            }
            try await Task.sleep(for: .milliseconds(20))
        }
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
        await Self.expectCancelled(task)
        try await Self.expectHangUp(peer)
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
        try await Self.expectHangUp(peer)
        #expect(try !peer.events().contains("released"))
    }
}

/// Resumes a continuation with the first of several answers; later ones are dropped.
final class FirstAnswer<Value: Sendable>: Sendable {
    private let continuation = Mutex<CheckedContinuation<Value, Never>?>(nil)

    func wait(with continuation: CheckedContinuation<Value, Never>) {
        self.continuation.withLock { $0 = continuation }
    }

    func give(_ value: Value) {
        continuation.withLock { $0.take() }?.resume(returning: value)
    }
}
