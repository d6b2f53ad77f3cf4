import ArgumentParser
import FoundationEssentials
import InfluxKit

/// The two servers of `influxkit copy`: each a URL or DSN, or a profile, with credentials of its
/// own; the transport options apply to both. The `INFLUX_*` variables apply to neither. With a
/// profile and a URL, the URL names the server and the profile gives the rest.
struct CopyEndpoints: ParsableArguments {
    @Option(help: ArgumentHelp("Source server: http(s)://host:port[/prefix] or influxdb://[user[:password]@]host[:port][/database].", valueName: "url|dsn"))
    var from: String?

    @Option(help: ArgumentHelp("Source profile of the config file (--from, if given too, names the server).", valueName: "name"))
    var fromProfile: String?

    @Option(help: ArgumentHelp("User name on the source.", valueName: "name"))
    var fromUsername: String?

    @Option(help: ArgumentHelp("Password on the source.", valueName: "password"))
    var fromPassword: String?

    @Option(help: ArgumentHelp("Token for the source (Authorization: Token …).", valueName: "token"))
    var fromToken: String?

    @Option(help: ArgumentHelp("How --from-token is sent: token, bearer or basic (see --auth-scheme of the other commands).", valueName: "scheme"))
    var fromAuthScheme: AuthScheme?

    @Option(help: ArgumentHelp("Destination server, in the same forms as --from.", valueName: "url|dsn"))
    var to: String?

    @Option(help: ArgumentHelp("Destination profile of the config file.", valueName: "name"))
    var toProfile: String?

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

    func validate() throws {
        if from == nil && fromProfile == nil { throw ValidationError("give the source: --from URL or --from-profile NAME") }
        if to == nil && toProfile == nil { throw ValidationError("give the destination: --to URL or --to-profile NAME") }
    }

    /// The source's configuration.
    func source() throws -> ClientConfiguration {
        try configuration(from, profile: fromProfile, username: fromUsername, password: fromPassword, token: fromToken, scheme: fromAuthScheme)
    }

    /// The destination's configuration.
    func destination() throws -> ClientConfiguration {
        try configuration(to, profile: toProfile, username: toUsername, password: toPassword, token: toToken, scheme: toAuthScheme)
    }

    private func configuration(
        _ address: String?, profile: String?, username: String?, password: String?, token: String?, scheme: AuthScheme?
    ) throws -> ClientConfiguration {
        let environment = ProcessEnvironment.read()
        var resolved = ResolvedConnection()
        if let profile, let (chosen, file, _) = try ProfileChoice.profile(named: profile, environment: environment) {
            try resolved.apply(chosen, file: file, chosenBy: "--from-profile/--to-profile")
        }
        if let address, address.contains("influxdb://") {
            let parsed = try ClientConfiguration(dsn: address)
            resolved.configuration.host = parsed.host
            resolved.configuration.port = parsed.port
            resolved.configuration.usesSSL = parsed.usesSSL
            resolved.configuration.pathPrefix = ""
            resolved.set("username", \.username, parsed.username, from: "dsn")
            resolved.set("password", \.password, parsed.password, from: "dsn")
            resolved.set("database", \.database, parsed.database, from: "dsn")
        } else if let address {
            try resolved.setServerURL(address, from: "url")
        }
        resolved.set("username", \.username, username, from: "flag")
        resolved.set("password", \.password, password, from: "flag")
        resolved.set("token", \.token, token, from: "flag")
        resolved.set("auth-scheme", \.authScheme, scheme, from: "flag")
        try resolved.checkProfileFiles()
        try resolved.fetchProfileSecret()
        transport.apply(to: &resolved.configuration, environment: environment)
        return resolved.configuration
    }
}
