import InfluxKit
import Logging

/// Where the library's log records go on the command line: with `--verbose`, each request is
/// printed on standard error as `influxkit: POST URL -> 204, 12 B sent, 0 B received, 1.2 ms`
/// (and ` (why)` when it failed); `received`, when set, sums the response bytes for `--timing`
/// and the shell. Other records (retries, warnings) are not printed: the command reports those
/// in its own words.
struct CommandLineLogHandler: LogHandler {
    /// Print each request.
    var verbose: Bool
    /// Sums the response bytes of every request, when set.
    var received: ByteCount?
    var metadata: Logger.Metadata = [:]
    var metadataProvider: Logger.MetadataProvider?
    var logLevel: Logger.Level = .debug

    /// A logger with this handler.
    var logger: Logger {
        Logger(label: "influxkit", factory: { _ in self })
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        guard let request = event.metadata, let method = request[LogMetadataKey.method],
              let url = request[LogMetadataKey.url]
        else { return }
        let responseBytes = request[LogMetadataKey.responseBytes].map { "\($0)" } ?? "0"
        received?.add(Int(responseBytes) ?? 0)
        guard verbose else { return }
        let outcome = request[LogMetadataKey.status].map { "\($0)" } ?? "failed"
        let requestBytes = request[LogMetadataKey.requestBytes].map { "\($0)" } ?? "0"
        let milliseconds = request[LogMetadataKey.milliseconds].flatMap { Double("\($0)") } ?? 0
        var text = "\(method) \(url) -> \(outcome), \(requestBytes) B sent, "
            + "\(responseBytes) B received, \(DecimalText.tenths(milliseconds)) ms"
        if let error = request[LogMetadataKey.error] { text += " (\(error))" }
        Diagnostics.error(text)
    }
}
