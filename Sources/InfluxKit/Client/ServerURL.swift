/// The parts of a `scheme://[user[:password]@]host[:port][/path]` address, percent-decoded
/// where they may be percent-encoded (user, password, path).
struct ServerURL: Equatable {
    var scheme: String
    var username: String?
    var password: String?
    var host: String
    var port: Int?
    /// The path without its leading `/`, empty when there is none.
    var path: String

    /// Splits `text`; only the first of a comma-separated list of hosts is kept (as
    /// influxdb-python does). A query string or fragment is refused.
    init(_ text: String) throws {
        guard let separator = text.firstRange(of: "://") else {
            throw InfluxError.invalidArgument("\(Self.safe(text)) has no scheme://")
        }
        scheme = text[..<separator.lowerBound].lowercased()
        var rest = Substring(text[separator.upperBound...])
        guard !rest.contains("?"), !rest.contains("#") else {
            throw InfluxError.invalidArgument("\(Self.safe(text)) has a query or fragment")
        }
        let authority = rest.prefix { $0 != "/" }
        rest = rest.dropFirst(authority.count).drop { $0 == "/" }
        path = try Self.decoded(rest)
        var hostPart = authority
        if let at = authority.lastIndex(of: "@") {
            let credentials = authority[..<at]
            hostPart = authority[authority.index(after: at)...]
            if let colon = credentials.firstIndex(of: ":") {
                username = try Self.decoded(credentials[..<colon])
                password = try Self.decoded(credentials[credentials.index(after: colon)...])
            } else {
                username = try Self.decoded(credentials)
            }
            if username?.isEmpty == true { username = nil }
        }
        hostPart = hostPart.prefix { $0 != "," }
        if hostPart.hasPrefix("["), let close = hostPart.firstIndex(of: "]") {
            host = String(hostPart[hostPart.index(after: hostPart.startIndex)..<close])
            hostPart = hostPart[hostPart.index(after: close)...]
            if hostPart.hasPrefix(":") { port = try Self.port(hostPart.dropFirst(), in: text) }
            else if !hostPart.isEmpty { throw InfluxError.invalidArgument("\(Self.safe(text)) has a bad host") }
        } else if let colon = hostPart.lastIndex(of: ":") {
            host = String(hostPart[..<colon])
            port = try Self.port(hostPart[hostPart.index(after: colon)...], in: text)
        } else {
            host = String(hostPart)
        }
        guard !host.isEmpty else { throw InfluxError.invalidArgument("\(Self.safe(text)) has no host") }
    }

    private static func port(_ text: Substring, in url: String) throws -> Int {
        guard let port = Int(text), (1...65535).contains(port) else {
            // `http://bob:Pa/ss@host` reads as host `bob`, port `Pa`, path `ss@host`: say why.
            let hint = url.contains("@") ? " (write a / in a user name or password as %2F)" : ""
            throw InfluxError.invalidArgument("\(safe(url)) has a bad port\(hint)")
        }
        return port
    }

    /// `text` without its user information, for messages: everything between `://` and the
    /// last `@` is left out, even when a `/` in a password (`http://bob:Pa/ss@host`) moves the
    /// `@` out of what parses as the authority.
    static func safe(_ text: String) -> String {
        guard let separator = text.firstRange(of: "://") else { return text.contains("@") ? "the address" : text }
        let rest = text[separator.upperBound...]
        guard let at = rest.lastIndex(of: "@") else { return text }
        return String(text[..<separator.upperBound]) + "…@" + String(rest[rest.index(after: at)...])
    }

    /// Percent-decodes `text`.
    static func decoded(_ text: Substring) throws -> String {
        guard let decoded = percentDecoded(text) else {
            throw InfluxError.invalidArgument("bad percent-encoding in an address")
        }
        return decoded
    }

    /// `text` with its `%XX` escapes decoded; `nil` when an escape is malformed or the result is
    /// not UTF-8.
    static func percentDecoded(_ text: Substring) -> String? {
        var bytes: [UInt8] = []
        var iterator = Array(text.utf8).makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "%") else { bytes.append(byte); continue }
            guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else {
                return nil
            }
            bytes.append(high << 4 | low)
        }
        return String(validating: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
