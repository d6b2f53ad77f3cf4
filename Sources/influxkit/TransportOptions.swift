import ArgumentParser
import FoundationEssentials
import InfluxKit
import InfluxShell

/// How connections are made, whatever the server: TLS trust, proxy, time limits, retries, gzip
/// and the request log. Part of every command's connection options, and shared by both servers
/// of `copy`.
struct TransportOptions: ParsableArguments {
    @Flag(help: "Do not verify the server's TLS certificate (prints a warning).")
    var unsafeSsl = false

    @OptionGroup var files: TLSFileOptions

    @Option(help: ArgumentHelp(
        "Connect through this proxy (http://[user:password@]host:port). Without it, http_proxy, https_proxy and ALL_PROXY from the environment are used (except for hosts in NO_PROXY), and a proxy for plain http sees the credentials; -v shows the proxy.",
        valueName: "url"))
    var proxy: String?

    @Flag(help: "Connect directly, whatever http_proxy, https_proxy or ALL_PROXY say.")
    var noProxy = false

    @Option(help: ArgumentHelp("Seconds a request may take (default: no limit, but 60 without a byte end it; connecting: 10).", valueName: "seconds"))
    var timeout: Double?

    @Option(help: ArgumentHelp("Times to retry a request that could not reach the server.", valueName: "n"))
    var retries: Int?

    @Flag(help: "Gzip request bodies and ask for gzip answers.")
    var gzip = false

    @Flag(name: .shortAndLong, help: "Log every request on standard error (method, URL, status, bytes, time), credentials left out.")
    var verbose = false

    func validate() throws {
        if let timeout, !SettingLimits.isTimeout(timeout) {
            throw ValidationError("--timeout must be a positive number of seconds, at most 31536000 (a year)")
        }
        if let retries, retries < 0 { throw ValidationError("--retries must not be negative") }
        if noProxy && proxy != nil { throw ValidationError("give --proxy or --no-proxy, not both") }
        if let proxy, proxy.isEmpty { throw ValidationError("--proxy needs a url (--no-proxy connects directly)") }
    }

    /// Sets these options in `configuration`, whose server and credentials are already set
    /// (only those given: a profile's stay otherwise); core dumps are turned off when it holds a
    /// secret, and with `-v` the proxy in use is said.
    func apply(to configuration: inout ClientConfiguration, environment: [String: String]) {
        if unsafeSsl { configuration.verifiesCertificates = false }
        if let caCert = files.caCert { configuration.caFile = caCert }
        if let clientCert = files.clientCert { configuration.clientCertificate = clientCert }
        if let clientKey = files.clientKey { configuration.clientKey = clientKey }
        if let timeout { configuration.limitTime(to: timeout) }
        if let retries { configuration.retries = retries }
        if gzip { configuration.usesGzip = true }
        if configuration.password != nil || configuration.token != nil { CoreDumps.disable() }
        // An empty proxy makes libcurl ignore the environment's.
        if noProxy { configuration.proxy = "" } else if let proxy { configuration.proxy = proxy }
        if verbose {
            configuration.requestObserver = Diagnostics.log
            if let line = ProxyReport.line(for: configuration, environment: environment) { Diagnostics.error(line) }
        }
    }

    /// The settings these flags gave, as `config show` names them.
    var givenSettings: [String] {
        let given: [(String, Bool)] = [
            ("ca-cert", files.caCert != nil), ("client-cert", files.clientCert != nil), ("client-key", files.clientKey != nil),
            ("timeout", timeout != nil), ("retries", retries != nil), ("gzip", gzip),
        ]
        return given.filter(\.1).map(\.0)
    }
}
