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

    /// The `N` of the `dropped=N` that ends a partial-write message (0 when absent).
    static func droppedCount(in message: String) -> Int {
        guard let range = message.ranges(of: "dropped=").last else { return 0 }
        return Int(message[range.upperBound...].prefix { $0.isNumber }) ?? 0
    }

    /// The first line of a body, shortened, for messages about unexpected answers.
    private static func excerpt(_ body: [UInt8]) -> String {
        let text = String(decoding: body.prefix(200), as: UTF8.self)
        let line = text.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        let trimmed = line.trimmingWhitespace()
        return trimmed.isEmpty ? "(empty)" : trimmed
    }
}
