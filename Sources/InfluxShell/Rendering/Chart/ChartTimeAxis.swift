import InfluxKit

/// Labels for a time axis, in a time zone, precise enough for the range shown: seconds for a
/// few minutes, minutes for up to two days, days beyond; the first label carries the date.
public enum ChartTimeAxis {
    /// The labels of `range` (nanoseconds) at `count` evenly spaced points, first to last.
    public static func labels(for range: ClosedRange<Int64>, count: Int, in zone: ChartTimeZone = .utc) -> [String] {
        let span = Double(range.upperBound) - Double(range.lowerBound)
        let times = (0..<max(count, 2)).map { index in
            Int64(Double(range.lowerBound) + span * Double(index) / Double(max(count - 1, 1)))
        }
        return times.enumerated().map { index, time in
            let local = time.addingReportingOverflow(Int64(zone.offset) * 1_000_000_000)
            let text = RFC3339.string(fromNanoseconds: local.overflow ? time : local.partialValue)  // 2024-05-01T10:00:00Z
            let date = String(text.prefix(10)), clock = String(text.dropFirst(11).prefix(8))
            if span < 300e9 { return index == 0 ? "\(date) \(clock)" : clock }
            if span < 2 * 86_400e9 { return index == 0 ? "\(date) \(clock.prefix(5))" : String(clock.prefix(5)) }
            if span < 400 * 86_400e9 { return index == 0 ? date : String(date.dropFirst(5)) }
            return date
        }
    }
}
