import Foundation
import InfluxKit
import Synchronization

/// Fuzzes what a peer answers besides query rows: status, headers and bodies of error answers,
/// `Retry-After` values, partial-write counts and admin answers (retention policies with their
/// shard group durations, users, shards, running queries, grants, field keys), through the
/// client's own code with a scripted transport, and a write that takes the same answer.
///
/// The input is: one byte choosing the status, header lines (`name: value`, one per line) up to
/// an empty line, then the body. Nothing may crash; a write accounts for every line it was given.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPeer(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let statuses = [200, 204, 400, 401, 403, 404, 413, 429, 500, 503, 302, 100, 599]
    let status = statuses[Int(bytes.first ?? 0) % statuses.count]
    let rest = bytes.dropFirst()
    var headers = ["x-influxdb-version": "1.6.7"]
    var body: [UInt8] = []
    if let end = rest.firstRange(of: [UInt8(ascii: "\n"), UInt8(ascii: "\n")]) {
        for line in String(decoding: rest[..<end.lowerBound], as: UTF8.self).split(separator: "\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = line[..<colon].lowercased()
            headers[name] = String(line[line.index(after: colon)...]).trimmingCharacters(in: .whitespaces)
        }
        body = Array(rest[end.upperBound...])
    } else {
        body = Array(rest)
    }
    for value in headers.values {
        if let seconds = RetryPolicy.retryAfter(value) { check(seconds >= 0, "negative retry-after \(seconds)") }
    }

    let transport = ScriptedPeer(head: HTTPResponseHead(status: status, headers: headers), body: body)
    var configuration = ClientConfiguration(database: "db")
    configuration.retries = 0
    guard let client = try? InfluxClient(configuration: configuration, makeTransport: { _ in transport }) else { return 0 }
    _ = try? client.ping()
    _ = try? client.retentionPolicies(database: "db")
    _ = try? client.users()
    _ = try? client.shards()
    _ = try? client.runningQueries()
    _ = try? client.grants(for: "u")
    _ = try? client.fieldKeys(database: "db")
    _ = try? client.databases()

    let writer = LineProtocolWriter(client: client, options: LineProtocolWriter.Options()) { _ in }
    writer.beginSource("fuzz")
    do {
        try Array("m v=1i 1\nm v=2i 2\nm,k=a v=3 3\n".utf8).withUnsafeBytes { try writer.append($0) }
        try writer.endSource()
        let summary = try writer.finish()
        check(summary.written + summary.rejected <= 3, "more than 3 lines accounted: \(summary)")
    } catch {
        // A refused or failed write is an answer, not a crash.
    }
    return 0
}

/// Answers every request with the same head and body, in two pieces.
private final class ScriptedPeer: HTTPTransport, @unchecked Sendable {
    let head: HTTPResponseHead
    let body: [UInt8]

    init(head: HTTPResponseHead, body: [UInt8]) {
        self.head = head
        self.body = body
    }

    func perform(
        _ request: HTTPRequest,
        onBody: (HTTPResponseHead, UnsafeRawBufferPointer) throws -> Void
    ) throws -> HTTPResponseHead {
        let cut = body.count / 2
        try body[..<cut].withUnsafeBytes { try onBody(head, $0) }
        try body[cut...].withUnsafeBytes { try onBody(head, $0) }
        return head
    }
}
