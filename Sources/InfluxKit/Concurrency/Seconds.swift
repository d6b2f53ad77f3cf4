#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Seconds (a `Double` a caller or a peer chose) turned into whole units without trapping: a
/// value that is not a number or not above zero gives zero, one beyond ``longest`` (infinity
/// included) gives ``longest``.
enum Seconds {
    /// The longest duration any conversion gives: 100 years, far beyond any deadline or pause.
    static let longest: Double = 3_155_760_000

    /// `seconds` within `0...longest` (`NaN`: 0).
    static func clamped(_ seconds: Double) -> Double {
        guard seconds > 0 else { return 0 }
        return min(seconds, longest)
    }

    /// Whole milliseconds of `seconds`, rounded down, clamped.
    static func milliseconds(_ seconds: Double) -> Int {
        Int(clamped(seconds) * 1000)
    }

    /// Whole nanoseconds of `seconds`, rounded down, clamped (100 years fit in 62 bits).
    static func nanoseconds(_ seconds: Double) -> UInt64 {
        UInt64(clamped(seconds) * 1e9)
    }

    /// `seconds` as a `timespec`, clamped.
    static func timespec(_ seconds: Double) -> CTimespec {
        let value = clamped(seconds)
        let whole = value.rounded(.down)
        return CTimespec(tv_sec: Int(whole), tv_nsec: min(Int((value - whole) * 1e9), 999_999_999))
    }

    /// Whether `seconds` is a finite number of seconds within `0...longest`, above zero unless
    /// `zeroAllowed`: what a configuration may hold.
    static func isValid(_ seconds: Double, zeroAllowed: Bool = false) -> Bool {
        seconds.isFinite && seconds <= longest && (zeroAllowed ? seconds >= 0 : seconds > 0)
    }
}

/// The C library's `timespec`, named apart from ``Seconds/timespec(_:)``.
typealias CTimespec = timespec
