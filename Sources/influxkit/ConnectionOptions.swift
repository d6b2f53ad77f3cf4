import ArgumentParser
import Foundation
import InfluxKit

/// The options every subcommand shares to reach and log in to the server.
struct ConnectionOptions: ParsableArguments {
    @Option(help: "Server host name or address (env INFLUX_HOST).")
    var host: String?

    @Option(help: "Server HTTP port (env INFLUX_PORT).")
    var port: Int?

    @Option(name: .shortAndLong, help: "Database (env INFLUX_DATABASE).")
    var database: String?

    @Option(name: .shortAndLong, help: "User name (env INFLUX_USERNAME).")
    var username: String?

    @Option(name: .shortAndLong, help: "Password (env INFLUX_PASSWORD; prefer the environment to the command line).")
    var password: String?

    /// The client configuration: flags first, then the environment, then defaults.
    func configuration(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> ClientConfiguration {
        var configuration = ClientConfiguration()
        configuration.host = host ?? environment["INFLUX_HOST"] ?? "localhost"
        if let port = port ?? environment["INFLUX_PORT"].flatMap({ Int($0) }) {
            guard (1...65535).contains(port) else { throw ValidationError("--port must be between 1 and 65535") }
            configuration.port = port
        }
        configuration.database = database ?? environment["INFLUX_DATABASE"]
        configuration.username = username ?? environment["INFLUX_USERNAME"]
        configuration.password = password ?? environment["INFLUX_PASSWORD"]
        return configuration
    }

    /// A client for these options.
    func makeClient() throws -> InfluxClient {
        try InfluxClient(configuration: configuration())
    }
}
