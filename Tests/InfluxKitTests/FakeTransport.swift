@testable import InfluxKit

/// A transport that records requests and answers with canned responses (unit tests only).
final class FakeTransport: HTTPTransport {
    struct Answer {
        var status: Int
        var headers: [String: String] = ["x-influxdb-version": "1.6.7"]
        var body: String = ""
    }

    var requests: [HTTPRequest] = []
    var answers: [Answer]
    /// Size of the pieces the body is delivered in.
    var pieceSize: Int

    init(_ answers: [Answer], pieceSize: Int = 7) {
        self.answers = answers
        self.pieceSize = pieceSize
    }

    func perform(
        _ request: HTTPRequest,
        onBody: (HTTPResponseHead, UnsafeRawBufferPointer) throws -> Void
    ) throws -> HTTPResponseHead {
        requests.append(request)
        let answer = answers.isEmpty ? Answer(status: 204) : answers.removeFirst()
        let head = HTTPResponseHead(status: answer.status, headers: answer.headers)
        let bytes = Array(answer.body.utf8)
        var offset = 0
        while offset < bytes.count {
            let end = min(offset + pieceSize, bytes.count)
            try bytes[offset..<end].withUnsafeBytes { try onBody(head, $0) }
            offset = end
        }
        return head
    }
}

extension InfluxClient {
    /// A client whose requests go to `transport`; each request is tried once unless `retries`
    /// says otherwise (a fake without answers left answers 204, which would hide failures).
    static func fake(_ transport: FakeTransport, database: String? = "db", retries: Int = 0) throws -> InfluxClient {
        var configuration = ClientConfiguration(database: database)
        configuration.retries = retries
        configuration.retryBaseDelay = 0.001
        configuration.username = "alice"
        configuration.password = "s3cret"
        return try InfluxClient(configuration: configuration, makeTransport: { _ in transport })
    }
}
