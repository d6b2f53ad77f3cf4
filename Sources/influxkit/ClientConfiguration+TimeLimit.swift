import InfluxKit

extension ClientConfiguration {
    /// Bounds a request's time, and connecting's, to `seconds`; the idle limit is then left
    /// to the total one.
    mutating func limitTime(to seconds: Double) {
        timeout = seconds
        idleTimeout = nil
        connectTimeout = min(connectTimeout, seconds)
    }
}
