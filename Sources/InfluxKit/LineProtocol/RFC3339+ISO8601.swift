extension RFC3339 {
    /// Nanoseconds since the epoch of an ISO 8601 time in the forms influxdb-python's time
    /// parser (dateutil) reads and people write: RFC3339 itself, a space or `t` instead of `T`,
    /// no zone (UTC, as influxdb-python takes it), a bare date (midnight UTC), no seconds or no
    /// minutes (`2009-11-10T23:00`, `2009-11-10T23`), and zones `Z`, `z`, `±HH:MM`, `±HHMM`, `±HH`.
    /// Fractions keep up to 9 digits (dateutil keeps 6).
    ///
    /// Throws `InfluxError.invalidArgument` for any other text and for times outside the
    /// server's range, as ``nanoseconds(from:)`` does.
    public static func nanoseconds(fromISO8601 text: String) throws -> Int64 {
        try nanoseconds(from: text, parse: parseISO8601,
                        malformed: "invalid time \"\(text)\" (not ISO 8601 such as 2009-11-10T23:00:00Z)")
    }

    static func parseISO8601(_ text: UnsafeRawBufferPointer) -> ParseResult {
        var scanner = ISO8601Scanner(text: text)
        guard let fields = scanner.fields() else { return .malformed }
        let (year, month, day, hour, minute, second, fraction, offset) = fields
        guard (1...12).contains(month), day >= 1, day <= CivilDate.daysInMonth(month, year: year),
              hour < 24, minute < 60, second < 60
        else { return .malformed }
        let days = CivilDate(year: year, month: month, day: day).daysSinceEpoch
        let seconds = days * 86_400 + hour * 3600 + minute * 60 + second - offset
        guard let nanoseconds = Point.Time.nanoseconds(seconds: seconds, fraction: fraction) else { return .outOfRange }
        return .success(nanoseconds)
    }
}

/// Reads the parts of an ISO 8601 time from the front of a byte buffer.
private struct ISO8601Scanner {
    let text: UnsafeRawBufferPointer
    var index = 0

    typealias Fields = (year: Int64, month: Int64, day: Int64, hour: Int64, minute: Int64, second: Int64,
                        fraction: Int64, offset: Int64)

    mutating func fields() -> Fields? {
        guard let year = number(4), skip("-"), let month = number(2), skip("-"), let day = number(2) else { return nil }
        var fields: Fields = (year, month, day, 0, 0, 0, 0, 0)
        guard index < text.count else { return fields }
        guard skip("T") || skip("t") || skip(" "), let hour = number(2) else { return nil }
        fields.hour = hour
        if skip(":") {
            guard let minute = number(2) else { return nil }
            fields.minute = minute
            if skip(":") {
                guard let second = number(2) else { return nil }
                fields.second = second
                if skip(".") {
                    guard let fraction = fraction() else { return nil }
                    fields.fraction = fraction
                }
            }
        }
        guard let offset = zone(), index == text.count else { return nil }
        fields.offset = offset
        return fields
    }

    /// 1 to 9 digits as nanoseconds.
    private mutating func fraction() -> Int64? {
        var value: Int64 = 0, digits = 0
        while let digit = digit() {
            guard digits < 9 else { return nil }
            value = value * 10 + digit
            digits += 1
        }
        guard digits > 0 else { return nil }
        for _ in digits..<9 { value *= 10 }
        return value
    }

    /// Seconds east of UTC of the zone, 0 when there is none.
    private mutating func zone() -> Int64? {
        if index == text.count || skip("Z") || skip("z") { return 0 }
        let sign: Int64
        if skip("+") {
            sign = 1
        } else if skip("-") {
            sign = -1
        } else {
            return nil
        }
        guard let hours = number(2), hours < 24 else { return nil }
        var minutes: Int64 = 0
        if index < text.count {
            _ = skip(":")
            guard let value = number(2), value < 60 else { return nil }
            minutes = value
        }
        return sign * (hours * 3600 + minutes * 60)
    }

    private mutating func digit() -> Int64? {
        guard index < text.count, text[index] >= UInt8(ascii: "0"), text[index] <= UInt8(ascii: "9") else { return nil }
        index += 1
        return Int64(text[index - 1] - UInt8(ascii: "0"))
    }

    private mutating func number(_ count: Int) -> Int64? {
        var value: Int64 = 0
        for _ in 0..<count {
            guard let digit = digit() else { return nil }
            value = value * 10 + digit
        }
        return value
    }

    private mutating func skip(_ character: Unicode.Scalar) -> Bool {
        guard index < text.count, text[index] == UInt8(ascii: character) else { return false }
        index += 1
        return true
    }
}
