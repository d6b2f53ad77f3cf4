import InfluxKit

extension InfluxError {
    /// The message the command prints: the library's short description, and for errors the user
    /// can fix with an option, which option.
    var messageWithHint: String {
        switch code {
        case .tls where Self.speaksPlainHTTP(message):
            return "\(description) (the server seems to speak plain http: use an http:// url, or leave out --ssl)"
        case .tls where message.lowercased().contains("certificate"):
            return "\(description) (trust its CA with --ca-cert FILE, or skip verification with --unsafe-ssl)"
        case .authentication where message.contains("authorization failed"):
            // influxd's answer to a user or password it does not know (none given: "unable to
            // parse authentication credentials").
            return "\(description) (the user name or the password is wrong)"
        case .notInfluxDB where status == 404, .notFound where message == "404 page not found":
            return "\(description) (nothing answers there as influxdb: is the path prefix of the url right?)"
        case .authentication:
            return "\(description) (give a user with -u and its password with -p, --password-stdin or INFLUX_PASSWORD, "
                + "or a token with --token or INFLUX_TOKEN and --auth-scheme for its form)"
        case .notFound where message.hasPrefix("database not found: "):
            var name = message.dropFirst("database not found: ".count)
            if name.count >= 2 && name.hasPrefix("\"") && name.hasSuffix("\"") { name = name.dropFirst().dropLast() }
            return "\(description) (create it with: influxkit db create \(Self.shellWord(String(name))))"
        default:
            return description
        }
    }

    /// `text` as one word for a POSIX shell: as it is when plain, else in single quotes.
    private static func shellWord(_ text: String) -> String {
        let plain = !text.isEmpty && text.unicodeScalars.allSatisfy {
            $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "_.-".unicodeScalars.contains($0))
        }
        return plain ? text : "'" + text.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "'\\''") + "'"
    }

    /// Whether OpenSSL's reason says the peer answered a TLS hello in plain text.
    private static func speaksPlainHTTP(_ reason: String) -> Bool {
        let lowered = reason.lowercased()
        return ["wrong version number", "packet length too long", "http request", "unknown protocol"].contains { lowered.contains($0) }
    }
}
