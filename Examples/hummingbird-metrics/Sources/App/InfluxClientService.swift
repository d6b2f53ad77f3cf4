import InfluxKit
import ServiceLifecycle

/// Ties the shared client to the application's lifecycle: when the service group shuts down
/// gracefully, the HTTP server stops first (services stop in the reverse order of start-up), and
/// then this service closes the client's connections.
struct InfluxClientService: Service {
    let client: InfluxClient

    func run() async throws {
        // Sleeps until SIGTERM/SIGINT (or the group's end) starts the graceful shutdown.
        try? await gracefulShutdown()
        // No request is left by now; shutdown() would otherwise wait for the last one to end.
        await client.shutdown()
    }
}
