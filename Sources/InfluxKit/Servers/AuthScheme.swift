/// How a token is sent (``ClientConfiguration/token``).
///
/// InfluxDB 2.x takes `Authorization: Token T`, or HTTP Basic with the token as the password and
/// any user name; 3.x takes `Token` and `Bearer` alike, or Basic with the token as the password;
/// 1.x knows none of these for tokens (its `Bearer` means a JWT signed with its shared secret).
public enum AuthScheme: String, Sendable, CaseIterable {
    /// `Authorization: Token T` (the default; 2.x and 3.x).
    case token
    /// `Authorization: Bearer T` (3.x; not OSS 2.x).
    case bearer
    /// HTTP Basic with the token as the password and the configured user name, or `influxkit`.
    case basic
}

/// The credentials of every request, as a configuration asks for them.
enum Authorization: Equatable {
    /// No credentials.
    case none
    /// An `Authorization` header value.
    case header(String)
    /// HTTP Basic.
    case basic(user: String, password: String)
}

extension ClientConfiguration {
    /// The user name sent with a token given as a Basic password when none is configured.
    static let tokenUserName = "influxkit"

    /// How the transport authenticates: the token in its scheme, else user and password; nothing
    /// when an `Authorization` header is configured by hand (it is sent as it is).
    var authorization: Authorization {
        if headers.keys.contains(where: { $0.lowercased() == "authorization" }) { return .none }
        if let token {
            switch authScheme {
            case .token: return .header("Token \(token)")
            case .bearer: return .header("Bearer \(token)")
            case .basic: return .basic(user: username ?? Self.tokenUserName, password: token)
            }
        }
        if let username { return .basic(user: username, password: password ?? "") }
        return .none
    }
}
