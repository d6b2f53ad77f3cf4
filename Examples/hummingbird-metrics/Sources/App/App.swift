import Configuration
import Hummingbird

/// Starts the service with settings from the environment (see README.md) and runs it until
/// SIGINT or SIGTERM, then shuts it down gracefully.
@main
struct App {
    static func main() async throws {
        let reader = ConfigReader(
            provider: EnvironmentVariablesProvider(secretsSpecifier: .specific(["INFLUX_PASSWORD"])))
        let app = try buildApplication(reader: reader)
        try await app.runService()
    }
}
