import ArgumentParser
import InfluxKit

/// The settings `influxkit config add` writes into a new profile, named as the keys of the file.
struct ProfileOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Server URL, http or https with an optional path prefix.", valueName: "url"))
    var url: String?

    @Option(help: ArgumentHelp("Server host name or address.", valueName: "host"))
    var host: String?

    @Option(help: ArgumentHelp("Server HTTP port.", valueName: "port"))
    var port: Int?

    @Flag(help: "Use HTTPS.")
    var ssl = false

    @Option(name: .shortAndLong, help: ArgumentHelp("User name.", valueName: "name"))
    var username: String?

    @Option(name: .shortAndLong, help: ArgumentHelp("Database.", valueName: "name"))
    var database: String?

    @Option(help: ArgumentHelp("Retention policy of queries and writes.", valueName: "name"))
    var rp: String?

    @Option(help: ArgumentHelp("Output precision of query and shell: ns, u, ms, s, m, h.", valueName: "unit"))
    var precision: Precision?

    @Option(help: ArgumentHelp("Output format of query and shell (lp: query only).", valueName: "format"))
    var format: QueryFormat?

    @OptionGroup var files: TLSFileOptions

    @Option(help: ArgumentHelp("Seconds a request may take.", valueName: "seconds"))
    var timeout: Double?

    @Option(help: ArgumentHelp("Times to retry a request that could not reach the server.", valueName: "n"))
    var retries: Int?

    @Flag(help: "Gzip request bodies and ask for gzip answers.")
    var gzip = false

    @Option(help: ArgumentHelp("Send the secret as a token in this scheme (token, bearer, basic) instead of as the password.", valueName: "scheme"))
    var authScheme: AuthScheme?

    @Option(help: ArgumentHelp("Command that prints the password (or token) on its first line; run without a shell when connecting.", valueName: "command"))
    var passwordCommand: String?

    @Option(help: ArgumentHelp("File whose first line is the password (or token); must have mode 0600.", valueName: "file"), completion: .file())
    var passwordFile: String?

    /// Checks what the file would refuse, before anything is written.
    func check() throws {
        if passwordCommand != nil && passwordFile != nil { throw ValidationError("give --password-command or --password-file, not both") }
        if let port, !SettingLimits.ports.contains(port) { throw ValidationError("--port must be between 1 and 65535") }
        if let timeout, !SettingLimits.isTimeout(timeout) { throw ValidationError("--timeout must be a positive number of seconds, at most 31536000") }
        if let retries, retries < 0 { throw ValidationError("--retries must not be negative") }
        if let url {
            var check = ClientConfiguration()
            do { try check.setServerURL(url) } catch { throw ValidationError("--url: \(error)") }
        }
        if let passwordFile {
            do { try ProfileSecret.checkMode(of: passwordFile, profile: "new") } catch let failure as UsageFailure { throw ValidationError(failure.description) }
        }
    }

    /// The `key = value` lines of the profile's table, in the order of ``Profile/keys``.
    var lines: [(key: String, value: String)] {
        let quoted = ConfigText.quoted
        let values: [(String, String?)] = [
            ("url", url.map(quoted)), ("host", host.map(quoted)), ("port", port.map(String.init)),
            ("ssl", ssl ? "true" : nil), ("username", username.map(quoted)), ("database", database.map(quoted)),
            ("retention-policy", rp.map(quoted)), ("precision", precision.map { quoted($0.rawValue) }),
            ("format", format.map { quoted($0.defaultValueDescription) }), ("ca-cert", files.caCert.map(quoted)),
            ("client-cert", files.clientCert.map(quoted)), ("client-key", files.clientKey.map(quoted)),
            ("timeout", timeout.map { "\($0)" }), ("retries", retries.map(String.init)), ("gzip", gzip ? "true" : nil),
            ("auth-scheme", authScheme.map { quoted($0.rawValue) }), ("password-command", passwordCommand.map(quoted)),
            ("password-file", passwordFile.map(quoted)),
        ]
        return values.compactMap { key, value in value.map { (key, $0) } }
    }
}
