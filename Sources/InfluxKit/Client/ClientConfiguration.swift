/// How a client reaches and authenticates to the server.
///
/// TLS certificates are verified unless `verifiesCertificates` is false (influxdb-python's
/// `verify_ssl` defaults to not verifying; InfluxKit deliberately differs).
///
/// The influxdb-python names of the renamed settings (`ssl`, `verifySSL`, `gzip`, `useUDP`) remain
/// as deprecated aliases (`ClientConfiguration+InfluxDBPythonNames.swift`).
public struct ClientConfiguration: Sendable {
    /// Host name or address.
    public var host: String = "localhost"
    /// HTTP(S) port.
    public var port: Int = 8086
    /// Whether requests use HTTPS (influxdb-python's `ssl`).
    public var usesSSL: Bool = false
    /// Whether the server's TLS certificate and host name are verified (influxdb-python's
    /// `verify_ssl`, which defaults to false).
    public var verifiesCertificates: Bool = true
    /// A PEM file of CA certificates to trust instead of the system's.
    public var caFile: String?
    /// A PEM client certificate (mTLS); may also hold the key.
    public var clientCertificate: String?
    /// The PEM private key of `clientCertificate`, when it is a separate file.
    public var clientKey: String?
    /// A URL path prefix for servers behind a reverse proxy, e.g. `/influx`.
    public var pathPrefix: String = ""
    /// User name for HTTP Basic authentication.
    public var username: String?
    /// Password for HTTP Basic authentication.
    public var password: String?
    /// A token for InfluxDB 2.x/3.x's 1.x-compatible API, sent as `authScheme` says.
    public var token: String?
    /// How `token` is sent: `Authorization: Token`, `Bearer`, or as a Basic password.
    public var authScheme: AuthScheme = .token
    /// The default database of queries and writes.
    public var database: String?
    /// The default retention policy of writes and queries (`nil`: the database's default).
    public var retentionPolicy: String?
    /// Extra headers sent with every request.
    public var headers: [String: String] = [:]
    /// A proxy URL such as `http://proxy:3128`, used for every host; `""` for none, whatever
    /// the environment says; `nil`: the `http_proxy`, `https_proxy`, `ALL_PROXY` and `no_proxy`
    /// environment variables apply, as libcurl reads them. A proxy for plain http sees every
    /// request, credentials included.
    public var proxy: String?
    /// Seconds to wait for the connection to be established.
    public var connectTimeout: Double = 10
    /// Seconds a whole request may take, all its tries together: 120 by default, so that no
    /// call waits forever. Set `nil` for no limit (long chunked queries and exports), in which
    /// case ``idleTimeout`` still cuts a transfer that stalls. The `async` methods take a
    /// `timeout` of their own for one call.
    public var timeout: Double? = ClientConfiguration.defaultTimeout
    /// Seconds a transfer may go on without moving a byte (less than one byte a second over
    /// that time, counting both directions) before it fails with `.timeout`, so that a server
    /// that accepts and never answers, or trickles, cannot hold a request until ``timeout``
    /// (or forever, without one); `nil` turns it off.
    public var idleTimeout: Double? = 60
    /// The most bytes one object of a `/query` answer may have (one chunk, or the whole of an
    /// answer that is not chunked), after gunzipping: a longer one fails with
    /// `.malformedResponse` instead of growing without bound. Lower `chunkSize` for rows too
    /// wide to fit.
    public var maximumObjectBytes: Int = QueryResponseDecoder.defaultMaximumObjectBytes
    /// Whether request bodies are gzipped and gzip responses asked for (influxdb-python's `gzip`).
    public var usesGzip: Bool = false
    /// The `User-Agent` header.
    public var userAgent: String = "influxkit/0.1"
    /// How many times a request that failed for a transient reason (connect error, timeout,
    /// 5xx, 429) is tried again (influxdb-python's `retries`, default 3; 0 tries once).
    ///
    /// Writes and pings are retried; queries only while nothing of the answer has arrived.
    /// `timeout`, when set, bounds all tries together. See ``RetryPolicy``.
    public var retries: Int = 3
    /// Seconds to wait before the first retry; doubled for each next one (with jitter).
    public var retryBaseDelay: Double = 0.1
    /// The longest wait between two tries, in seconds; a `Retry-After` asking for more ends the retries.
    public var retryMaxDelay: Double = 10
    /// Send `writePoints` to the server's UDP listener on `udpPort` instead of over HTTP
    /// (influxdb-python's `use_udp`). See ``InfluxClient/sendPacket(lines:)``.
    ///
    /// Only `writePoints` changes; queries, `write(lines:)` and everything else use HTTP.
    public var usesUDP: Bool = false
    /// The server's UDP port (influxdb-python's `udp_port`), separate from the HTTP `port`.
    public var udpPort: Int = 4444
    /// The largest datagram sent to the UDP listener, in bytes: 65,507 by default, the most a
    /// UDP datagram over IPv4 can carry (65,535 less the 8-byte UDP and 20-byte IPv4 headers).
    ///
    /// Lines are packed into datagrams up to this size and never split; a line longer than this
    /// is refused. Lower it when a network on the way drops fragmented datagrams (for example
    /// to 1,472 for an Ethernet MTU of 1,500 without fragmentation).
    public var maxDatagramSize: Int = 65_507
    /// The most connections a client keeps, and so the most requests it runs at once
    /// (influxdb-python's `pool_size`); more wait for a free one. At least 1.
    public var poolSize: Int = 10
    /// Hears of every request once it has finished or failed (for request logs such as
    /// `influxkit --verbose`). It runs on the thread that sent the request; it is never given
    /// credentials.
    public var requestObserver: (@Sendable (RequestLog) -> Void)?

    /// The default of ``timeout``: two minutes.
    public static let defaultTimeout: Double = 120

    /// Creates a configuration; every property keeps its default unless set.
    public init(
        host: String = "localhost",
        port: Int = 8086,
        usesSSL: Bool = false,
        username: String? = nil,
        password: String? = nil,
        database: String? = nil
    ) {
        self.host = host
        self.port = port
        self.usesSSL = usesSSL
        self.username = username
        self.password = password
        self.database = database
    }

    /// The base URL without credentials, e.g. `https://db.example:8086/influx`.
    public var baseURL: String {
        let hostPart = host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
        var prefix = pathPrefix
        while prefix.hasSuffix("/") { prefix.removeLast() }
        if !prefix.isEmpty && !prefix.hasPrefix("/") { prefix = "/" + prefix }
        return "\(usesSSL ? "https" : "http")://\(hostPart):\(port)\(prefix)"
    }
}
