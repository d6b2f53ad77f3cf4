import Glibc

/// The result lines scripts/bench reads.
enum Report {
    /// Prints `name points=… bytes=… seconds=… points_per_second=… mb_per_second=…`
    /// (MB = 10^6 bytes).
    static func line(_ name: String, points: Int, bytes: Int, seconds: Double) {
        let pointsPerSecond = Int((Double(points) / seconds).rounded())
        let megabytesPerSecond = (Double(bytes) / 1e6 / seconds * 10).rounded() / 10
        let rounded = (seconds * 10000).rounded() / 10000
        print("\(name) points=\(points) bytes=\(bytes) seconds=\(rounded) "
            + "points_per_second=\(pointsPerSecond) mb_per_second=\(megabytesPerSecond)")
    }
}

/// Prints `influxkit-bench: message` on standard error and exits with `status`.
func fail(_ message: String, status: Int32 = 1) -> Never {
    let line = "influxkit-bench: \(message)\n"
    _ = line.utf8CString.withUnsafeBufferPointer { write(2, $0.baseAddress!, $0.count - 1) }
    exit(status)
}
