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

    /// The first request goes out alone, so it holds few lines; the windows after it are full.
    @Test func theFirstRequestIsSmallAndTheNextOnesAreFull() throws {
        let operations = Mutex<[LineProtocolWriter.Operation]>([])
        let writer = LineProtocolWriter(options: .unstamped, onRejection: { _ in }) { operation in
            operations.withLock { $0.append(operation) }
        }
        writer.beginSource("in")
        let input = (0..<20_000).map { "m,k=\($0 % 7) v=\($0) \($0)" }.joined(separator: "\n") + "\n"
        try Array(input.utf8).withUnsafeBytes { try writer.append($0) }
        try writer.endSource()
        try writer.finish()
        let points = operations.withLock { $0 }.compactMap { operation -> Int? in
            if case let .write(_, _, _, points) = operation { return points }
            return nil
        }
        #expect(points == [5_000, 15_000])
    }

    /// Writes `input` with two-line requests over two connections through a `HoldingTransport`;
    /// returns what was written, the order of the answers and the checkpoints.
    func writeHeld(_ input: String, holding: String, until: String) throws -> (written: Int, answers: [Int], settled: [Int]) {
        let transport = HoldingTransport(holding: holding, until: until)
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
        try Array(input.utf8).withUnsafeBytes { try writer.append($0) }
        try writer.endSource()
        let summary = try writer.finish()
        return (summary.written, transport.answerOrder(), settled.withLock { $0 })
    }

    @Test func withTwoRequestsInFlightCheckpointsStillComeInInputOrder() throws {
        let input = (1...6).map { "m v=\($0) \($0)" }.joined(separator: "\n") + "\n"
        let run = try writeHeld(input, holding: "v=3 ", until: "v=5 ")
        #expect(run.written == 6)
        #expect(run.answers == [2, 6, 4], "the third batch was answered before the second")
        #expect(run.settled == [2, 4, 6])
    }

    @Test func requestsWithNoSeriesInCommonAreInFlightTogetherWhateverTheirTimes() throws {
        // Windows of four lines, cut into a request for series a and one for b. The request of
        // b of the first window (times 2-4) is held until the request of a of the second
        // (times 2-6) is answered: they overlap in time, but share no series.
        let input = """
            m,k=a v=1 1
            m,k=b v=2 2
            m,k=a v=3 3
            m,k=b v=4 4
            m,k=a v=5 2
            m,k=b v=6 6
            m,k=a v=7 6
            m,k=b v=8 7

            """
        let run = try writeHeld(input, holding: "v=2 ", until: "v=5 ")
        #expect(run.written == 8)
        // Each request is known by its last timestamp: a 1-3, b 2-4, a 2-6, b 6-7. The last
        // may be answered before or after the held one, which it shares no time with.
        #expect(run.answers.sorted() == [3, 4, 6, 7])
        #expect(run.answers.prefix(2) == [3, 6], "a 2-6 was answered while b 2-4 was held")
        #expect(run.settled == [1, 4, 5, 8])
    }

    @Test func pointsDroppedWithoutAnExplanationAreReportedWithTheLinesOfTheirSortedRequest() throws {
        let client = try InfluxClient(configuration: ClientConfiguration(database: "db"), makeTransport: { _ in PartialWriteTransport() })
        let rejections = Mutex<[LineProtocolWriter.Rejection]>([])
        let writer = LineProtocolWriter(client: client, options: LineProtocolWriter.Options()) { rejection in
            rejections.withLock { $0.append(rejection) }
        }
        writer.beginSource("in")
        // Sorted, the request is lines 3, 2, 1, 4; the server drops a point without saying which.
        try Array("m,k=c v=2i 2\nm,k=b v=3i 3\nm,k=a v=4i 4\nm,k=d v=5i 5\n".utf8).withUnsafeBytes { try writer.append($0) }
        try writer.endSource()
        let summary = try writer.finish()
        let reported = rejections.withLock { $0 }
        #expect(reported.count == 1)
        #expect(reported.first?.line == 1)
        #expect(reported.first?.reason.hasPrefix("server dropped 1 point of lines 1-4: partial write") == true, "\(reported)")
        #expect(summary.written == 3)
        #expect(summary.rejectedByServer == 1)
    }
}

/// A server whose schema is empty and which drops one point of every write without naming it.
private final class PartialWriteTransport: HTTPTransport, @unchecked Sendable {
    func perform(
        _ request: HTTPRequest,
        onBody: (HTTPResponseHead, UnsafeRawBufferPointer) throws -> Void
    ) throws -> HTTPResponseHead {
        let json = request.path == "/query"
            ? #"{"results":[{"statement_id":0}]}"#
            : #"{"error":"partial write: field type conflict: input field \"v\" on measurement \"m\" is type integer, already exists as type float dropped=1"}"#
        let head = HTTPResponseHead(
            status: request.path == "/query" ? 200 : 400,
            headers: ["x-influxdb-version": "1.6.7", "content-type": "application/json"])
        try Array(json.utf8).withUnsafeBytes { try onBody(head, $0) }
        return head
    }
}

/// A transport shared by several connections (thread-safe): it answers 204 at once, except
/// that a request whose body contains `holding` waits until one containing `until` has been
/// answered (or ten seconds have passed). Records the last point number of each answered body.
/// Queries (the writer's look at the field types) get an empty result.
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
        let head = HTTPResponseHead(status: 200, headers: ["x-influxdb-version": "1.6.7", "content-type": "application/json"])
        if request.path == "/query" {
            try Array(#"{"results":[{"statement_id":0}]}"#.utf8).withUnsafeBytes { try onBody(head, $0) }
            return head
        }
        let body = String(decoding: request.body ?? [], as: UTF8.self)
        if body.contains(holding) { _ = released.wait(timeout: .now() + 10) }
        let last = body.split(separator: "\n").last.flatMap { $0.split(separator: " ").last }.flatMap { Int($0) } ?? 0
        answered.withLock { $0.append(last) }
        if body.contains(until) { released.signal() }
        return HTTPResponseHead(status: 204, headers: ["x-influxdb-version": "1.6.7"])
    }
}
