/// Every error the InfluxKit library throws.
///
/// ``code`` says what kind of failure it is; the other properties carry what a caller needs to
/// react (status codes, counts, positions) and are set for the codes that name them.
/// `description` is one short lower-case line that never contains a password.
///
/// Codes may be added in later versions without breaking callers: compare with `==` or switch
/// over ``code`` with a `default`. Errors are made with the static functions named after their
/// code (`InfluxError.timeout(url:seconds:attempts:)`), and compare equal when all their
/// properties do.
public struct InfluxError: Error, Sendable, Equatable {
    /// What kind of failure an error is.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        enum Base: String, Sendable {
            case connectionFailed, tls, timeout, cancelled, authentication, authorization, notFound, http
            case partialWrite, rejectedLines, unsupportedStatement, statement, notInfluxDB, malformedResponse
            case invalidArgument, invalidPoint, invalidLine, libcurl, zlib
        }

        let base: Base

        /// The code's name, such as `timeout`.
        public var description: String { base.rawValue }

        /// The server could not be reached (DNS, refused connection, reset).
        public static let connectionFailed = Code(base: .connectionFailed)
        /// The TLS handshake or certificate verification failed.
        public static let tls = Code(base: .tls)
        /// The connect, idle or total time limit elapsed.
        public static let timeout = Code(base: .timeout)
        /// The transfer was cancelled by the caller.
        public static let cancelled = Code(base: .cancelled)
        /// The server answered 401: no or wrong credentials.
        public static let authentication = Code(base: .authentication)
        /// The server answered 403: the user may not do this.
        public static let authorization = Code(base: .authorization)
        /// The server answered 404 for a missing database (writes) or another unknown resource.
        public static let notFound = Code(base: .notFound)
        /// Any other non-success HTTP status.
        public static let http = Code(base: .http)
        /// A partial write: the server stored the good points and dropped some.
        public static let partialWrite = Code(base: .partialWrite)
        /// A partial write whose rejected points the server named by line (InfluxDB 3.x).
        public static let rejectedLines = Code(base: .rejectedLines)
        /// A statement this server does not run through InfluxQL.
        public static let unsupportedStatement = Code(base: .unsupportedStatement)
        /// One statement of a query failed inside an otherwise successful (200) response.
        public static let statement = Code(base: .statement)
        /// The peer answered, but not like InfluxDB.
        public static let notInfluxDB = Code(base: .notInfluxDB)
        /// The response could not be parsed (truncated or malformed JSON).
        public static let malformedResponse = Code(base: .malformedResponse)
        /// A caller-supplied argument is not acceptable (precision, DSN, duration, name…).
        public static let invalidArgument = Code(base: .invalidArgument)
        /// A point cannot be written faithfully as InfluxDB 1.x line protocol.
        public static let invalidPoint = Code(base: .invalidPoint)
        /// An input line of line protocol is not valid.
        public static let invalidLine = Code(base: .invalidLine)
        /// libcurl failed outside a transfer (a handle could not be made, an option was refused).
        public static let libcurl = Code(base: .libcurl)
        /// zlib failed to compress (it could not start, or stopped with an error).
        public static let zlib = Code(base: .zlib)
    }

    /// What kind of failure this is.
    public let code: Code
    /// The server's base URL, without credentials (`connectionFailed`, `tls`, `timeout`).
    public private(set) var url: String?
    /// The HTTP status (`http`, `notInfluxDB`).
    public private(set) var status: Int?
    /// The reason, or the server's text (empty for `cancelled`).
    public private(set) var message: String = ""
    /// The seconds of the time limit that elapsed (`timeout`).
    public private(set) var seconds: Double?
    /// How many tries were made (`timeout`; 1 otherwise).
    public private(set) var attempts: Int = 1
    /// How many points the server dropped (`partialWrite`).
    public private(set) var droppedPoints: Int?
    /// The points the server rejected, by line (`rejectedLines`).
    public private(set) var rejections: [RejectedLine] = []
    /// The server that does not run a statement, such as `InfluxDB 2.x` (`unsupportedStatement`).
    public private(set) var serverName: String?
    /// The statement's leading keywords, such as `CREATE DATABASE` (`unsupportedStatement`).
    public private(set) var statementKeywords: String?
    /// The failed statement, counting from 0 like the server's `statement_id` (`statement`).
    public private(set) var statementIndex: Int?
    /// The input line, counting from 1 (`invalidLine`).
    public private(set) var lineNumber: Int?

    private init(_ code: Code, message: String = "") {
        self.code = code
        self.message = message
    }

    /// The server could not be reached (DNS, refused connection, reset). `url` has no credentials.
    public static func connectionFailed(url: String, reason: String) -> InfluxError {
        var error = InfluxError(.connectionFailed, message: reason)
        error.url = url
        return error
    }

    /// The TLS handshake or certificate verification failed.
    public static func tls(url: String, reason: String) -> InfluxError {
        var error = InfluxError(.tls, message: reason)
        error.url = url
        return error
    }

    /// The connect, idle or total time limit (`seconds`) elapsed, on the last of `attempts` tries.
    public static func timeout(url: String, seconds: Double, attempts: Int = 1) -> InfluxError {
        var error = InfluxError(.timeout)
        error.url = url
        error.seconds = seconds
        error.attempts = attempts
        return error
    }

    /// The transfer was cancelled by the caller.
    public static let cancelled = InfluxError(.cancelled)

    /// The server answered 401: no or wrong credentials.
    public static func authentication(message: String) -> InfluxError {
        InfluxError(.authentication, message: message)
    }

    /// The server answered 403: the user may not do this.
    public static func authorization(message: String) -> InfluxError {
        InfluxError(.authorization, message: message)
    }

    /// The server answered 404 for a missing database (writes) or another unknown resource.
    public static func notFound(message: String) -> InfluxError {
        InfluxError(.notFound, message: message)
    }

    /// Any other non-success HTTP status, with the server's `error` text when it sent one.
    public static func http(status: Int, message: String) -> InfluxError {
        var error = InfluxError(.http, message: message)
        error.status = status
        return error
    }

    /// A 400 `partial write`: the server stored the good points and dropped `dropped` of them.
    /// `message` is the server's text (it names the rejected lines or the conflicting field).
    public static func partialWrite(message: String, dropped: Int) -> InfluxError {
        var error = InfluxError(.partialWrite, message: message)
        error.droppedPoints = dropped
        return error
    }

    /// A write of which the server (InfluxDB 3.x) stored the good points and named each rejected
    /// one by its line in the request body (see ``RejectedLine``).
    public static func rejectedLines(_ lines: [RejectedLine]) -> InfluxError {
        var error = InfluxError(.rejectedLines)
        error.rejections = lines
        return error
    }

    /// A statement this server does not run through InfluxQL (InfluxDB 2.x has no `CREATE`,
    /// `ALTER`, `GRANT`…; 3.x only `SELECT` and `SHOW`). `server` names it (`InfluxDB 2.x`),
    /// `statement` is the statement's leading keywords (`CREATE DATABASE`).
    public static func unsupportedStatement(server: String, statement: String) -> InfluxError {
        var error = InfluxError(.unsupportedStatement)
        error.serverName = server
        error.statementKeywords = statement
        return error
    }

    /// One statement of a query failed inside an otherwise successful (200) response.
    /// `index` counts from 0 like the server's `statement_id`.
    public static func statement(index: Int, message: String) -> InfluxError {
        var error = InfluxError(.statement, message: message)
        error.statementIndex = index
        return error
    }

    /// The peer answered, but not like InfluxDB (no `X-Influxdb-Version` header, or a body that
    /// is not the JSON InfluxDB sends, such as a proxy's HTML page).
    public static func notInfluxDB(status: Int, reason: String) -> InfluxError {
        var error = InfluxError(.notInfluxDB, message: reason)
        error.status = status
        return error
    }

    /// The response could not be parsed (truncated or malformed JSON).
    public static func malformedResponse(reason: String) -> InfluxError {
        InfluxError(.malformedResponse, message: reason)
    }

    /// A caller-supplied argument is not acceptable (precision, DSN, duration, name…).
    public static func invalidArgument(_ message: String) -> InfluxError {
        InfluxError(.invalidArgument, message: message)
    }

    /// A point cannot be written faithfully as InfluxDB 1.x line protocol.
    public static func invalidPoint(reason: String) -> InfluxError {
        InfluxError(.invalidPoint, message: reason)
    }

    /// An input line of line protocol is not valid. `line` counts from 1.
    public static func invalidLine(line: Int, reason: String) -> InfluxError {
        var error = InfluxError(.invalidLine, message: reason)
        error.lineNumber = line
        return error
    }

    /// libcurl failed outside a transfer: `reason` says how.
    public static func libcurl(reason: String) -> InfluxError {
        InfluxError(.libcurl, message: reason)
    }

    /// zlib failed: `reason` says how.
    public static func zlib(reason: String) -> InfluxError {
        InfluxError(.zlib, message: reason)
    }
}

extension InfluxError: CustomStringConvertible {
    /// One short lower-case line describing the error.
    public var description: String {
        switch code.base {
        case .connectionFailed:
            return "cannot connect to \(url ?? ""): \(message)"
        case .tls:
            return "tls error with \(url ?? ""): \(message)"
        case .timeout:
            let tries = attempts > 1 ? " (\(attempts) attempts)" : ""
            return "timed out after \(Self.format(seconds ?? 0))s talking to \(url ?? "")\(tries)"
        case .cancelled:
            return "cancelled"
        case .authentication:
            return "authentication failed: \(message)"
        case .authorization:
            return "not authorized: \(message)"
        case .notFound:
            return "not found: \(message)"
        case .http:
            let status = status ?? 0
            return message.isEmpty ? "server answered http \(status)" : "server answered http \(status): \(message)"
        case .partialWrite:
            let dropped = droppedPoints ?? 0
            return "partial write, \(dropped) point\(dropped == 1 ? "" : "s") dropped: \(message)"
        case .rejectedLines:
            let first = rejections.first.map { ": line \($0.line): \($0.reason)" } ?? ""
            return "partial write, \(rejections.count) point\(rejections.count == 1 ? "" : "s") rejected\(first)"
        case .unsupportedStatement:
            let server = (serverName ?? "").lowercased()
            let statement = (statementKeywords ?? "").lowercased()
            return "\(server) does not run \(statement) through influxql: manage that with its own api or cli"
        case .statement:
            return "statement \((statementIndex ?? 0) + 1) failed: \(message)"
        case .notInfluxDB:
            return "not an influxdb server (http \(status ?? 0)): \(message)"
        case .malformedResponse:
            return "malformed response: \(message)"
        case .invalidArgument:
            return "invalid argument: \(message)"
        case .invalidPoint:
            return "invalid point: \(message)"
        case .invalidLine:
            return "line \(lineNumber ?? 0): \(message)"
        case .libcurl:
            return "libcurl error: \(message)"
        case .zlib:
            return "zlib error: \(message)"
        }
    }

    private static func format(_ seconds: Double) -> String {
        seconds.isFinite && abs(seconds) < 1e15 && seconds == seconds.rounded() ? String(Int64(seconds)) : String(seconds)
    }
}
