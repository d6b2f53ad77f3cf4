/// The unit of an integer timestamp: for writes (`precision=`) and query results (`epoch=`).
public enum Precision: String, Sendable, CaseIterable {
    /// Nanoseconds (`n`/`ns`).
    case nanoseconds = "ns"
    /// Microseconds (`u`/`us`/`µ`).
    case microseconds = "u"
    /// Milliseconds (`ms`).
    case milliseconds = "ms"
    /// Seconds (`s`).
    case seconds = "s"
    /// Minutes (`m`).
    case minutes = "m"
    /// Hours (`h`).
    case hours = "h"

    /// Accepts the spellings users type: `n`, `ns`, `u`, `us`, `µ`, `ms`, `s`, `m`, `h`.
    public init?(argument: String) {
        switch argument {
        case "n", "ns": self = .nanoseconds
        case "u", "us", "µ", "µs": self = .microseconds
        case "ms": self = .milliseconds
        case "s": self = .seconds
        case "m": self = .minutes
        case "h": self = .hours
        default: return nil
        }
    }

    /// Nanoseconds in one unit of this precision.
    public var nanosecondsPerUnit: Int64 {
        switch self {
        case .nanoseconds: return 1
        case .microseconds: return 1_000
        case .milliseconds: return 1_000_000
        case .seconds: return 1_000_000_000
        case .minutes: return 60_000_000_000
        case .hours: return 3_600_000_000_000
        }
    }
}
