import InfluxKit

extension InfluxError {
    /// The process exit code for this error (the table in DESIGN.md and the README).
    var exitCode: Int32 {
        switch self {
        case .connectionFailed, .tls, .timeout, .notInfluxDB: return 2
        case .authentication, .authorization: return 4
        case .partialWrite, .rejectedLines, .invalidLine, .invalidPoint: return 3
        case .invalidArgument: return 64
        case .cancelled, .notFound, .http, .statement, .unsupportedStatement, .malformedResponse: return 1
        }
    }
}
