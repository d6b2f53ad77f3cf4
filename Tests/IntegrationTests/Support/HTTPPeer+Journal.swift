import Foundation

extension HTTPPeer {
    /// One request as the peer received it.
    struct Request: Decodable {
        /// `GET`, `POST`…
        var method: String
        /// The request target: path and query, or the absolute URL of a proxy request.
        var target: String
        /// The header fields in the order received; a repeated field appears repeatedly.
        var headers: [[String]]
        /// The body as sent, base64.
        var body: String
        /// The gunzipped body, base64, when the request said `Content-Encoding: gzip`.
        var decodedBody: String?
        /// Why gunzipping failed, when it did.
        var gunzipError: String?
        /// The client's TCP port: requests with the same port came over the same connection.
        var clientPort: Int
        /// The common name of the client's certificate (mTLS), if it sent one.
        var clientCertificate: String?
        /// Whether the peer gzip-compressed its answer.
        var responseGzip: Bool

        /// The target up to its query string.
        var path: String { String(target.prefix { $0 != "?" }) }

        /// Every value of the header `name`, compared without regard to case.
        func header(_ name: String) -> [String] {
            headers.filter { $0.first?.lowercased() == name.lowercased() }.compactMap { $0.last }
        }

        /// The body bytes as sent.
        var bodyBytes: [UInt8] { Array(Data(base64Encoded: body) ?? Data()) }

        /// The gunzipped body bytes, `nil` unless the body was sent gzip-encoded and valid.
        var decodedBodyBytes: [UInt8]? { decodedBody.flatMap { Data(base64Encoded: $0) }.map { Array($0) } }
    }

    /// The kinds of records in the journal.
    private struct Record: Decodable {
        var event: String
    }

    /// The requests the peer received so far, in order.
    func requests() throws -> [Request] {
        try lines().compactMap { line in
            guard try decoder.decode(Record.self, from: line).event == "request" else { return nil }
            return try decoder.decode(Request.self, from: line)
        }
    }

    /// The names of all records (`request`, `tls-failed`, `released`, `abandoned`, `hung-up`), in order.
    func events() throws -> [String] {
        try lines().map { try decoder.decode(Record.self, from: $0).event }
    }

    private func lines() throws -> [Data] {
        guard FileManager.default.fileExists(atPath: journal.path) else { return [] }
        let data = try Data(contentsOf: journal)
        return data.split(separator: UInt8(ascii: "\n")).map { Data($0) }
    }

    private var decoder: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return decoder
    }
}
