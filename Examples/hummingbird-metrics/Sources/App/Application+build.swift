import Configuration
import Hummingbird
import InfluxKit
import Logging
import NIOCore

/// Builds the service from its settings: one `InfluxClient` for the whole process, shared by
/// every request, and closed by ``InfluxClientService`` once the HTTP server has stopped.
///
/// Settings (environment variable in parentheses): `http.host` (`HTTP_HOST`, default 127.0.0.1),
/// `http.port` (`HTTP_PORT`, 8080), `influx.host` (`INFLUX_HOST`, localhost), `influx.port`
/// (`INFLUX_PORT`, 8086), `influx.database` (`INFLUX_DATABASE`, metrics), `influx.username`
/// and `influx.password` (`INFLUX_USERNAME`, `INFLUX_PASSWORD`, none), `influx.timeout`
/// (`INFLUX_TIMEOUT`, 10): the seconds one call to InfluxDB may take, all retries included.
///
/// `onServerRunning` is called with the listening channel once the server accepts connections
/// (the tests learn the port they asked the system to choose from it).
func buildApplication(
    reader: ConfigReader,
    onServerRunning: @escaping @Sendable (any Channel) async -> Void = { _ in }
) throws -> some ApplicationProtocol {
    let logger = Logger(label: "hummingbird-metrics")
    let client = try InfluxClient(configuration: ClientConfiguration(reader: reader.scoped(to: "influx")))

    let router = Router()
    router.add(middleware: LogRequestsMiddleware(.info))
    router.add(middleware: InfluxErrorMiddleware())
    let timeout = Duration.seconds(reader.int(forKey: "influx.timeout", default: 10))
    MeasurementsController(client: client, timeout: timeout).addRoutes(to: router.group("measurements"))

    var app = Application(
        router: router,
        configuration: ApplicationConfiguration(reader: reader.scoped(to: "http")),
        onServerRunning: onServerRunning,
        logger: logger
    )
    app.addServices(InfluxClientService(client: client))
    return app
}

extension ClientConfiguration {
    /// The connection to InfluxDB, from the `influx.*` settings.
    init(reader: ConfigReader) {
        self.init(
            host: reader.string(forKey: "host", default: "localhost"),
            port: reader.int(forKey: "port", default: 8086),
            username: reader.string(forKey: "username"),
            password: reader.string(forKey: "password", isSecret: true),
            database: reader.string(forKey: "database", default: "metrics")
        )
    }
}
