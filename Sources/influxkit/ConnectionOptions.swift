import ArgumentParser
import FoundationEssentials
import Glibc
import InfluxKit
import InfluxShell

extension AuthScheme: ExpressibleByArgument {}

/// The options every subcommand shares to reach and log in to the server.
///
/// Precedence: `--dsn`, then the single flags, then the environment, then the defaults; `--url`
/// overrides host, port and scheme whatever else is given.
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

    @OptionGroup var transport: TransportOptions

    func validate() throws {
        if let port, !(1...65535).contains(port) { throw ValidationError("--port must be between 1 and 65535") }
        if passwordStdin && password != nil { throw ValidationError("give -p/--password or --password-stdin, not both") }
        if authScheme != nil && token == nil && ProcessInfo.processInfo.environment["INFLUX_TOKEN"] == nil {
            throw ValidationError("--auth-scheme needs a token (--token or INFLUX_TOKEN)")
        }
    }

    /// The client configuration: `--dsn`, then flags, then the environment, then defaults;
    /// `--url` last. A password from `--password-stdin` is read here.
    func configuration(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> ClientConfiguration {
        var configuration = ClientConfiguration()
        if let dsn {
            configuration = try ClientConfiguration(dsn: dsn)
        } else {
            configuration.host = environment["INFLUX_HOST"] ?? configuration.host
            if let text = environment["INFLUX_PORT"] { configuration.port = try Self.environmentPort(text) }
        }
        if let host { configuration.host = host }
        if let port { configuration.port = port }
        configuration.database = database ?? configuration.database ?? environment["INFLUX_DATABASE"]
        configuration.username = username ?? configuration.username ?? environment["INFLUX_USERNAME"]
        configuration.password = password ?? configuration.password ?? environment["INFLUX_PASSWORD"]
        configuration.token = token ?? environment["INFLUX_TOKEN"]
        if let authScheme { configuration.authScheme = authScheme }
        configuration.retentionPolicy = rp
        if ssl { configuration.ssl = true }
        if let url { try configuration.setServerURL(url) }
        if passwordStdin { configuration.password = try Self.readPasswordLine() }
        transport.apply(to: &configuration, environment: environment)
        return configuration
    }

    /// A client for these options; warns about `--unsafe-ssl`, and asks for the password on the
    /// terminal when the server wants one that was not given.
    /// `observer` hears of every request too.
    func makeClient(observing observer: (@Sendable (RequestLog) -> Void)? = nil) throws -> InfluxClient {
        try makeClient(configuration: try configuration(), observing: observer)
    }

    /// A client for `configuration`, made earlier by ``configuration(environment:)``.
    func makeClient(configuration: ClientConfiguration, observing observer: (@Sendable (RequestLog) -> Void)? = nil) throws -> InfluxClient {
        var configuration = configuration
        if let observer {
            let logger = configuration.requestObserver
            configuration.requestObserver = { request in
                logger?(request)
                observer(request)
            }
        }
        if transport.unsafeSsl {
            Diagnostics.error("warning: --unsafe-ssl: the server's certificate is not verified")
        }
        let client = try InfluxClient(configuration: configuration)
        try PasswordPrompt.askIfNeeded(client)
        return client
    }

    private static func environmentPort(_ text: String) throws -> Int {
        guard let port = Int(text), (1...65535).contains(port) else {
            throw ValidationError("INFLUX_PORT must be a port number between 1 and 65535")
        }
        return port
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
