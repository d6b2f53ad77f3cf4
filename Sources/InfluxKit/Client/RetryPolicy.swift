import FoundationEssentials
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// When and how long to wait before a request is tried again.
///
/// Connect errors, timeouts, 5xx answers and 429 are transient and tried again, after a jittered
/// exponential backoff (`baseDelay`, doubled each time, at most `maxDelay`, then scaled by a random
/// factor between 0.5 and 1); a `Retry-After` answer is never tried sooner than it asks, and is not
/// tried again at all when it asks for more than `maxDelay`. 400, 401, 403, 404 and every other
/// answer are final. At most `retries` retries are made, and none whose wait would end after
/// `timeout` seconds counted from the first try.
public struct RetryPolicy: Sendable, Equatable {
    /// How many times a request is tried again (0: once only).
    public var retries: Int
    /// The wait before the first retry, in seconds.
    public var baseDelay: Double
    /// The longest wait, in seconds.
    public var maxDelay: Double
    /// Seconds all tries and waits together may take; `nil` for no limit.
    public var timeout: Double?

    /// Creates a policy.
    public init(retries: Int, baseDelay: Double = 0.1, maxDelay: Double = 10, timeout: Double? = nil) {
        self.retries = retries
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
        self.timeout = timeout
    }

    /// The policy of a client configuration.
    public init(configuration: ClientConfiguration) {
        self.init(
            retries: configuration.retries, baseDelay: configuration.retryBaseDelay,
            maxDelay: configuration.retryMaxDelay, timeout: configuration.timeout)
    }

    /// Whether an answer with `status` may be tried again: 429 and 5xx.
    public static func isTransient(status: Int) -> Bool {
        status == 429 || (500...599).contains(status)
    }

    /// Whether a request that failed with `error` may be tried again: connect errors and timeouts.
    public static func isTransient(_ error: InfluxError) -> Bool {
        error.code == .connectionFailed || error.code == .timeout
    }

    /// Seconds to wait before retry number `retry` (from 1), or `nil` to give up.
    ///
    /// - Parameters:
    ///   - retryAfter: the seconds the server's `Retry-After` asked for, if it did.
    ///   - elapsed: seconds since the first try started.
    ///   - jitter: a number in 0...1 (random in use) that scales the backoff between half and all of it.
    public func delay(beforeRetry retry: Int, retryAfter: Double?, elapsed: Double, jitter: Double) -> Double? {
        guard retry >= 1, retry <= retries else { return nil }
        let backoff = min(maxDelay, baseDelay * pow(2, Double(min(retry - 1, 60))))
        var wait = backoff * (0.5 + 0.5 * min(max(jitter, 0), 1))
        if let retryAfter {
            guard retryAfter <= maxDelay else { return nil }
            wait = max(wait, retryAfter)
        }
        if let timeout, elapsed + wait >= timeout { return nil }
        return wait
    }

    /// The seconds a `Retry-After` value asks for: delay-seconds, or an HTTP date relative to `now`.
    public static func retryAfter(_ value: String?, now: Date = Date()) -> Double? {
        guard let text = value?.trimmingWhitespace(), !text.isEmpty else { return nil }
        if let seconds = Int(text) { return Double(max(seconds, 0)) }
        guard let date = httpDate(text) else { return nil }
        return max(date.timeIntervalSince(now), 0)
    }

    /// The instant of an HTTP date in its preferred form, such as `Sun, 06 Nov 1994 08:49:37 GMT`.
    ///
    /// The form has a two-digit day and a four-digit year (RFC 9110 §5.6.7), so a peer's
    /// number can never be large enough to overflow the arithmetic below.
    static func httpDate(_ text: String) -> Date? {
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let parts = text.split(separator: " ")
        guard parts.count == 6, parts[0].count == 4, parts[0].hasSuffix(","), parts[5] == "GMT",
              parts[1].count == 2, parts[3].count == 4, parts[4].count == 8,
              (parts[1] + parts[3]).allSatisfy({ $0.isASCII && $0.isWholeNumber }),
              let day = Int64(parts[1]), let year = Int64(parts[3]),
              let month = months.firstIndex(of: String(parts[2])).map({ Int64($0 + 1) }),
              (1...CivilDate.daysInMonth(month, year: year)).contains(day)
        else { return nil }
        let clock = parts[4].split(separator: ":", omittingEmptySubsequences: false).compactMap { Int64($0) }
        guard clock.count == 3, clock.allSatisfy({ $0 >= 0 }), clock[0] < 24, clock[1] < 60, clock[2] < 61 else { return nil }
        let days = CivilDate(year: year, month: month, day: day).daysSinceEpoch
        return Date(timeIntervalSince1970: Double(days * 86_400 + clock[0] * 3600 + clock[1] * 60 + clock[2]))
    }
}
