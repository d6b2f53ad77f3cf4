import Foundation
import Synchronization
import Testing
@testable import InfluxKit

/// Batches sorted by series key, and two requests in flight, settled in input order.
struct LineProtocolWriterConcurrencyTests {
    @Test func aBatchIsSortedBySeriesAndPointsOfOneSeriesKeepTheirOrder() throws {
        let operations = Mutex<[LineProtocolWriter.Operation]>([])
        let writer = LineProtocolWriter(options: .unstamped, onRejection: { _ in }) { operation in
            operations.withLock { $0.append(operation) }
        }
        writer.beginSource("in")
        let input = "m,k=b v=1 5\nm,k=a v=2 5\nm,k=b v=3 5\nm v=4 5\nm,k=a v=5 5\n"
        try Array(input.utf8).withUnsafeBytes { try writer.append($0) }
        try writer.endSource()
        try writer.finish()
        let first = try #require(operations.withLock { $0 }.first)
        guard case let .write(body, _, _, points) = first else {
            Issue.record("not a write: \(first)")
            return
        }
        #expect(points == 5)
        #expect(String(decoding: body, as: UTF8.self).split(separator: "\n") == [
            "m v=4 5", "m,k=a v=2 5", "m,k=a v=5 5", "m,k=b v=1 5", "m,k=b v=3 5",
        ])
    }

    @Test func withTwoRequestsInFlightCheckpointsStillComeInInputOrder() throws {
        let transport = HoldingTransport(holding: "v=3 ", until: "v=5 ")
        var configuration = ClientConfiguration(database: "db")
        configuration.retries = 0
        let client = try InfluxClient(configuration: configuration, makeTransport: { _ in transport })
        let settled = Mutex<[Int]>([])
        var options = LineProtocolWriter.Options()
        options.batchSize = 2
        options.connections = 2
        options.onSettled = { position in settled.withLock { $0.append(position.line) } }
        let writer = LineProtocolWriter(client: client, options: options) { _ in }
        writer.beginSource("in")
        let input = (1...6).map { "m v=\($0) \($0)" }.joined(separator: "\n") + "\n"
        try Array(input.utf8).withUnsafeBytes { try writer.append($0) }
        try writer.endSource()
        let summary = try writer.finish()
        #expect(summary.written == 6)
        #expect(transport.answerOrder() == [2, 6, 4], "the third batch was answered before the second")
        #expect(settled.withLock { $0 } == [2, 4, 6])
    }
}

/// A transport shared by several connections (thread-safe): it answers 204 at once, except
/// that a request whose body contains `holding` waits until one containing `until` has been
/// answered (or ten seconds have passed). Records the last point number of each answered body.
private final class HoldingTransport: HTTPTransport, @unchecked Sendable {
    private let holding: String
    private let until: String
    private let released = DispatchSemaphore(value: 0)
    private let answered = Mutex<[Int]>([])

    init(holding: String, until: String) {
        self.holding = holding
        self.until = until
    }

    func answerOrder() -> [Int] {
        answered.withLock { $0 }
    }

    func perform(
        _ request: HTTPRequest,
        onBody: (HTTPResponseHead, UnsafeRawBufferPointer) throws -> Void
    ) throws -> HTTPResponseHead {
        let body = String(decoding: request.body ?? [], as: UTF8.self)
        if body.contains(holding) { _ = released.wait(timeout: .now() + 10) }
        let last = body.split(separator: "\n").last.flatMap { $0.split(separator: " ").last }.flatMap { Int($0) } ?? 0
        answered.withLock { $0.append(last) }
        if body.contains(until) { released.signal() }
        return HTTPResponseHead(status: 204, headers: ["x-influxdb-version": "1.6.7"])
    }
}
