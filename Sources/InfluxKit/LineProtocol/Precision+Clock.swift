#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension Precision {
    /// The current time, in units of this precision since the Unix epoch (rounded down).
    var now: Int64 {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return (Int64(now.tv_sec) * 1_000_000_000 + Int64(now.tv_nsec)) / nanosecondsPerUnit
    }
}
