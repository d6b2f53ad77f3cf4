/// The metadata keys of what a client logs to ``ClientConfiguration/logger``.
///
/// Every request is logged once it has finished or failed, at `.debug`, with the `http.*`,
/// `url.full` and `influxkit.request.*` keys; a retry at `.notice` with the `influxkit.retry.*`
/// keys and `error.message`; a warning (such as NaN fields left out of a write) at `.warning`.
/// Names follow OpenTelemetry's semantic conventions where one exists. No value ever holds a
/// credential: user and password travel in a header that is not logged, and the query parameters
/// `u`, `p`, `token` and `password` show as `REDACTED`.
public enum LogMetadataKey {
    /// `GET` or `POST`.
    public static let method = "http.request.method"
    /// The URL without credentials, e.g. `http://localhost:8086/query?db=metrics`.
    public static let url = "url.full"
    /// The HTTP status; absent when no answer came (connection failure, timeout).
    public static let status = "http.response.status_code"
    /// Bytes of the request body as given (before any gzip).
    public static let requestBytes = "http.request.body.size"
    /// Bytes of the response body as received (after any gzip).
    public static let responseBytes = "http.response.body.size"
    /// Milliseconds from sending to the end of the answer (a `Double`).
    public static let milliseconds = "influxkit.request.duration_ms"
    /// Why the request failed, or what the retry follows; absent for an answered request.
    public static let error = "error.message"
    /// Which retry this is: 1 for the second try.
    public static let retry = "influxkit.retry.attempt"
    /// Seconds waited before the retry (a `Double`).
    public static let retryDelay = "influxkit.retry.delay_s"
}
