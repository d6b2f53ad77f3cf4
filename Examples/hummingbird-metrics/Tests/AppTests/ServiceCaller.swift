import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// A caller of the running service over HTTP, through Foundation's `URLSession` (part of the
/// toolchain, so it adds nothing to the build). Each call is a fresh request; the session opens
/// another connection when the service has closed the last one.
struct ServiceCaller: Sendable {
    /// An answer of the service: its status, `Content-Type` and body.
    struct Answer {
        var status: Int
        var contentType: String?
        var body: Data

        var text: String { String(decoding: body, as: UTF8.self) }

        /// The body as a JSON object.
        func jsonObject() throws -> [String: Any] {
            try #require(try JSONSerialization.jsonObject(with: body) as? [String: Any])
        }
    }

    /// The loopback port the service listens on.
    let port: Int
    private let session: URLSession = {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.timeoutIntervalForRequest = 60
        return URLSession(configuration: configuration)
    }()

    func get(_ path: String) async throws -> Answer {
        try await send(URLRequest(url: url(path)))
    }

    func post(_ path: String, json: String) async throws -> Answer {
        var request = URLRequest(url: try url(path))
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.httpBody = Data(json.utf8)
        return try await send(request)
    }

    private func url(_ path: String) throws -> URL {
        try #require(URL(string: "http://127.0.0.1:\(port)\(path)"), "not a URL path: \(path)")
    }

    private func send(_ request: URLRequest) async throws -> Answer {
        let (body, response) = try await session.data(for: request)
        let http = try #require(response as? HTTPURLResponse)
        return Answer(status: http.statusCode, contentType: http.value(forHTTPHeaderField: "Content-Type"), body: body)
    }
}
