import InfluxKit
import InfluxShell

/// One table of the config file: a named connection, every setting optional.
///
/// A profile never holds a secret itself: the password (or token, when `auth-scheme` is set)
/// comes from `password-command` or `password-file`, read each time a command connects with it
/// (unless a flag or variable gives the password or token).
struct Profile {
    /// The table's name.
    var name: String
    var url: String?
    var host: String?
    var port: Int?
    var ssl: Bool?
    var username: String?
    var database: String?
    var retentionPolicy: String?
    /// Output precision of `query` (`--epoch`) and the shell (`--precision`).
    var precision: Precision?
    /// Output format of `query` and the shell (`lp` is for `query` only).
    var format: QueryFormat?
    var caCert: String?
    var clientCert: String?
    var clientKey: String?
    var timeout: Double?
    var retries: Int?
    var gzip: Bool?
    /// How the secret is sent: as a token in this scheme; without it the secret is the password.
    var authScheme: AuthScheme?
    var passwordCommand: String?
    var passwordFile: String?

    init(name: String) {
        self.name = name
    }

    /// The keys a profile table may hold, in the order `config add` writes them.
    static let keys = [
        "url", "host", "port", "ssl", "username", "database", "retention-policy", "precision", "format",
        "ca-cert", "client-cert", "client-key", "timeout", "retries", "gzip", "auth-scheme",
        "password-command", "password-file",
    ]

    /// Whether a secret is configured.
    var hasSecret: Bool { passwordCommand != nil || passwordFile != nil }
}

extension Profile {
    /// The server, as `config list` shows it: the URL, or the host and port with defaults.
    var server: String {
        if let url { return url }
        let scheme = ssl == true ? "https" : "http"
        return "\(scheme)://\(host ?? "localhost"):\(port ?? 8086)"
    }
}
