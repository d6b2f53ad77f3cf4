/// Every error the InfluxKit library throws.
///
/// Each case carries what a caller needs to react (status codes, counts, positions); `description`
/// is one short lower-case line that never contains a password.
public enum InfluxError: Error, Sendable, Equatable {
    /// The server could not be reached (DNS, refused connection, reset). `url` has no credentials.
    case connectionFailed(url: String, reason: String)
    /// The TLS handshake or certificate verification failed.
    case tls(url: String, reason: String)
    /// The connect or total timeout (`seconds`, as configured) elapsed, on the last of
    /// `attempts` tries.
    case timeout(url: String, seconds: Double, attempts: Int = 1)
    /// The transfer was cancelled by the caller.
    case cancelled
    /// The server answered 401: no or wrong credentials.
    case authentication(message: String)
    /// The server answered 403: the user may not do this.
    case authorization(message: String)
    /// The server answered 404 for a missing database (writes) or another unknown resource.
    case notFound(message: String)
    /// Any other non-success HTTP status, with the server's `error` text when it sent one.
    case http(status: Int, message: String)
    /// A 400 `partial write`: the server stored the good points and dropped `dropped` of them.
    /// `message` is the server's text (it names the rejected lines or the conflicting field).
    case partialWrite(message: String, dropped: Int)
    /// A write of which the server (InfluxDB 3.x) stored the good points and named each rejected
    /// one by its line in the request body (see ``RejectedLine``).
    case rejectedLines([RejectedLine])
    /// A statement this server does not run through InfluxQL (InfluxDB 2.x has no `CREATE`,
    /// `ALTER`, `GRANT`…; 3.x only `SELECT` and `SHOW`). `server` names it (`InfluxDB 2.x`),
    /// `statement` is the statement's leading keywords (`CREATE DATABASE`).
    case unsupportedStatement(server: String, statement: String)
    /// One statement of a query failed inside an otherwise successful (200) response.
    /// `statement` counts from 0 like the server's `statement_id`.
    case statement(index: Int, message: String)
    /// The peer answered, but not like InfluxDB (no `X-Influxdb-Version` header, or a body that
    /// is not the JSON InfluxDB sends, such as a proxy's HTML page).
    case notInfluxDB(status: Int, reason: String)
    /// The response could not be parsed (truncated or malformed JSON).
    case malformedResponse(reason: String)
    /// A caller-supplied argument is not acceptable (precision, DSN, duration, name…).
    case invalidArgument(String)
    /// A point cannot be written faithfully as InfluxDB 1.x line protocol.
    case invalidPoint(reason: String)
    /// An input line of line protocol is not valid. `line` counts from 1.
    case invalidLine(line: Int, reason: String)
}

extension InfluxError: CustomStringConvertible {
    /// One short lower-case line describing the error.
    public var description: String {
        switch self {
        case let .connectionFailed(url, reason):
            return "cannot connect to \(url): \(reason)"
        case let .tls(url, reason):
            return "tls error with \(url): \(reason)"
        case let .timeout(url, seconds, attempts):
            let tries = attempts > 1 ? " (\(attempts) attempts)" : ""
            return "timed out after \(Self.format(seconds))s talking to \(url)\(tries)"
        case .cancelled:
            return "cancelled"
        case let .authentication(message):
            return "authentication failed: \(message)"
        case let .authorization(message):
            return "not authorized: \(message)"
        case let .notFound(message):
            return "not found: \(message)"
        case let .http(status, message):
            return message.isEmpty ? "server answered http \(status)" : "server answered http \(status): \(message)"
        case let .partialWrite(message, dropped):
            return "partial write, \(dropped) point\(dropped == 1 ? "" : "s") dropped: \(message)"
        case let .rejectedLines(lines):
            let first = lines.first.map { ": line \($0.line): \($0.reason)" } ?? ""
            return "partial write, \(lines.count) point\(lines.count == 1 ? "" : "s") rejected\(first)"
        case let .unsupportedStatement(server, statement):
            return "\(server.lowercased()) does not run \(statement.lowercased()) through influxql: manage that with its own api or cli"
        case let .statement(index, message):
            return "statement \(index + 1) failed: \(message)"
        case let .notInfluxDB(status, reason):
            return "not an influxdb server (http \(status)): \(reason)"
        case let .malformedResponse(reason):
            return "malformed response: \(reason)"
        case let .invalidArgument(message):
            return "invalid argument: \(message)"
        case let .invalidPoint(reason):
            return "invalid point: \(reason)"
        case let .invalidLine(line, reason):
            return "line \(line): \(reason)"
        }
    }

    private static func format(_ seconds: Double) -> String {
        seconds.isFinite && abs(seconds) < 1e15 && seconds == seconds.rounded() ? String(Int64(seconds)) : String(seconds)
    }
}
