import Glibc
import InfluxKit
import InfluxShell

/// A connection's settings gathered from their four places, each remembering where it came
/// from. Layers are applied from the weakest up: the built-in defaults, the profile, the
/// `INFLUX_*` variables, the flags; a later layer's value replaces an earlier one's, setting by
/// setting. A URL sets host, port, ssl and path prefix at once, at its own layer.
struct ResolvedConnection {
    /// The configuration so far; the command line's default is no total time limit (the
    /// library's idle limit still applies), unlike the library's default deadline.
    var configuration = { var base = ClientConfiguration(); base.timeout = nil; return base }()
    /// The profile in use, and what chose it (`--profile`, `INFLUX_PROFILE`, the file's default).
    private(set) var profile: (profile: Profile, file: String, chosenBy: String)?
    /// Output format and precision: the profile's, for commands that print results.
    private(set) var format: QueryFormat?
    private(set) var precision: Precision?
    /// Where each setting came from; a setting not here has its default.
    private(set) var sources: [String: String] = [:]

    /// Sets `setting` to `value` when there is one, noting `source`.
    mutating func set<Value>(_ setting: String, _ keyPath: WritableKeyPath<ClientConfiguration, Value>, _ value: Value?, from source: String) {
        guard let value else { return }
        configuration[keyPath: keyPath] = value
        sources[setting] = source
    }

    /// Sets an optional setting to `value` when there is one, noting `source`.
    mutating func set<Value>(_ setting: String, _ keyPath: WritableKeyPath<ClientConfiguration, Value?>, _ value: Value?, from source: String) {
        guard let value else { return }
        configuration[keyPath: keyPath] = value
        sources[setting] = source
    }

    /// Sets scheme, host, port and path prefix from `url`.
    mutating func setServerURL(_ url: String, from source: String) throws {
        try configuration.setServerURL(url)
        for setting in ["host", "port", "ssl", "path-prefix"] { sources[setting] = source }
    }

    /// Bounds the time of a request (and of connecting) to `seconds`.
    mutating func setTimeout(_ seconds: Double?, from source: String) {
        guard let seconds else { return }
        configuration.limitTime(to: seconds)
        sources["timeout"] = source
    }

    /// Notes that flags of the transport options set these settings.
    mutating func note(_ settings: [String], from source: (String) -> String) {
        for setting in settings { sources[setting] = source(setting) }
    }

    /// The profile's layer.
    mutating func apply(_ profile: Profile, file: String, chosenBy: String) throws {
        self.profile = (profile, file, chosenBy)
        let source = "profile \(profile.name)"
        set("host", \.host, profile.host, from: source)
        set("port", \.port, profile.port, from: source)
        set("ssl", \.usesSSL, profile.ssl, from: source)
        if let url = profile.url { try setServerURL(url, from: source) }
        set("username", \.username, profile.username, from: source)
        set("database", \.database, profile.database, from: source)
        set("retention-policy", \.retentionPolicy, profile.retentionPolicy, from: source)
        set("ca-cert", \.caFile, profile.caCert, from: source)
        set("client-cert", \.clientCertificate, profile.clientCert, from: source)
        set("client-key", \.clientKey, profile.clientKey, from: source)
        setTimeout(profile.timeout, from: source)
        set("retries", \.retries, profile.retries, from: source)
        set("gzip", \.usesGzip, profile.gzip, from: source)
        set("auth-scheme", \.authScheme, profile.authScheme, from: source)
        format = profile.format
        precision = profile.precision
        if profile.format != nil { sources["format"] = source }
        if profile.precision != nil { sources["precision"] = source }
    }

    /// The `INFLUX_*` variables' layer.
    mutating func applyEnvironment(_ environment: [String: String]) throws {
        set("host", \.host, environment["INFLUX_HOST"], from: "INFLUX_HOST")
        if let text = environment["INFLUX_PORT"] {
            guard let port = Int(text), SettingLimits.ports.contains(port) else {
                throw UsageFailure("INFLUX_PORT must be a port number between 1 and 65535")
            }
            set("port", \.port, port, from: "INFLUX_PORT")
        }
        set("database", \.database, environment["INFLUX_DATABASE"], from: "INFLUX_DATABASE")
        set("username", \.username, environment["INFLUX_USERNAME"], from: "INFLUX_USERNAME")
        set("password", \.password, environment["INFLUX_PASSWORD"], from: "INFLUX_PASSWORD")
        set("token", \.token, environment["INFLUX_TOKEN"], from: "INFLUX_TOKEN")
    }

    /// Whether the profile's secret is the one to use: it has one, no other layer gave a
    /// password or token, and the user name is still the profile's (or none).
    var usesProfileSecret: Bool {
        guard let profile, profile.profile.hasSecret else { return false }
        let profileSource = "profile \(profile.profile.name)"
        return configuration.password == nil && configuration.token == nil
            && (sources["username"] == nil || sources["username"] == profileSource)
    }

    /// Reads the profile's secret (runs its command) when it is the one to use: the password,
    /// or the token when the profile gives an `auth-scheme`.
    mutating func fetchProfileSecret() throws {
        guard usesProfileSecret, let profile = profile?.profile, let secret = try ProfileSecret.read(for: profile) else { return }
        let setting = profile.authScheme == nil ? "password" : "token"
        let source = "profile \(profile.name) (\(profile.passwordCommand != nil ? "password-command" : "password-file"))"
        set(setting, profile.authScheme == nil ? \.password : \.token, secret, from: source)
    }

    /// Refuses TLS files of the profile that do not exist (the flags' are checked as they are parsed).
    func checkProfileFiles() throws {
        guard let profile else { return }
        let files = [("ca-cert", configuration.caFile), ("client-cert", configuration.clientCertificate), ("client-key", configuration.clientKey)]
        for (setting, path) in files where sources[setting] == "profile \(profile.profile.name)" {
            if let path, access(path, F_OK) != 0 {
                throw UsageFailure("\(setting) \(path) of profile '\(profile.profile.name)' (\(profile.file)): the file does not exist")
            }
        }
    }
}
