import Dispatch
import FoundationEssentials

/// A client for one InfluxDB 1.x server (or the 1.x-compatible API of 2.x/3.x).
///
/// A client may be shared by any number of threads and tasks. It keeps a pool of up to
/// ``ClientConfiguration/poolSize`` connections (libcurl handles), each kept alive across
/// requests: that many requests run at once, and more wait for a free connection. The
/// connections are released by ``close()``, ``shutdown()`` or when the client is deallocated,
/// whichever comes first.
public final class InfluxClient: @unchecked Sendable {
    /// The configuration the client was created with (database and user as last switched).
    public var configuration: ClientConfiguration { lock.withLock { current } }
    private var current: ClientConfiguration
    /// Connections no request is using.
    private var idle: [any HTTPTransport] = []
    /// Connections taken by requests in progress.
    private var busy = 0
    /// Counts `close()` and `switchUser`: a connection taken before them is not reused after.
    private var generation = 0
    private let makeTransport: (ClientConfiguration) throws -> any HTTPTransport
    /// Guards the state above; held only for moments, never during a transfer.
    private let lock = Condition()
    private let requestCancellation = RequestCancellation()
    /// What `/ping` said the server is, once asked.
    private var server: ServerInfo?
    /// Where the `async` methods run the blocking calls, off Swift's cooperative thread pool;
    /// concurrent, so that calls run in parallel up to the pool's size.
    let blockingQueue = DispatchQueue(label: "influxkit.client", attributes: .concurrent)

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
        usesSSL: Bool = false,
        verifiesCertificates: Bool = true
    ) throws {
        var configuration = ClientConfiguration(
            host: host, port: port, usesSSL: usesSSL, username: username, password: password, database: database)
        configuration.verifiesCertificates = verifiesCertificates
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
        self.idle = [try makeTransport(configuration)]
    }

    /// Creates a client whose connection is opened by its first request.
    private init(
        unopened configuration: ClientConfiguration,
        makeTransport: @escaping (ClientConfiguration) throws -> any HTTPTransport
    ) {
        self.current = configuration
        self.makeTransport = makeTransport
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
            idle = [try makeTransport(changed)]
            generation += 1
            current = changed
        }
    }

    /// Closes the connections and releases their libcurl handles now rather than when the client
    /// is deallocated (influxdb-python's `close()`).
    ///
    /// Closing twice does nothing. The client stays usable, as influxdb-python's does: a later
    /// call opens a new connection. A request in progress goes on, and its connection is closed
    /// when it ends.
    public func close() {
        lock.withLock {
            idle.removeAll()
            generation += 1
        }
    }

    /// Waits until no request is in progress, then closes the connections: what a server calls
    /// before it exits. Requests started later open new connections.
    @available(*, noasync, message: "blocks the calling thread; use the async form")
    public func shutdown() {
        lock.withLock {
            while busy > 0 { lock.wait() }
            idle.removeAll()
            generation += 1
        }
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
    @available(*, noasync, message: "blocks the calling thread; use the async form")
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

    /// Runs one request on a connection of the pool, and tells the configured observer about it.
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

    /// Runs one request on a connection taken from the pool (a new one when none is idle and
    /// the pool is not full), which goes back to the pool afterwards.
    ///
    /// The request takes its cancellation token once it has its connection: a
    /// ``cancelCurrentRequest()`` meant for the requests in progress must not also cancel one
    /// still waiting for its turn. The token is also cancelled by the task of the `async` call
    /// that made the request, if any (``CallOptions``).
    private func performLocked(
        _ request: HTTPRequest,
        onBody: (HTTPResponseHead, UnsafeRawBufferPointer) throws -> Void
    ) throws -> HTTPResponseHead {
        let (connection, taken) = try checkOut()
        defer { checkIn(connection, taken: taken) }
        var request = request
        request.cancellation = requestCancellation.token(call: CallOptions.current?.cancellation)
        return try Self.$connectionsHeld.withValue(Self.connectionsHeld + 1) {
            try connection.perform(request, onBody: onBody)
        }
    }

    /// How many connections of any client the requests running on this thread hold: a
    /// request made from inside another's callback holds more than one.
    @TaskLocal private static var connectionsHeld = 0

    /// Takes a connection, waiting while the pool is full; throws instead of waiting when this
    /// thread already holds a connection (a call from inside a callback), which could wait for
    /// itself forever.
    private func checkOut() throws -> (any HTTPTransport, generation: Int) {
        try lock.withLock {
            while idle.isEmpty && busy >= current.poolSize {
                if Self.connectionsHeld > 0 {
                    throw InfluxError.invalidArgument(
                        "every connection of the pool (poolSize \(current.poolSize)) is in use, one by the calling request: "
                            + "a call from inside a callback needs a larger poolSize")
                }
                lock.wait()
            }
            let connection = try idle.popLast() ?? makeTransport(current)
            busy += 1
            return (connection, generation)
        }
    }

    /// Returns a connection to the pool, unless the pool was closed or its user switched since
    /// it was taken.
    private func checkIn(_ connection: any HTTPTransport, taken: Int) {
        lock.withLock {
            busy -= 1
            if taken == generation { idle.append(connection) }
            lock.broadcast()
        }
    }

    /// How much of an error body is kept for the message.
    static let errorBodyLimit = 64 * 1024
}
