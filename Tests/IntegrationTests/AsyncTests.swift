import Foundation
import InfluxKit
import Testing

/// The `async` methods and the chunk stream against a real server.
@Suite(.integration, .timeLimit(.minutes(2)))
struct AsyncTests {
    /// Runs `work` in a synchronous context, so that it calls the synchronous overloads.
    private static func synchronously<T>(_ work: () throws -> T) rethrows -> T {
        try work()
    }

    /// `count` points `m v=<i>i` one second apart, written synchronously.
    private func writeRows(_ client: InfluxClient, count: Int) throws {
        let lines = (0..<count).map { "m v=\($0)i \(1_700_000_000 + $0)" }
        try client.write(lines: lines, precision: .seconds)
    }

    @Test func pingWriteAndQuery() async throws {
        let server = try InfluxServer.shared()
        let client = try server.client(database: server.makeDatabaseName())
        let version = try await client.ping()
        #expect(version == (try Self.synchronously { try client.ping() }))

        try await client.write(lines: ["m v=1i 1", "m v=2i 2"], precision: .seconds)
        try await client.write(lineProtocol: Array("m v=3i 3\n".utf8), precision: .seconds)
        try await client.writePoints(
            [Point(measurement: "m", fields: ["v": .integer(4)], time: .epoch(4, .seconds))], precision: .seconds)
        let results = try await client.query("SELECT v FROM m", epoch: .seconds)
        #expect(try results.onlyRows() == (1...4).map { [.integer(Int64($0)), .integer(Int64($0))] })
    }

    @Test func asyncQueryMergesChunksLikeTheSynchronousOne() async throws {
        let server = try InfluxServer.shared()
        let client = try server.client(database: server.makeDatabaseName())
        try writeRows(client, count: 250)
        let merged = try await client.query("SELECT v FROM m; SELECT count(v) FROM m", chunked: true, chunkSize: 40)
        #expect(merged == (try Self.synchronously { try client.query("SELECT v FROM m; SELECT count(v) FROM m") }))
        #expect(merged.count == 2)
        #expect(merged.first?.series.first?.values.count == 250)
    }

    @Test func errorsAreThrownAsFromTheSynchronousMethods() async throws {
        let server = try InfluxServer.shared()
        let client = try server.client()
        await #expect(throws: InfluxError.notFound(message: "database not found: \"no_such_database_async\"")) {
            try await client.write(lines: ["m v=1"], database: "no_such_database_async")
        }
        await #expect {
            try await client.query("SELECT * FROM")
        } throws: { error in
            guard let error = error as? InfluxError, error.code == .http, error.status == 400 else { return false }
            return error.message.contains("error parsing query")
        }
        let results = try await client.query("SHOW RETENTION POLICIES ON no_such_database_async")
        #expect(results.first?.error == "database not found: no_such_database_async")
    }

    @Test func theStreamYieldsEveryChunkInOrder() async throws {
        let server = try InfluxServer.shared()
        let client = try server.client(database: server.makeDatabaseName())
        try writeRows(client, count: 1_000)
        var chunks: [ResultSet] = []
        for try await chunk in client.queryChunks("SELECT v FROM m", epoch: .seconds, chunkSize: 100, bufferSize: 2) {
            chunks.append(chunk)
        }
        #expect(chunks.count == 10)
        #expect(chunks.map(\.isPartial) == Array(repeating: true, count: 9) + [false])
        let values = chunks.flatMap { $0.series.flatMap(\.values) }.map { $0.last }
        #expect(values == (0..<1_000).map { JSONValue.integer(Int64($0)) })
    }

    @Test func droppingTheStreamEarlyFreesTheClient() async throws {
        let server = try InfluxServer.shared()
        let client = try server.client(database: server.makeDatabaseName())
        try writeRows(client, count: 2_000)
        var seen = 0
        for try await chunk in client.queryChunks("SELECT v FROM m", chunkSize: 10, bufferSize: 1) {
            seen += chunk.series.first?.values.count ?? 0
            break
        }
        #expect(seen == 10)
        // The reading thread was stopped: the client answers again instead of waiting forever.
        let count = try await client.query("SELECT count(v) FROM m")
        #expect(try count.onlyRows().first?.last == .integer(2_000))
    }

    @Test func cancellingTheIteratingTaskEndsTheStream() async throws {
        let server = try InfluxServer.shared()
        let client = try server.client(database: server.makeDatabaseName())
        try writeRows(client, count: 2_000)
        let task = Task {
            var chunks = 0
            for try await _ in client.queryChunks("SELECT v FROM m", chunkSize: 10, bufferSize: 1) {
                chunks += 1
                withUnsafeCurrentTask { $0?.cancel() }
            }
            return chunks
        }
        #expect(try await task.value == 1)
        #expect(try await client.ping().isEmpty == false)
    }

    @Test func aCancelledTaskDoesNotStartARequest() async throws {
        let server = try InfluxServer.shared()
        let database = server.makeDatabaseName()
        let client = try server.client(database: database)
        let task = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            try await client.write(lines: ["m v=1i"])
        }
        await #expect(throws: InfluxError.cancelled) { try await task.value }
        #expect(try Self.synchronously { try client.query("SHOW MEASUREMENTS") }.first?.series.isEmpty == true)
    }

    @Test func aFailedRequestEndsTheStreamWithItsError() async throws {
        let dead = try #require(DeadPort())
        let client = try InfluxClient(host: "127.0.0.1", port: dead.port)
        defer { withExtendedLifetime(dead) {} }
        await #expect {
            for try await _ in client.queryChunks("SHOW DATABASES") {}
        } throws: { error in
            (error as? InfluxError)?.code == .connectionFailed
        }
    }

    @Test func oneClientServesManyTasks() async throws {
        let server = try InfluxServer.shared()
        let client = try server.client(database: server.makeDatabaseName())
        try writeRows(client, count: 50)
        let counts = try await withThrowingTaskGroup(of: Int64?.self) { group in
            for limit in 1...8 {
                group.addTask {
                    let value = try await client.query("SELECT count(v) FROM (SELECT v FROM m LIMIT \(limit))").first?
                        .series.first?.values.first?.last
                    if case let .integer(count)? = value { return count }
                    return nil
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(counts.compactMap { $0 }.sorted() == Array(1...8))
    }
}
