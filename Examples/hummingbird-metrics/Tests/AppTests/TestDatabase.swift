import Configuration
import Foundation
import InfluxKit

/// The influxd the tests run against, named by `INFLUX_HOST` and `INFLUX_PORT` (scripts/test
/// starts a throwaway one and sets them), and a database of the test's own on it.
struct TestDatabase {
    struct NotConfigured: Error, CustomStringConvertible {
        var description: String {
            "INFLUX_PORT is not set: run Examples/hummingbird-metrics/scripts/test, which starts an influxd"
        }
    }

    let host: String
    let port: Int
    let name = "example_\(UInt32.random(in: .min ... .max))"

    init() throws {
        let environment = ProcessInfo.processInfo.environment
        guard let port = environment["INFLUX_PORT"].flatMap(Int.init) else { throw NotConfigured() }
        self.host = environment["INFLUX_HOST"] ?? "127.0.0.1"
        self.port = port
    }

    /// The service's settings: this database on this server unless told otherwise, and a loopback
    /// port the system chooses for the service's own HTTP server.
    func reader(database: String? = nil, host: String? = nil, port: Int? = nil, timeout: Int = 10) -> ConfigReader {
        ConfigReader(provider: InMemoryProvider(values: [
            "http.host": ConfigValue(.string("127.0.0.1"), isSecret: false),
            "http.port": ConfigValue(.int(0), isSecret: false),
            "influx.host": ConfigValue(.string(host ?? self.host), isSecret: false),
            "influx.port": ConfigValue(.int(port ?? self.port), isSecret: false),
            "influx.database": ConfigValue(.string(database ?? name), isSecret: false),
            "influx.timeout": ConfigValue(.int(timeout), isSecret: false),
        ]))
    }

    /// Creates the database, runs `body`, and drops the database whatever happened.
    func with<T>(_ body: () async throws -> T) async throws -> T {
        let client = try InfluxClient(host: host, port: port)
        _ = try await client.query(InfluxQL.createDatabase(name))
        let result: Result<T, any Error>
        do {
            result = .success(try await body())
        } catch {
            result = .failure(error)
        }
        _ = try? await client.query(InfluxQL.dropDatabase(name))
        await client.shutdown()
        return try result.get()
    }
}
