import ArgumentParser
import FoundationEssentials
import InfluxKit

/// The two servers of `influxkit copy`: each a URL or DSN with credentials of its own; the
/// transport options apply to both. The `INFLUX_*` variables apply to neither.
struct CopyEndpoints: ParsableArguments {
    @Option(help: ArgumentHelp("Source server: http(s)://host:port[/prefix] or influxdb://[user[:password]@]host[:port][/database].", valueName: "url|dsn"))
    var from: String

    @Option(help: ArgumentHelp("User name on the source.", valueName: "name"))
    var fromUsername: String?

    @Option(help: ArgumentHelp("Password on the source.", valueName: "password"))
    var fromPassword: String?

    @Option(help: ArgumentHelp("Token for the source (Authorization: Token …).", valueName: "token"))
    var fromToken: String?

    @Option(help: ArgumentHelp("How --from-token is sent: token, bearer or basic (see --auth-scheme of the other commands).", valueName: "scheme"))
    var fromAuthScheme: AuthScheme?

    @Option(help: ArgumentHelp("Destination server, in the same forms as --from.", valueName: "url|dsn"))
    var to: String

    @Option(help: ArgumentHelp("User name on the destination.", valueName: "name"))
    var toUsername: String?

    @Option(help: ArgumentHelp("Password on the destination.", valueName: "password"))
    var toPassword: String?

    @Option(help: ArgumentHelp("Token for the destination (Authorization: Token …).", valueName: "token"))
    var toToken: String?

    @Option(help: ArgumentHelp("How --to-token is sent: token, bearer or basic.", valueName: "scheme"))
    var toAuthScheme: AuthScheme?

    /// TLS, proxy, time limits, retries, gzip and `-v`, for both servers.
    @OptionGroup var transport: TransportOptions

    /// The source's configuration.
    func source() throws -> ClientConfiguration {
        try configuration(from, username: fromUsername, password: fromPassword, token: fromToken, scheme: fromAuthScheme)
    }

    /// The destination's configuration.
    func destination() throws -> ClientConfiguration {
        try configuration(to, username: toUsername, password: toPassword, token: toToken, scheme: toAuthScheme)
    }

    private func configuration(
        _ address: String, username: String?, password: String?, token: String?, scheme: AuthScheme?
    ) throws -> ClientConfiguration {
        var configuration = ClientConfiguration()
        if address.contains("influxdb://") {
            configuration = try ClientConfiguration(dsn: address)
        } else {
            try configuration.setServerURL(address)
        }
        if let username { configuration.username = username }
        if let password { configuration.password = password }
        if let token { configuration.token = token }
        if let scheme { configuration.authScheme = scheme }
        transport.apply(to: &configuration, environment: ProcessInfo.processInfo.environment)
        return configuration
    }
}
