import Foundation
import InfluxKit

/// Messages for the user on standard error.
enum Diagnostics {
    /// Prints `influxkit: message` on standard error.
    static func error(_ message: String) {
        FileHandle.standardError.write(Data("influxkit: \(message)\n".utf8))
    }

    /// Prints a line as it is on standard error.
    static func line(_ message: String) {
        FileHandle.standardError.write(Data("\(message)\n".utf8))
    }

    /// Prints one request of `--verbose`: `influxkit: POST URL -> 204, 12 B sent, 0 B received, 1.2 ms`.
    @Sendable static func log(_ request: RequestLog) {
        let outcome = request.status.map { "\($0)" } ?? "failed"
        var text = "\(request.method) \(request.url) -> \(outcome), \(request.requestBytes) B sent, "
            + "\(request.responseBytes) B received, \(String(format: "%.1f", request.milliseconds)) ms"
        if let error = request.error { text += " (\(error))" }
        error(text)
    }
}
