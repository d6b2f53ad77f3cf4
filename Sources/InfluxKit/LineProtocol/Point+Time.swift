import FoundationEssentials

extension Point.Time {
    /// The earliest time the server stores: -9223372036854775806 ns,
    /// 1677-09-21T00:12:43.145224194Z (the two lowest `Int64` values are reserved by influxd).
    public static let minNanoseconds: Int64 = Int64.min + 2
    /// The latest time the server stores: 9223372036854775806 ns, 2262-04-11T23:47:16.854775806Z.
    public static let maxNanoseconds: Int64 = Int64.max - 1

    static let validNanoseconds = minNanoseconds...maxNanoseconds

    /// Nanoseconds since the Unix epoch, computed exactly.
    ///
    /// `.epoch` multiplies with overflow checks, `.rfc3339` is parsed with integer arithmetic, and
    /// `.date` keeps every digit its `Double` holds (to about 0.1 µs for current dates).
    /// Throws `InfluxError.invalidPoint` for a malformed RFC3339 text and for any time outside
    /// ``minNanoseconds`` ... ``maxNanoseconds``.
    public func nanosecondsSinceEpoch() throws -> Int64 {
        switch self {
        case let .epoch(value, precision):
            let (nanoseconds, overflow) = value.multipliedReportingOverflow(by: precision.nanosecondsPerUnit)
            guard !overflow, Self.validNanoseconds.contains(nanoseconds) else {
                throw InfluxError.invalidPoint(
                    reason: "time \(value)\(precision.rawValue) is outside the server's range")
            }
            return nanoseconds
        case let .rfc3339(text):
            var text = text
            switch text.withUTF8({ RFC3339.parse(UnsafeRawBufferPointer($0)) }) {
            case let .success(nanoseconds):
                return nanoseconds
            case .malformed:
                throw InfluxError.invalidPoint(reason: "invalid rfc3339 time \"\(text)\"")
            case .outOfRange:
                throw InfluxError.invalidPoint(reason: "time \(text) is outside the server's range")
            }
        case let .date(date):
            guard let nanoseconds = Self.nanoseconds(of: date) else {
                // Not `\(date)`: describing a NaN date traps in Foundation.
                let seconds = date.timeIntervalSince1970
                throw InfluxError.invalidPoint(
                    reason: seconds.isFinite
                        ? "time \(seconds)s since 1970 is outside the server's range" : "time is not a finite date")
            }
            return nanoseconds
        }
    }

    /// The time as a whole number of `precision` units since the epoch.
    ///
    /// A time between two units is rounded **toward negative infinity** (floor), never toward
    /// zero: the result names the unit the instant falls in. That is what dropping digits from
    /// the RFC3339 text does, and what the server itself does when it stamps a point that has no
    /// time with a coarse `precision=`. It only differs from truncation toward zero
    /// (influxdb-python's `int()`) before 1970: -1 ns is -1 s, not 0 s.
    /// Throws `InfluxError.invalidPoint` when the time, or the floored unit, is outside the
    /// server's range.
    public func value(in precision: Precision) throws -> Int64 {
        let nanoseconds = try nanosecondsSinceEpoch()
        let perUnit = precision.nanosecondsPerUnit
        let units = RFC3339.floorDivide(nanoseconds, by: perUnit).quotient
        if perUnit > 1 {
            let (start, overflow) = units.multipliedReportingOverflow(by: perUnit)
            guard !overflow, Self.validNanoseconds.contains(start) else {
                throw InfluxError.invalidPoint(
                    reason: "time \(nanoseconds)ns floored to \(precision.rawValue) is outside the server's range")
            }
        }
        return units
    }

    /// Exact nanoseconds of a `Date`, or `nil` outside the server's range.
    ///
    /// Works from `timeIntervalSinceReferenceDate` (the `Double` a `Date` stores) rather than
    /// `timeIntervalSince1970`, whose addition of 978307200 s would round away low digits; whole
    /// seconds and the fraction are converted separately.
    static func nanoseconds(of date: Date) -> Int64? {
        let interval = date.timeIntervalSinceReferenceDate
        guard interval.isFinite, abs(interval) < 1e11 else { return nil }
        let wholeSeconds = interval.rounded(.down)
        let fraction = interval - wholeSeconds  // exact: the low bits of `interval`
        let fractionNanoseconds = Int64((fraction * 1e9).rounded())
        let seconds = Int64(wholeSeconds) + 978_307_200  // 2001-01-01 minus 1970-01-01
        return nanoseconds(seconds: seconds, fraction: fractionNanoseconds)
    }

    /// `seconds` × 10⁹ + `fraction` (0 ... 10⁹), or `nil` outside the server's range.
    ///
    /// Near the earliest time `seconds` × 10⁹ alone is below `Int64.min` although the sum is
    /// not, so negative seconds are counted from the next second down.
    static func nanoseconds(seconds: Int64, fraction: Int64) -> Int64? {
        let (whole, rest) = seconds < 0 && fraction > 0 ? (seconds + 1, fraction - 1_000_000_000) : (seconds, fraction)
        let (scaled, overflow) = whole.multipliedReportingOverflow(by: 1_000_000_000)
        guard !overflow else { return nil }
        let (nanoseconds, overflow2) = scaled.addingReportingOverflow(rest)
        guard !overflow2, validNanoseconds.contains(nanoseconds) else { return nil }
        return nanoseconds
    }
}
