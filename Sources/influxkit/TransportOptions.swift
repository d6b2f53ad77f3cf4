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

    @Option(help: ArgumentHelp("PEM file of CA certificates to trust.", valueName: "file"))
    var caCert: String?

    @Option(help: ArgumentHelp("PEM client certificate (mTLS).", valueName: "file"))
    var clientCert: String?

    @Option(help: ArgumentHelp("PEM private key of --client-cert.", valueName: "file"))
    var clientKey: String?

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
        // Finite and bounded (a year): `inf` once passed `> 0` and trapped when made milliseconds.
        if let timeout, !(timeout > 0 && timeout <= 31_536_000) {
            throw ValidationError("--timeout must be a positive number of seconds, at most 31536000 (a year)")
        }
        if let retries, retries < 0 { throw ValidationError("--retries must not be negative") }
        if clientKey != nil && clientCert == nil { throw ValidationError("--client-key needs --client-cert") }
        if noProxy && proxy != nil { throw ValidationError("give --proxy or --no-proxy, not both") }
        if let proxy, proxy.isEmpty { throw ValidationError("--proxy needs a url (--no-proxy connects directly)") }
    }

    /// Sets these options in `configuration`, whose server and credentials are already set:
    /// core dumps are turned off when it holds a secret, and with `-v` the proxy in use is said.
    func apply(to configuration: inout ClientConfiguration, environment: [String: String]) {
        configuration.verifySSL = !unsafeSsl
        configuration.caFile = caCert
        configuration.clientCertificate = clientCert
        configuration.clientKey = clientKey
        // No total limit unless --timeout gives one; the library's idle limit applies only
        // without it.
        configuration.timeout = timeout
        if let timeout {
            configuration.idleTimeout = nil
            configuration.connectTimeout = min(configuration.connectTimeout, timeout)
        }
        if let retries { configuration.retries = retries }
        configuration.gzip = gzip
        if configuration.password != nil || configuration.token != nil { CoreDumps.disable() }
        // An empty proxy makes libcurl ignore the environment's.
        if noProxy { configuration.proxy = "" } else if let proxy { configuration.proxy = proxy }
        if verbose {
            configuration.requestObserver = Diagnostics.log
            if let line = ProxyReport.line(for: configuration, environment: environment) { Diagnostics.error(line) }
        }
    }
}
