import InfluxKit

extension InfluxError {
    /// The message the command prints: the library's short description, and for errors the user
    /// can fix with an option, which option.
    var messageWithHint: String {
        switch code {
        case .tls where message.lowercased().contains("certificate"):
            return "\(description) (trust its CA with --ca-cert FILE, or skip verification with --unsafe-ssl)"
        case .authentication:
            return "\(description) (give a user with -u and its password with -p, --password-stdin or INFLUX_PASSWORD, "
                + "or a token with --token or INFLUX_TOKEN and --auth-scheme for its form)"
        default:
            return description
        }
    }
}
