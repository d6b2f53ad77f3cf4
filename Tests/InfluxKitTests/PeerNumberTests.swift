import Foundation
@testable import InfluxKit
import Synchronization
import Testing

/// Numbers a peer sends (in headers, error messages, admin answers) never overflow the
/// arithmetic done on them: each of these trapped before it was bounded.
@Suite struct PeerNumberTests {
    @Test(arguments: [
        "Sun, 06 Nov 99999999999999 08:49:37 GMT", "Sun, 06 Nov 9223372036854775807 08:49:37 GMT",
        "Sun, 06 Nov -9223372036854775807 08:49:37 GMT", "Sun, 06 Nov +994 08:49:37 GMT",
        "Sun, 6 Nov 1994 08:49:37 GMT", "Sun, 06 Nov 1994 8:49:37:00 GMT",
    ])
    func retryAfterDatesWithAbsurdYearsAreIgnored(_ value: String) {
        #expect(RetryPolicy.retryAfter(value) == nil)
    }

    @Test func retryAfterDatesStillRead() {
        let now = Date(timeIntervalSince1970: 784_111_700)
        #expect(RetryPolicy.retryAfter("Sun, 06 Nov 1994 08:49:37 GMT", now: now) == 77)
        let lastSecond: Double = 253_402_300_799 - 784_111_700
        #expect(RetryPolicy.retryAfter("Fri, 31 Dec 9999 23:59:59 GMT", now: now) == lastSecond)
    }

    @Test func shardGroupDurationsBeyondSixtyFourBitsAreUnknown() {
        typealias Schema = FieldTypeLedger.Schema
        let longest: Int64 = 2_562_047 * 3_600_000_000_000
        #expect(Schema.nanoseconds("2562047h0m0s") == longest)
        #expect(Schema.nanoseconds("2562048h0m0s") == nil)
        #expect(Schema.nanoseconds("2562047h60m0s") == nil)
        #expect(Schema.nanoseconds("99999999999999999999999h") == nil)
        #expect(Schema.nanoseconds("168h0m0s") == 604_800_000_000_000)
    }

    @Test func droppedCountsSaturate() {
        #expect(InfluxError.droppedCount(in: "partial write: x dropped=99999999999999999999999") == .max)
        #expect(InfluxError.droppedCount(in: "partial write: x dropped=9223372036854775807") == .max)
        #expect(InfluxError.droppedCount(in: "partial write: x dropped=12") == 12)
        #expect(InfluxError.droppedCount(in: "partial write: x dropped=٣") == 0)
    }

    /// A partial write that names a line and claims more dropped points than any batch holds:
    /// every line of the batch is counted once, as refused.
    @Test(arguments: ["9223372036854775807", "99999999999999999999999"])
    func aDroppedCountBeyondTheBatchCountsTheBatch(_ dropped: String) throws {
        let transport = DroppingTransport(dropped: dropped)
        let client = try InfluxClient(configuration: ClientConfiguration(database: "db"), makeTransport: { _ in transport })
        let rejections = Mutex(0)
        let writer = LineProtocolWriter(client: client, options: LineProtocolWriter.Options()) { _ in
            rejections.withLock { $0 += 1 }
        }
        writer.beginSource("in")
        try Array("m v=1i 1\nm v=2i 2\nm v=3i 3\n".utf8).withUnsafeBytes { try writer.append($0) }
        try writer.endSource()
        let summary = try writer.finish()
        #expect(summary.written == 0)
        #expect(summary.rejectedByServer == 3)
        #expect(rejections.withLock { $0 } >= 1)
    }
}

/// A server with an empty schema that refuses the first line of every write by name and says it
/// dropped `dropped` points.
private final class DroppingTransport: HTTPTransport, @unchecked Sendable {
    let dropped: String

    init(dropped: String) {
        self.dropped = dropped
    }

    func perform(
        _ request: HTTPRequest,
        onBody: (HTTPResponseHead, UnsafeRawBufferPointer) throws -> Void
    ) throws -> HTTPResponseHead {
        let first = String(decoding: request.body ?? [], as: UTF8.self).split(separator: "\n").first ?? ""
        let json = request.path == "/query"
            ? #"{"results":[{"statement_id":0}]}"#
            : #"{"error":"partial write: unable to parse '\#(first)': bad dropped=\#(dropped)"}"#
        let head = HTTPResponseHead(
            status: request.path == "/query" ? 200 : 400,
            headers: ["x-influxdb-version": "1.6.7", "content-type": "application/json"])
        try Array(json.utf8).withUnsafeBytes { try onBody(head, $0) }
        return head
    }
}
