import InfluxKit

extension InfluxError {
    /// The process exit code for this error (the table in DESIGN.md and the README).
    var exitCode: Int32 {
        switch code {
        case .connectionFailed, .tls, .timeout, .notInfluxDB: return 2
        case .authentication, .authorization: return 4
        case .partialWrite, .rejectedLines, .invalidLine, .invalidPoint: return 3
        // libcurl and zlib failures were invalid arguments before they had codes of their own.
        case .invalidArgument, .libcurl, .zlib: return 64
        default: return 1  // cancelled, notFound, http, statement, unsupportedStatement, malformedResponse
        }
    }
}
