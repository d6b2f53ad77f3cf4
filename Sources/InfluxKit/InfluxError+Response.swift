import FoundationEssentials

extension InfluxError {
    /// The error for a response that is not a success: InfluxDB's `{"error": "…"}` (1.x, 3.x) or
    /// `{"code": "…", "message": "…"}` (2.x) mapped by status, or `.notInfluxDB` when the peer
    /// is evidently something else (e.g. a proxy's HTML page).
    ///
    /// Partial writes: 1.x answers 400 `partial write: … dropped=N`, 2.x 422 with the same text
    /// (docs-v2#6071), 3.x 400 with the rejected points by line (`.rejectedLines`).
    static func response(_ head: HTTPResponseHead, body: [UInt8]) -> InfluxError {
        let json = try? JSONReader().parse(body)
        let codeStyle = json?["code"]?.stringValue != nil && json?["message"]?.stringValue != nil
        let serverMessage = json?["error"]?.stringValue ?? (codeStyle ? json?["message"]?.stringValue : nil)
        if head.influxDBVersion == nil && serverMessage == nil && head.status != 401 {
            return .notInfluxDB(status: head.status, reason: "no X-Influxdb-Version header, body: \(excerpt(body))")
        }
        let message = serverMessage ?? excerpt(body)
        if head.status == 400, let rejected = rejectedLines(in: json), !rejected.isEmpty {
            return .rejectedLines(rejected)
        }
        switch head.status {
        case 401: return .authentication(message: message)
        case 403: return .authorization(message: message)
        case 404 where codeStyle && message.contains("not found"):
            return .notFound(message: message + " " + dbrpHint)
        case 404: return .notFound(message: message)
        case 422 where codeStyle:
            return .partialWrite(message: message, dropped: droppedCount(in: message))
        case 400 where message.hasPrefix("partial write"):
            return .partialWrite(message: message, dropped: droppedCount(in: message))
        default: return .http(status: head.status, message: message)
        }
    }

    /// What InfluxDB 2.x's "database not found" usually means, and the command that fixes it.
    static let dbrpHint = "(influxdb 2.x maps a database and retention policy to a bucket: "
        + "create the mapping with influx v1 dbrp create --db DB --rp RP --bucket-id ID)"

    /// The rejected points of an InfluxDB 3.x partial write: `{"error": "…", "data": [{"line_number":
    /// N, "error_message": "…", "original_line": "…"}, …]}` (docs.influxdata.com/influxdb3/core/
    /// write-data/troubleshoot/; the field names as the influxdb3 client libraries read them).
    static func rejectedLines(in json: JSONValue?) -> [RejectedLine]? {
        guard case let .array(items)? = json?["data"] else { return nil }
        var lines: [RejectedLine] = []
        for item in items {
            guard let number = item["line_number"], let line = Self.integer(number), line > 0 else { return nil }
            let reason = item["error_message"]?.stringValue ?? "rejected"
            lines.append(RejectedLine(line: line, reason: reason, text: item["original_line"]?.stringValue))
        }
        return lines
    }

    private static func integer(_ value: JSONValue) -> Int? {
        switch value {
        case let .integer(n): return Int(exactly: n)
        case let .unsigned(n): return Int(exactly: n)
        default: return nil
        }
    }

    /// The `N` of the `dropped=N` that ends a partial-write message (0 when absent), at most
    /// `Int.max` however many digits the peer sent.
    static func droppedCount(in message: String) -> Int {
        guard let range = message.ranges(of: "dropped=").last else { return 0 }
        var count = 0
        for byte in message[range.upperBound...].utf8 {
            guard byte &- UInt8(ascii: "0") < 10 else { break }
            let (times10, o1) = count.multipliedReportingOverflow(by: 10)
            let (sum, o2) = times10.addingReportingOverflow(Int(byte &- UInt8(ascii: "0")))
            if o1 || o2 { return .max }
            count = sum
        }
        return count
    }

    /// The first line of a body, shortened, for messages about unexpected answers.
    private static func excerpt(_ body: [UInt8]) -> String {
        let text = String(decoding: body.prefix(200), as: UTF8.self)
        let line = text.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        let trimmed = line.trimmingWhitespace()
        return trimmed.isEmpty ? "(empty)" : trimmed
    }
}
