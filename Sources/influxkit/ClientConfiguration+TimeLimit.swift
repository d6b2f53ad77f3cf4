import InfluxKit

extension ClientConfiguration {
    /// Bounds a request's time, and connecting's, to `seconds`.
    mutating func limitTime(to seconds: Double) {
        timeout = seconds
        connectTimeout = min(connectTimeout, seconds)
    }
}
