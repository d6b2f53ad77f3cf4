import FoundationEssentials

extension ClientConfiguration {
    /// Creates a configuration from a data source name, as influxdb-python's `from_dsn`.
    ///
    /// Accepted forms: `influxdb://user:pass@host:port/db`, `https+influxdb://…` (TLS) and
    /// `udp+influxdb://…` (sets `usesUDP`; the DSN's port stays the HTTP port, set `udpPort`
    /// separately). Every part after the scheme is optional: the host defaults to `localhost`,
    /// the port to 8086. The user name, password and database are percent-decoded, so a password
    /// holding `@`, `:` or `/` is written `%40`, `%3A`, `%2F`. An IPv6 address goes in brackets:
    /// `influxdb://[::1]:8086`. Other settings keep their defaults; change them on the result.
    ///
    /// Throws `.invalidArgument` for a malformed DSN; the message never repeats the DSN, so it
    /// cannot leak the password. Unlike influxdb-python, a list of several hosts is refused
    /// rather than reduced to its first host.
    public init(dsn: String) throws {
        self.init()
        guard let separator = dsn.firstRange(of: "://") else {
            throw Self.dsnError("must start with influxdb://, https+influxdb:// or udp+influxdb://")
        }
        switch dsn[..<separator.lowerBound].lowercased() {
        case "influxdb": break
        case "https+influxdb": usesSSL = true
        case "udp+influxdb": usesUDP = true
        default: throw Self.dsnError("has an unknown scheme (expected influxdb, https+influxdb or udp+influxdb)")
        }
        let rest = dsn[separator.upperBound...]
        guard !rest.contains("?"), !rest.contains("#") else {
            throw Self.dsnError("has a query string or fragment, which are not supported")
        }
        let authority = rest.prefix { $0 != "/" }
        let path = rest.dropFirst(authority.count).dropFirst()
        if !path.isEmpty {
            database = try Self.decoded(path, part: "database name")
        }

        var hostPort = authority[...]
        if let at = authority.lastIndex(of: "@") {
            let userInfo = authority[..<at]
            hostPort = authority[authority.index(after: at)...]
            let user = userInfo.prefix { $0 != ":" }
            let password = userInfo.dropFirst(user.count).dropFirst()
            if !user.isEmpty { username = try Self.decoded(user, part: "user name") }
            if !password.isEmpty { self.password = try Self.decoded(password, part: "password") }
        }
        let (host, port) = try Self.hostAndPort(hostPort)
        if !host.isEmpty { self.host = host }
        if let port { self.port = port }
    }

    /// Splits `host:port`, `[v6]:port` or either without the port.
    private static func hostAndPort(_ text: Substring) throws -> (host: String, port: Int?) {
        guard !text.contains(",") else { throw dsnError("lists several hosts; only one is supported") }
        var host: Substring
        var portText: Substring?
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]") else { throw dsnError("has a [ without ] around the host") }
            host = text[text.index(after: text.startIndex)..<close]
            let after = text[text.index(after: close)...]
            guard host.contains(":"), host.allSatisfy({ $0.isHexDigit || $0 == ":" || $0 == "." }) else {
                throw dsnError("has an invalid ipv6 address in brackets")
            }
            if !after.isEmpty {
                guard after.hasPrefix(":") else { throw dsnError("has text after the ] of the host") }
                portText = after.dropFirst()
            }
        } else {
            let parts = text.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
            guard parts.count <= 2 else { throw dsnError("has an ipv6 address without brackets or several ports") }
            host = parts[0]
            portText = parts.count == 2 ? parts[1] : nil
            guard host.allSatisfy({ $0.isLetter || $0.isNumber || "-._~".contains($0) }) else {
                throw dsnError("has characters that cannot be in a host name")
            }
        }
        guard let portText, !portText.isEmpty else { return (String(host), nil) }
        guard portText.allSatisfy({ $0.isASCII && $0.isNumber }), let port = Int(portText), (1...65535).contains(port) else {
            throw dsnError("has a port that is not a number from 1 to 65535")
        }
        return (String(host), port)
    }

    private static func decoded(_ text: Substring, part: String) throws -> String {
        guard let decoded = ServerURL.percentDecoded(text) else {
            throw dsnError("has an invalid percent-encoding in the \(part)")
        }
        return decoded
    }

    private static func dsnError(_ problem: String) -> InfluxError {
        .invalidArgument("the dsn \(problem)")
    }
}
