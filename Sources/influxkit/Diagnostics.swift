import Glibc
import InfluxKit
import InfluxShell

/// Messages for the user on standard error.
enum Diagnostics {
    /// Prints `influxkit: message` on standard error.
    static func error(_ message: String) {
        OutputBuffer.write("influxkit: \(message)\n", to: STDERR_FILENO)
    }

    /// Prints a line as it is on standard error.
    static func line(_ message: String) {
        OutputBuffer.write("\(message)\n", to: STDERR_FILENO)
    }

    /// Prints one request of `--verbose`: `influxkit: POST URL -> 204, 12 B sent, 0 B received, 1.2 ms`.
    @Sendable static func log(_ request: RequestLog) {
        let outcome = request.status.map { "\($0)" } ?? "failed"
        var text = "\(request.method) \(request.url) -> \(outcome), \(request.requestBytes) B sent, "
            + "\(request.responseBytes) B received, \(DecimalText.tenths(request.milliseconds)) ms"
        if let error = request.error { text += " (\(error))" }
        error(text)
    }
}
