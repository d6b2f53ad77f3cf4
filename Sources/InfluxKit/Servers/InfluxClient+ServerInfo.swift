extension InfluxClient {
    /// Asks `/ping` what the server is: InfluxDB 1.x, 2.x, 3.x, or another store that speaks the
    /// 1.x protocol (``ServerInfo/Kind/other``), with the version and build it reports.
    ///
    /// Credentials are sent with the ping (3.x requires them there; 2.x does not say it wants
    /// them), so an answer of 401 throws `.authentication`. The ping is a `GET` (InfluxDB 3 Cloud
    /// answers `HEAD` with 404). Throws `.notInfluxDB` for an answer that is evidently not from
    /// such a server (a proxy's HTML page). The answer is remembered: later writes and
    /// statements adapt to the server (see ``knownServer``).
    @available(*, noasync, message: "blocks the calling thread; use the async form")
    public func serverInfo() throws -> ServerInfo {
        let (head, body) = try sendRetrying(HTTPRequest(method: .get, path: "/ping"))
        guard (200..<300).contains(head.status) else {
            switch head.status {
            case 401:
                let credentials = configuration.token != nil || configuration.username != nil
                throw InfluxError.authentication(
                    message: credentials ? "the server refused the credentials on /ping" : "the server asks for credentials on /ping")
            case 403: throw InfluxError.authorization(message: "the server refused /ping")
            default: throw InfluxError.response(head, body: body)
            }
        }
        let info = try ServerInfo.detect(head, body: body)
        remember(info)
        return info
    }

    /// What the last ``serverInfo()`` or ``ping()`` found, `nil` before either.
    public var knownServer: ServerInfo? { learnedServer }

    /// The server's family, asking `/ping` once when not known yet; `nil` when the ping fails
    /// (callers then behave as for InfluxDB 1.x).
    func serverKind() -> ServerInfo.Kind? {
        if let known = learnedServer { return known.kind }
        return (try? serverInfo())?.kind
    }
}
