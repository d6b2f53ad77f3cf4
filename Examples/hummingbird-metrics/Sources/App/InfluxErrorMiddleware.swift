import Hummingbird
import InfluxKit

/// Turns the library's errors into HTTP answers (see ``InfluxKit/InfluxError/responseStatus``).
///
/// A 4xx answer carries the library's one-line reason, which is about the caller's own input; a
/// 5xx answer says only what failed, and the reason (which may name the database's address) goes
/// to the log.
struct InfluxErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(
        _ request: Request,
        context: Context,
        next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as InfluxError {
            let status = error.responseStatus
            guard status.kind == .clientError else {
                context.logger.error("influxdb request failed", metadata: ["error": "\(error)"])
                throw HTTPError(status, message: "the measurement store failed (\(error.code))")
            }
            throw HTTPError(status, message: error.description)
        }
    }
}
