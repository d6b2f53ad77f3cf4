/// What one request did, as told to ``ClientConfiguration/requestObserver``.
///
/// The URL never holds credentials: user and password travel in a header, and query
/// parameters that could hold secrets (`u`, `p`, `token`) are replaced by `REDACTED`.
public struct RequestLog: Sendable, Equatable {
    /// `GET` or `POST`.
    public var method: String
    /// The URL without credentials, e.g. `http://localhost:8086/query?db=metrics`.
    public var url: String
    /// The HTTP status, `nil` when no answer came (connection failure, timeout).
    public var status: Int?
    /// Bytes of the request body as given (before any gzip).
    public var requestBytes: Int
    /// Bytes of the response body as received (after any gzip).
    public var responseBytes: Int
    /// Milliseconds from sending to the end of the answer.
    public var milliseconds: Double
    /// Why the request failed, when it did.
    public var error: String?

    /// Creates a record.
    public init(
        method: String, url: String, status: Int?, requestBytes: Int, responseBytes: Int,
        milliseconds: Double, error: String? = nil
    ) {
        self.method = method
        self.url = url
        self.status = status
        self.requestBytes = requestBytes
        self.responseBytes = responseBytes
        self.milliseconds = milliseconds
        self.error = error
    }

    /// The query parameters whose values are never shown.
    static let secretParameters: Set<String> = ["u", "p", "token", "password"]

    /// The URL of `request` under `baseURL`, with secret parameters redacted.
    static func url(of request: HTTPRequest, baseURL: String) -> String {
        guard !request.query.isEmpty else { return baseURL + request.path }
        let query = request.query.map { parameter in
            let value = secretParameters.contains(parameter.name) ? "REDACTED" : percentEncoded(parameter.value)
            return "\(parameter.name)=\(value)"
        }
        return baseURL + request.path + "?" + query.joined(separator: "&")
    }
}
