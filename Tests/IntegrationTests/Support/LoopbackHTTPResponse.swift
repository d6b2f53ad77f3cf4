/// An HTTP response read by `LoopbackHTTP`: status, headers and the whole body.
struct LoopbackHTTPResponse: Sendable {
    /// The status code, such as 204.
    var status: Int
    /// Header fields keyed by their lower-cased names.
    var headers: [String: String]
    /// The body bytes as sent by the server.
    var body: [UInt8]

    /// The body decoded as UTF-8.
    var text: String { String(decoding: body, as: UTF8.self) }

    /// The value of the header `name`, compared without regard to case.
    func header(_ name: String) -> String? {
        headers[name.lowercased()]
    }
}

extension LoopbackHTTPResponse {
    /// Parses a complete HTTP/1.0 response (the server closes the connection after it).
    init(parsing bytes: [UInt8]) throws {
        let separator: [UInt8] = Array("\r\n\r\n".utf8)
        guard let headEnd = bytes.firstRange(of: separator) else {
            throw InfluxServerError.malformedResponse(String(decoding: bytes.prefix(200), as: UTF8.self))
        }
        let head = String(decoding: bytes[..<headEnd.lowerBound], as: UTF8.self)
        var lines = head.split(separator: "\r\n", omittingEmptySubsequences: false)
        let statusLine = lines.removeFirst()
        let statusFields = statusLine.split(separator: " ")
        guard statusFields.count >= 2, statusFields[0].hasPrefix("HTTP/"), let status = Int(statusFields[1]) else {
            throw InfluxServerError.malformedResponse(String(statusLine))
        }
        var headers: [String: String] = [:]
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = line[..<colon].lowercased()
            let value = line[line.index(after: colon)...].trimmingPrefix(" ")
            headers[name] = String(value)
        }
        self.init(status: status, headers: headers, body: Array(bytes[headEnd.upperBound...]))
    }
}
