import Foundation
import InfluxKit
import Synchronization
import Testing

/// One client shared by many tasks and threads: requests run in parallel on a bounded pool of
/// connections, nothing waits for another's whole transfer, and a call from inside a callback
/// works (or says why it cannot) instead of waiting for itself.
@Suite(.integration, .timeLimit(.minutes(3)))
struct ConcurrentClientTests {
    /// Runs `work` on a thread of its own; the result arrives through the returned task.
    private static func onThread<T: Sendable>(_ work: @escaping @Sendable () throws -> T) -> Task<T, any Error> {
        Task {
            try await withCheckedThrowingContinuation { continuation in
                Thread.detachNewThread { continuation.resume(with: Result { try work() }) }
            }
        }
    }

    @Test func fiftyConcurrentQueriesOnOneClientAllGetTheirOwnAnswer() async throws {
        let server = try InfluxServer.shared()
        let client = try server.client(database: server.makeDatabaseName())
        try await client.write(lines: (0..<50).map { "m,k=k\($0) v=\($0 * 7)i \(1_700_000_000 + $0)" }, precision: .seconds)
        let answers = try await withThrowingTaskGroup(of: (Int, [[JSONValue]]).self) { group in
            for index in 0..<50 {
                group.addTask {
                    let results = try await client.query("SELECT k, v FROM m WHERE k = 'k\(index)'", epoch: .seconds)
                    return (index, results.first?.series.first?.values ?? [])
                }
            }
            return try await group.reduce(into: [:]) { $0[$1.0] = $1.1 }
        }
        #expect(answers.count == 50)
        for index in 0..<50 {
            #expect(answers[index] == [[.integer(Int64(1_700_000_000 + index)), .string("k\(index)"), .integer(Int64(index * 7))]])
        }
    }

    /// While a query streams (the peer holds back its second chunk), the configuration is read
    /// and another request is answered on the same client.
    @Test func aStreamingQueryDoesNotHoldUpTheClient() async throws {
        let peer = try HTTPPeer(.stream, queryBody: Self.twoChunks, releaseTimeout: 3_600)
        let client = try InfluxClient(configuration: peer.configuration())
        let firstChunk = DispatchSemaphore(value: 0)
        let query = Self.onThread {
            var rows = 0
            try client.query("SELECT v FROM m", chunked: true) { result in
                rows += result.series.first?.values.count ?? 0
                if rows == 1 { firstChunk.signal() }
            }
            return rows
        }
        await Self.wait(firstChunk)
        #expect(client.configuration.database == "db")
        #expect(try await client.ping() == "1.6.7-peer")
        FileManager.default.createFile(atPath: peer.releaseFile.path, contents: nil)
        #expect(try await query.value == 2)
    }

    @Test func aCallFromInsideACallbackIsAnswered() throws {
        let server = try InfluxServer.shared()
        let database = server.makeDatabaseName()
        let client = try server.client(database: database)
        try client.write(lines: ["m v=1i 1", "m v=2i 2"], precision: .seconds)
        var inner: [String] = []
        try client.query("SELECT v FROM m", chunked: true, chunkSize: 1) { _ in
            let names = try client.query("SHOW DATABASES").first?.series.first?.values.compactMap { $0.first?.stringValue }
            inner.append(names?.contains(database) == true ? database : "missing")
        }
        #expect(inner == [database, database])
    }

    @Test func aCallFromInsideACallbackWithNoConnectionFreeThrows() throws {
        let server = try InfluxServer.shared()
        var configuration = try server.client(database: server.makeDatabaseName()).configuration
        configuration.poolSize = 1
        let client = try InfluxClient(configuration: configuration)
        try client.write(lines: ["m v=1i 1"], precision: .seconds)
        #expect {
            try client.query("SELECT v FROM m") { _ in _ = try client.ping() }
        } throws: { error in
            guard let error = error as? InfluxError, error.code == .invalidArgument else { return false }
            return error.message.contains("poolSize 1")
        }
        #expect(try client.ping().isEmpty == false, "the client is usable afterwards")
    }

    /// `shutdown()` returns only once the request in progress has ended (its last chunk is
    /// handed over while it still holds its connection).
    @Test func shutdownWaitsForTheRequestInProgress() async throws {
        let peer = try HTTPPeer(.stream, queryBody: Self.twoChunks, releaseTimeout: 3_600)
        let client = try InfluxClient(configuration: peer.configuration())
        let order = Mutex<[String]>([])
        let firstChunk = DispatchSemaphore(value: 0)
        let query = Self.onThread {
            var chunks = 0
            try client.query("SELECT v FROM m", chunked: true) { _ in
                chunks += 1
                if chunks == 1 { firstChunk.signal() } else { order.withLock { $0.append("last chunk") } }
            }
        }
        await Self.wait(firstChunk)
        let shutdown = Self.onThread {
            client.shutdown()
            order.withLock { $0.append("shutdown") }
        }
        try await Task.sleep(for: .milliseconds(300))  // lets a shutdown that does not wait end first
        FileManager.default.createFile(atPath: peer.releaseFile.path, contents: nil)
        try await query.value
        try await shutdown.value
        #expect(order.withLock { $0 } == ["last chunk", "shutdown"])
    }

    /// At most `poolSize` requests are sent at once; the others wait for a connection.
    @Test func thePoolIsBounded() async throws {
        let peer = try HTTPPeer(.silent)
        var configuration = peer.configuration()
        configuration.poolSize = 2
        configuration.retries = 0
        let client = try InfluxClient(configuration: configuration)
        let tasks = (0..<3).map { _ in Task { try await client.ping() } }
        try await AsyncCancellationTests.waitUntil(peer, hasSeen: 2)
        try await Task.sleep(for: .milliseconds(500))  // lets a third request arrive, if it would
        #expect(try peer.requests().count == 2)
        for task in tasks { task.cancel() }
        for task in tasks { await #expect(throws: InfluxError.cancelled) { try await task.value } }
    }

    /// A chunked answer in two chunks of one row each (the `stream` peer holds back the second).
    static let twoChunks = [
        #"{"results":[{"statement_id":0,"series":[{"name":"m","columns":["time","v"],"values":[[1,1]]}],"partial":true}]}"# + "\n",
        #"{"results":[{"statement_id":0,"series":[{"name":"m","columns":["time","v"],"values":[[2,2]]}]}]}"# + "\n",
    ]

    /// Waits for `semaphore` without blocking a thread of Swift's pool.
    private static func wait(_ semaphore: DispatchSemaphore) async {
        await withCheckedContinuation { continuation in
            Thread.detachNewThread {
                semaphore.wait()
                continuation.resume()
            }
        }
    }
}
