import Glibc
import InfluxKit
import InfluxShell

/// Prints on standard output what `influxkit write --dry-run` would send: a comment line saying
/// where each request would go, then its lines, so the output is itself valid input.
struct DryRunPrinter: Sendable {
    /// The `precision=` of the requests.
    let precision: Precision

    /// Prints one operation.
    @Sendable func print(_ operation: LineProtocolWriter.Operation) {
        var text: String
        switch operation {
        case let .write(body, database, rp, points):
            text = "# write db=\(database ?? "-") rp=\(rp ?? "-") precision=\(precision.rawValue) points=\(points)\n"
            text += String(decoding: body, as: UTF8.self)
        case let .statement(statement, database):
            text = "# statement db=\(database ?? "-")\n\(statement)\n"
        }
        OutputBuffer.write(text, to: STDOUT_FILENO)
    }
}
