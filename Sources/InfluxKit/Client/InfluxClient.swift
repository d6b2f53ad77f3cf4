import Dispatch
import FoundationEssentials

/// A client for one InfluxDB 1.x server (or the 1.x-compatible API of 2.x/3.x).
///
/// One client keeps one connection alive across requests. Calls are serialised internally, so a
/// client may be shared, but requests from several threads queue behind each other; use one
/// client per thread for parallel work. The connection and its libcurl handle are released by
/// ``close()`` or when the client is deallocated, whichever comes first.
public final class InfluxClient: @unchecked Sendable {
    /// The configuration the client was created with (database and user as last switched).
    public var configuration: ClientConfiguration { lock.withLock { current } }
    private var current: ClientConfiguration
    /// `nil` once closed; the next request opens a new one.
    private var transport: (any HTTPTransport)?
    private let makeTransport: (ClientConfiguration) throws -> any HTTPTransport
    private let lock = Condition()
    private let requestCancellation = RequestCancellation()
    /// What `/ping` said the server is, once asked.
    private var server: ServerInfo?
    /// Where the `async` methods run the blocking calls, off Swift's cooperative thread pool.
    let blockingQueue = DispatchQueue(label: "influxkit.client")

    /// Creates a client; no request is sent until the first call. Throws `.invalidArgument` for
    /// a configuration that ``ClientConfiguration/validate()`` refuses.
    public convenience init(configuration: ClientConfiguration) throws {
        try self.init(configuration: configuration, makeTransport: { try CurlTransport(configuration: $0) })
    }

    /// Creates a client from a data source name such as `influxdb://user:pass@host:8086/db`
    /// (influxdb-python's `from_dsn`); `configure` changes any other setting, or overrides what
    /// the DSN says. See ``ClientConfiguration/init(dsn:)`` for the accepted forms.
    public convenience init(
        dsn: String,
        configure: (inout ClientConfiguration) throws -> Void = { _ in }
    ) throws {
        var configuration = try ClientConfiguration(dsn: dsn)
        try configure(&configuration)
        try self.init(configuration: configuration)
    }

    /// Creates a client from the most common settings.
    public convenience init(
        host: String = "localhost",
        port: Int = 8086,
        username: String? = nil,
        password: String? = nil,
        database: String? = nil,
        ssl: Bool = false,
        verifySSL: Bool = true
    ) throws {
        var configuration = ClientConfiguration(
            host: host, port: port, ssl: ssl, username: username, password: password, database: database)
        configuration.verifySSL = verifySSL
        try self.init(configuration: configuration)
    }

    /// Creates a client over a given transport (tests and fuzz targets use a fake one).
    package init(
        configuration: ClientConfiguration,
        makeTransport: @escaping (ClientConfiguration) throws -> any HTTPTransport
    ) throws {
        try configuration.validate()
        self.current = configuration
        self.makeTransport = makeTransport
        self.transport = try makeTransport(configuration)
    }

    /// Creates a client whose connection is opened by its first request.
    private init(
        unopened configuration: ClientConfiguration,
        makeTransport: @escaping (ClientConfiguration) throws -> any HTTPTransport
    ) {
        self.current = configuration
        self.makeTransport = makeTransport
        self.transport = nil
    }

    /// A client with the same settings (as last switched) and a connection of its own, opened by
    /// its first request: for requests in parallel with this client's.
    func sibling() -> InfluxClient {
        lock.withLock { InfluxClient(unopened: current, makeTransport: makeTransport) }
    }

    /// Makes `database` the default of later queries and writes.
    public func switchDatabase(_ database: String?) {
        lock.withLock { current.database = database }
    }

    /// Uses other credentials from now on (the connection is re-established); throws
    /// `.invalidArgument` for a name or password that ``ClientConfiguration/validate()`` refuses.
    public func switchUser(_ username: String?, password: String?) throws {
        try lock.withLock {
            var changed = current
            changed.username = username
            changed.password = password
            try changed.validate()
            transport = try makeTransport(changed)
            current = changed
        }
    }

    /// Closes the connection and releases its libcurl handle now rather than when the client is
    /// deallocated (influxdb-python's `close()`).
    ///
    /// Closing twice does nothing. The client stays usable, as influxdb-python's does: a later
    /// call opens a new connection. A request in progress on another thread finishes first.
    public func close() {
        lock.withLock { transport = nil }
    }

    /// Aborts the request in progress, which then throws `InfluxError.cancelled`; does nothing
    /// when none is running. Safe to call from any thread, and from a signal handler.
    public func cancelCurrentRequest() {
        requestCancellation.cancel()
    }

    /// The version of the libcurl the library uses, as loaded at run time (`7.88.1`).
    public static var libcurlVersion: String { CurlTransport.libraryVersion }

    /// Pings the server and returns its version (`X-Influxdb-Version`; empty for a server that
    /// names none, such as VictoriaMetrics). See ``serverInfo()`` for what else it tells.
    @discardableResult
    public func ping() throws -> String {
        try serverInfo().version ?? ""
    }

    /// What the server said it is on `/ping` (see ``serverInfo()``).
    var learnedServer: ServerInfo? { lock.withLock { server } }

    /// Remembers what the server is, for the adaptations of later requests.
    func remember(_ info: ServerInfo) {
        lock.withLock { server = info }
    }

    /// Sends a request and collects a (small) body, keeping at most `bodyLimit` bytes of it;
    /// for requests whose answers are short.
    func send(_ request: HTTPRequest, bodyLimit: Int = errorBodyLimit) throws -> (HTTPResponseHead, [UInt8]) {
        var body = [UInt8]()
        let head = try perform(request) { _, bytes in
            if body.count < bodyLimit { body += bytes.prefix(bodyLimit - body.count) }
        }
        return (head, body)
    }

    /// Runs one request on the transport, serialised with every other call, and tells the
    /// configured observer about it.
    func perform(
        _ request: HTTPRequest,
        onBody: (HTTPResponseHead, UnsafeRawBufferPointer) throws -> Void
    ) throws -> HTTPResponseHead {
        let settings = configuration
        guard let observer = settings.requestObserver else {
            return try performLocked(request, onBody: onBody)
        }
        let start = DispatchTime.now().uptimeNanoseconds
        var received = 0
        var status: Int?
        func record(_ error: (any Error)?) {
            let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
            observer(RequestLog(
                method: request.method.rawValue, url: RequestLog.url(of: request, baseURL: settings.baseURL),
                status: status, requestBytes: request.body?.count ?? 0, responseBytes: received,
                milliseconds: elapsed, error: error.map { "\($0)" }))
        }
        do {
            let head = try performLocked(request) { head, bytes in
                status = head.status
                received += bytes.count
                try onBody(head, bytes)
            }
            status = head.status
            record(nil)
            return head
        } catch {
            record(error)
            throw error
        }
    }

    /// Runs one request on the transport (opened again after `close()`), under the lock.
    ///
    /// The request takes its cancellation token once it holds the lock: a
    /// ``cancelCurrentRequest()`` meant for the request in progress must not also cancel one
    /// still waiting for its turn. The token is also cancelled by the task of the `async` call
    /// that made the request, if any (``CallOptions``).
    private func performLocked(
        _ request: HTTPRequest,
        onBody: (HTTPResponseHead, UnsafeRawBufferPointer) throws -> Void
    ) throws -> HTTPResponseHead {
        try lock.withLock {
            var request = request
            request.cancellation = requestCancellation.token(call: CallOptions.current?.cancellation)
            let open = try transport ?? makeTransport(current)
            transport = open
            return try open.perform(request, onBody: onBody)
        }
    }

    /// How much of an error body is kept for the message.
    static let errorBodyLimit = 64 * 1024
}
