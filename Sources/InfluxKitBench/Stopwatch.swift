import Glibc

/// Seconds on the monotonic clock.
enum Stopwatch {
    /// The time `body` takes, in seconds.
    static func time(_ body: () throws -> Void) rethrows -> Double {
        let start = now()
        try body()
        return now() - start
    }

    /// The median of `repeats` timings of `body`.
    static func median(repeats: Int, _ body: () throws -> Void) rethrows -> Double {
        var times: [Double] = []
        for _ in 0..<repeats { times.append(try time(body)) }
        times.sort()
        return times[times.count / 2]
    }

    /// Seconds on the monotonic clock since an arbitrary point.
    static func now() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }
}
