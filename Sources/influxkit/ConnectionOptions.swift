import ArgumentParser
import FoundationEssentials
import Glibc
import InfluxKit
import InfluxShell

extension AuthScheme: ExpressibleByArgument {}

/// The options every subcommand shares to reach and log in to the server.
///
/// Precedence, setting by setting: flags (`--dsn` first, then the single flags, `--url` last),
/// then the `INFLUX_*` variables, then the profile (`--profile`, `INFLUX_PROFILE` or the config
/// file's default), then the built-in defaults.
struct ConnectionOptions: ParsableArguments {
    @Option(help: "Server host name or address (env INFLUX_HOST).")
    var host: String?

    @Option(help: "Server HTTP port (env INFLUX_PORT).")
    var port: Int?

    @Option(help: ArgumentHelp("Server URL, http or https with an optional path prefix; overrides --host and --port.", valueName: "url"))
    var url: String?

    @Option(help: ArgumentHelp("influxdb://[user[:password]@]host[:port][/database] (https+influxdb:// for HTTPS).", valueName: "dsn"))
    var dsn: String?

    @Option(name: .shortAndLong, help: "Database (env INFLUX_DATABASE).")
    var database: String?

    @Option(help: ArgumentHelp("Retention policy of queries and writes (InfluxDB 3.x: writes go to the database DB/RP).", valueName: "name"))
    var rp: String?

    @Option(name: .shortAndLong, help: "User name (env INFLUX_USERNAME).")
    var username: String?

    @Option(name: .shortAndLong, help: "Password (env INFLUX_PASSWORD; prefer the environment or --password-stdin to the command line).")
    var password: String?

    @Flag(help: "Read the password from the first line of standard input.")
    var passwordStdin = false

    @Option(help: ArgumentHelp("Send Authorization: Token TOKEN (env INFLUX_TOKEN).", valueName: "token"))
    var token: String?

    @Option(help: ArgumentHelp(
        "How --token is sent: token (Authorization: Token, 2.x/3.x), bearer (3.x) or basic (as the password, user -u or influxkit).",
        valueName: "scheme"))
    var authScheme: AuthScheme?

    @Flag(help: "Use HTTPS.")
    var ssl = false

    @Option(name: [.customShort("P"), .long], help: ArgumentHelp(
        "Connection profile of the config file (env INFLUX_PROFILE; default: the file's 'default'); flags and INFLUX_* variables override its settings.",
        valueName: "name"))
    var profile: String?

    @OptionGroup var transport: TransportOptions

    func validate() throws {
        if let port, !SettingLimits.ports.contains(port) { throw ValidationError("--port must be between 1 and 65535") }
        if passwordStdin && password != nil { throw ValidationError("give -p/--password or --password-stdin, not both") }
        if authScheme != nil && token == nil && ProcessEnvironment.read()["INFLUX_TOKEN"] == nil {
            throw ValidationError("--auth-scheme needs a token (--token or INFLUX_TOKEN)")
        }
    }

    /// The client configuration: flags, then `INFLUX_*` variables, then the profile, then the
    /// defaults (see ``ResolvedConnection``). A password from `--password-stdin` is read here,
    /// and the profile's password command run when its secret is the one to use.
    func configuration(environment: [String: String] = ProcessEnvironment.read()) throws -> ClientConfiguration {
        try resolved(environment: environment).configuration
    }

    /// Every setting and where it came from; `fetchingSecrets: false` (for `config show`) reads
    /// neither standard input nor the profile's secret, and lets the profile's TLS files be missing.
    func resolved(environment: [String: String] = ProcessEnvironment.read(), fetchingSecrets: Bool = true) throws -> ResolvedConnection {
        var resolved = ResolvedConnection()
        if let (profile, file, chosenBy) = try ProfileChoice.profile(named: profile, environment: environment) {
            try resolved.apply(profile, file: file, chosenBy: chosenBy)
        }
        try resolved.applyEnvironment(environment)
        try applyFlags(to: &resolved)
        if fetchingSecrets {
            try resolved.checkProfileFiles()
            if passwordStdin { resolved.set("password", \.password, try Self.readPasswordLine(), from: "--password-stdin") }
            try resolved.fetchProfileSecret()
        }
        transport.apply(to: &resolved.configuration, environment: environment)
        resolved.note(transport.givenSettings) { "--\($0)" }
        if transport.verbose, let (profile, file, chosenBy) = resolved.profile {
            Diagnostics.error("profile \(profile.name) from \(file) (\(chosenBy))")
        }
        return resolved
    }

    /// The flags' layer: `--dsn`, then the single flags, `--url` last.
    private func applyFlags(to resolved: inout ResolvedConnection) throws {
        if let dsn {
            let parsed = try ClientConfiguration(dsn: dsn)
            resolved.set("host", \.host, parsed.host, from: "--dsn")
            resolved.set("port", \.port, parsed.port, from: "--dsn")
            resolved.set("ssl", \.usesSSL, parsed.usesSSL, from: "--dsn")
            resolved.set("path-prefix", \.pathPrefix, "", from: "--dsn")
            resolved.configuration.usesUDP = parsed.usesUDP
            resolved.set("username", \.username, parsed.username, from: "--dsn")
            resolved.set("password", \.password, parsed.password, from: "--dsn")
            resolved.set("database", \.database, parsed.database, from: "--dsn")
        }
        resolved.set("host", \.host, host, from: "--host")
        resolved.set("port", \.port, port, from: "--port")
        resolved.set("database", \.database, database, from: "--database")
        resolved.set("username", \.username, username, from: "--username")
        resolved.set("password", \.password, password, from: "--password")
        resolved.set("token", \.token, token, from: "--token")
        resolved.set("auth-scheme", \.authScheme, authScheme, from: "--auth-scheme")
        resolved.set("retention-policy", \.retentionPolicy, rp, from: "--rp")
        resolved.set("ssl", \.usesSSL, ssl ? true : nil, from: "--ssl")
        if let url { try resolved.setServerURL(url, from: "--url") }
    }

    /// A client for these options; warns about `--unsafe-ssl`, and asks for the password on the
    /// terminal when the server wants one that was not given.
    /// `received`, when given, sums the response bytes of every request.
    func makeClient(counting received: ByteCount? = nil) throws -> InfluxClient {
        try makeClient(configuration: try configuration(), counting: received)
    }

    /// A client for `configuration`, made earlier by ``configuration(environment:)``.
    func makeClient(configuration: ClientConfiguration, counting received: ByteCount? = nil) throws -> InfluxClient {
        var configuration = configuration
        if let received {
            configuration.logger = CommandLineLogHandler(verbose: transport.verbose, received: received).logger
        }
        if transport.unsafeSsl {
            Diagnostics.error("warning: --unsafe-ssl: the server's certificate is not verified")
        }
        let client = try InfluxClient(configuration: configuration)
        try PasswordPrompt.askIfNeeded(client)
        return client
    }

    /// One line of standard input, read byte by byte so the rest stays for the command;
    /// a password never appears in the process's arguments this way.
    static func readPasswordLine() throws -> String {
        var bytes: [UInt8] = []
        var byte: UInt8 = 0
        while read(STDIN_FILENO, &byte, 1) == 1 {
            if byte == UInt8(ascii: "\n") { break }
            bytes.append(byte)
        }
        if bytes.last == UInt8(ascii: "\r") { bytes.removeLast() }
        return String(decoding: bytes, as: UTF8.self)
    }
}
