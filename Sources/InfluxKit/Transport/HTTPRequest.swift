/// One HTTP request to the server, relative to the client's base URL.
///
/// Visible to the package (as are ``HTTPResponseHead``, ``HTTPTransport`` and the client's
/// initializer taking one) so that the fuzz targets can play a peer.
package struct HTTPRequest: Sendable {
    /// The HTTP method.
    package enum Method: String, Sendable {
        case get = "GET"
        case post = "POST"
    }

    /// The HTTP method.
    package var method: Method
    /// The endpoint path, e.g. `/query`; the configured path prefix is added by the transport.
    package var path: String
    /// URL query parameters, in order; values are percent-encoded by the transport.
    var query: [(name: String, value: String)] = []
    /// Extra headers for this request only.
    var headers: [(name: String, value: String)] = []
    /// The request body (POST only).
    package var body: [UInt8]? = nil
    /// Whether the transport may gzip the body (when the client is configured for gzip).
    var compressible: Bool = false
    /// The time limit of this try, overriding the configured timeout; `nil` for the configured one.
    var timeLimit: TimeLimit? = nil
    /// Aborts the transfer with `.cancelled` once cancelled.
    var cancellation: RequestCancellation.Token? = nil
}

extension HTTPRequest {
    /// How long one try of a request may take.
    struct TimeLimit: Sendable, Equatable {
        /// The seconds this try may take: what is left of `total` after earlier tries.
        var left: Double
        /// The seconds the whole call may take, all tries together: what a timeout names.
        var total: Double
    }
}

/// The status line and headers of a response.
package struct HTTPResponseHead: Sendable, Equatable {
    /// The HTTP status code.
    package var status: Int
    /// Header values by lower-cased name.
    package var headers: [String: String]

    /// A head of `status` with `headers` (names lower-cased).
    package init(status: Int, headers: [String: String]) {
        self.status = status
        self.headers = headers
    }

    /// The server version InfluxDB sends on every response, `nil` when the peer is not InfluxDB.
    var influxDBVersion: String? { headers["x-influxdb-version"] }
}

/// Sends requests and streams response bodies; the client's only way to the network.
///
/// `perform` calls `onBody` zero or more times with consecutive pieces of the body, each time with
/// the response head (status and headers are complete before the first piece). An error thrown
/// by `onBody` aborts the transfer and is rethrown by `perform`.
package protocol HTTPTransport: AnyObject {
    func perform(
        _ request: HTTPRequest,
        onBody: (HTTPResponseHead, UnsafeRawBufferPointer) throws -> Void
    ) throws -> HTTPResponseHead
}
