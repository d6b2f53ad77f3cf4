import Hummingbird
import InfluxKit

extension InfluxError {
    /// The HTTP status this service answers with when a call to InfluxDB fails.
    ///
    /// The database, user and password come from the service's settings, never from the caller,
    /// so only errors about the caller's input (a point the library or the server refuses) are
    /// 4xx; a missing database or refused credentials are the service's fault (502), as is any
    /// other answer InfluxDB should not have given.
    var responseStatus: HTTPResponse.Status {
        switch code {
        case .invalidPoint, .invalidArgument, .invalidLine, .partialWrite, .rejectedLines:
            .badRequest
        case .connectionFailed, .tls:
            .serviceUnavailable
        case .timeout:
            .gatewayTimeout
        case .notFound, .authentication, .authorization, .http, .statement, .unsupportedStatement,
            .notInfluxDB, .malformedResponse:
            .badGateway
        default:
            .internalServerError
        }
    }
}
