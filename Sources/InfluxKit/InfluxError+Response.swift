import FoundationEssentials

extension InfluxError {
    /// The error for a response that is not a success: InfluxDB's `{"error": "…"}` mapped by status,
    /// or `.notInfluxDB` when the peer is evidently something else (e.g. a proxy's HTML page).
    static func response(_ head: HTTPResponseHead, body: [UInt8]) -> InfluxError {
        let serverMessage = (try? JSONReader().parse(body))?["error"]?.stringValue
        if head.influxDBVersion == nil && serverMessage == nil {
            return .notInfluxDB(status: head.status, reason: "no X-Influxdb-Version header, body: \(excerpt(body))")
        }
        let message = serverMessage ?? excerpt(body)
        switch head.status {
        case 401: return .authentication(message: message)
        case 403: return .authorization(message: message)
        case 404: return .notFound(message: message)
        case 400 where message.hasPrefix("partial write"):
            return .partialWrite(message: message, dropped: droppedCount(in: message))
        default: return .http(status: head.status, message: message)
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
