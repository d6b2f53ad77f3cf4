import InfluxKit

/// What `influxkit config show` prints: each connection setting, its value (secrets masked) and
/// where it came from: a flag, an `INFLUX_*` variable, the profile, or `default`.
struct ConnectionReport {
    /// One line: the setting, its value, its source (empty for the lines that only inform).
    typealias Row = (setting: String, value: String, source: String)

    let rows: [Row]

    init(_ resolved: ResolvedConnection, passwordStdin: Bool) {
        let configuration = resolved.configuration
        func source(_ setting: String) -> String { resolved.sources[setting] ?? "default" }
        func text(_ value: String?) -> String { value.map { $0.isEmpty ? "\"\"" : $0 } ?? "-" }
        var rows: [Row] = []
        if let (profile, file, chosenBy) = resolved.profile {
            rows.append(("profile", profile.name, chosenBy))
            rows.append(("config file", file, ""))
        } else {
            rows.append(("profile", "-", "none chosen"))
        }
        rows.append(("url", configuration.baseURL, ""))
        rows += [
            ("host", configuration.host, source("host")),
            ("port", String(configuration.port), source("port")),
            ("ssl", String(configuration.usesSSL), source("ssl")),
            ("path-prefix", text(configuration.pathPrefix.isEmpty ? nil : configuration.pathPrefix), source("path-prefix")),
            ("username", text(configuration.username), source("username")),
        ]
        rows.append(Self.secretRow("password", configuration.password, resolved, passwordStdin: passwordStdin))
        rows.append(Self.secretRow("token", configuration.token, resolved, passwordStdin: false))
        rows += [
            ("auth-scheme", configuration.token == nil && !Self.profileSecretIsToken(resolved) ? "-" : configuration.authScheme.rawValue, source("auth-scheme")),
            ("database", text(configuration.database), source("database")),
            ("retention-policy", text(configuration.retentionPolicy), source("retention-policy")),
            ("ca-cert", text(configuration.caFile), source("ca-cert")),
            ("client-cert", text(configuration.clientCertificate), source("client-cert")),
            ("client-key", text(configuration.clientKey), source("client-key")),
            ("timeout", configuration.timeout.map { "\($0)" } ?? "none", source("timeout")),
            ("retries", String(configuration.retries), source("retries")),
            ("gzip", String(configuration.usesGzip), source("gzip")),
            ("precision", resolved.precision?.rawValue ?? "rfc3339", source("precision")),
            ("format", resolved.format?.defaultValueDescription ?? "column", source("format")),
        ]
        self.rows = rows
    }

    /// A secret's row: masked when set, the profile's command or file when it would give it.
    private static func secretRow(_ setting: String, _ value: String?, _ resolved: ResolvedConnection, passwordStdin: Bool) -> Row {
        if passwordStdin { return (setting, "(read from standard input)", "--password-stdin") }
        if value != nil { return (setting, "********", resolved.sources[setting] ?? "default") }
        guard resolved.usesProfileSecret, let profile = resolved.profile?.profile,
              (setting == "token") == (profile.authScheme != nil) else { return (setting, "-", "default") }
        let how = profile.passwordCommand.map { "(password-command: \($0))" } ?? "(password-file: \(profile.passwordFile ?? ""))"
        return (setting, how, "profile \(profile.name)")
    }

    private static func profileSecretIsToken(_ resolved: ResolvedConnection) -> Bool {
        resolved.usesProfileSecret && resolved.profile?.profile.authScheme != nil
    }
}
