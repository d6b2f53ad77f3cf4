/// Exact conversion between RFC3339 timestamps and nanoseconds since the Unix epoch.
///
/// Parsing accepts `YYYY-MM-DDTHH:MM:SS[.fraction]` followed by `Z` or a `±HH:MM` offset, with
/// 1 to 9 fraction digits, and nothing else: no lower-case `t`/`z`, no space instead of `T`, no
/// leap second. Formatting writes UTC in the server's own RFC3339Nano style: up to 9 fraction
/// digits with trailing zeros trimmed (no fraction at all on a whole second) and a final `Z`.
/// All arithmetic is on integers, so no digit is ever rounded.
public enum RFC3339 {
    /// Nanoseconds since the epoch of `text`.
    ///
    /// Throws `InfluxError.invalidArgument` when `text` is malformed or names a time outside the
    /// server's range (``Point/Time/minNanoseconds`` ... ``Point/Time/maxNanoseconds``).
    public static func nanoseconds(from text: String) throws -> Int64 {
        try nanoseconds(from: text, parse: parse, malformed: "invalid rfc3339 time \"\(text)\"")
    }

    /// Nanoseconds since the epoch of `text` read by `parse`; `malformed` is the message for
    /// text it cannot read.
    static func nanoseconds(
        from text: String, parse: (UnsafeRawBufferPointer) -> ParseResult, malformed: @autoclosure () -> String
    ) throws -> Int64 {
        var text = text
        switch text.withUTF8({ parse(UnsafeRawBufferPointer($0)) }) {
        case let .success(nanoseconds):
            return nanoseconds
        case .malformed:
            throw InfluxError.invalidArgument(malformed())
        case .outOfRange:
            throw InfluxError.invalidArgument(
                "time \"\(text)\" is outside the range 1677-09-21T00:12:43.145224194Z to 2262-04-11T23:47:16.854775806Z")
        }
    }

    /// The RFC3339 text of `nanoseconds` since the epoch, in UTC, such as
    /// `2024-01-02T03:04:05.12Z`.
    public static func string(fromNanoseconds nanoseconds: Int64) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(30)
        append(nanoseconds: nanoseconds, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the RFC3339 text of `nanoseconds` (as ``string(fromNanoseconds:)``) to `bytes`.
    package static func append(nanoseconds: Int64, to bytes: inout [UInt8]) {
        let (seconds, fraction) = floorDivide(nanoseconds, by: 1_000_000_000)
        let (days, secondOfDay) = floorDivide(seconds, by: 86_400)
        let date = CivilDate(daysSinceEpoch: days)
        appendDigits(date.year, count: 4, to: &bytes)
        bytes.append(UInt8(ascii: "-"))
        appendDigits(date.month, count: 2, to: &bytes)
        bytes.append(UInt8(ascii: "-"))
        appendDigits(date.day, count: 2, to: &bytes)
        bytes.append(UInt8(ascii: "T"))
        appendDigits(secondOfDay / 3600, count: 2, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        appendDigits(secondOfDay / 60 % 60, count: 2, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        appendDigits(secondOfDay % 60, count: 2, to: &bytes)
        if fraction != 0 {
            var digits = 9
            var trimmed = fraction
            while trimmed % 10 == 0 {
                trimmed /= 10
                digits -= 1
            }
            bytes.append(UInt8(ascii: "."))
            appendDigits(trimmed, count: digits, to: &bytes)
        }
        bytes.append(UInt8(ascii: "Z"))
    }

    // MARK: - Parsing

    enum ParseResult: Equatable {
        case success(Int64)
        case malformed
        case outOfRange
    }

    /// Parses the whole of `text`.
    static func parse(_ text: UnsafeRawBufferPointer) -> ParseResult {
        guard let (seconds, fraction) = secondsAndFraction(text) else { return .malformed }
        guard let nanoseconds = Point.Time.nanoseconds(seconds: seconds, fraction: fraction) else {
            return .outOfRange
        }
        return .success(nanoseconds)
    }

    /// Seconds since the epoch and nanoseconds after them of `text`, for any four-digit year;
    /// `nil` when `text` is malformed.
    static func secondsAndFraction(_ text: String) -> (seconds: Int64, fraction: Int64)? {
        var text = text
        return text.withUTF8 { secondsAndFraction(UnsafeRawBufferPointer($0)) }
    }

    private static func secondsAndFraction(_ text: UnsafeRawBufferPointer) -> (seconds: Int64, fraction: Int64)? {
        var reader = DigitReader(text: text)
        guard let year = reader.number(digits: 4), reader.skip("-"),
              let month = reader.number(digits: 2), reader.skip("-"),
              let day = reader.number(digits: 2), reader.skip("T"),
              let hour = reader.number(digits: 2), reader.skip(":"),
              let minute = reader.number(digits: 2), reader.skip(":"),
              let second = reader.number(digits: 2)
        else { return nil }
        guard (1...12).contains(month), day >= 1, day <= CivilDate.daysInMonth(month, year: year),
              hour < 24, minute < 60, second < 60
        else { return nil }

        var fraction: Int64 = 0
        if reader.skip(".") {
            var digits = 0
            while let digit = reader.digit() {
                guard digits < 9 else { return nil }
                fraction = fraction * 10 + digit
                digits += 1
            }
            guard digits > 0 else { return nil }
            for _ in digits..<9 { fraction *= 10 }
        }

        var offsetSeconds: Int64 = 0
        if reader.skip("Z") {
            offsetSeconds = 0
        } else if let sign = reader.sign() {
            guard let offsetHours = reader.number(digits: 2), reader.skip(":"),
                  let offsetMinutes = reader.number(digits: 2),
                  offsetHours < 24, offsetMinutes < 60
            else { return nil }
            offsetSeconds = sign * (offsetHours * 3600 + offsetMinutes * 60)
        } else {
            return nil
        }
        guard reader.isAtEnd else { return nil }

        let days = CivilDate(year: year, month: month, day: day).daysSinceEpoch
        return (days * 86_400 + hour * 3600 + minute * 60 + second - offsetSeconds, fraction)
    }

    /// Reads fixed-width decimal fields and separators from the front of a byte buffer.
    private struct DigitReader {
        let text: UnsafeRawBufferPointer
        var index = 0

        var isAtEnd: Bool { index == text.count }

        mutating func digit() -> Int64? {
            guard index < text.count else { return nil }
            let byte = text[index]
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            index += 1
            return Int64(byte - UInt8(ascii: "0"))
        }

        mutating func number(digits: Int) -> Int64? {
            var value: Int64 = 0
            for _ in 0..<digits {
                guard let digit = digit() else { return nil }
                value = value * 10 + digit
            }
            return value
        }

        mutating func skip(_ character: Unicode.Scalar) -> Bool {
            guard index < text.count, text[index] == UInt8(ascii: character) else { return false }
            index += 1
            return true
        }

        mutating func sign() -> Int64? {
            if skip("+") { return 1 }
            if skip("-") { return -1 }
            return nil
        }
    }

    // MARK: - Helpers

    /// Quotient rounded toward negative infinity, and the (non-negative) remainder.
    static func floorDivide(_ value: Int64, by divisor: Int64) -> (quotient: Int64, remainder: Int64) {
        var quotient = value / divisor
        var remainder = value % divisor
        if remainder < 0 {
            quotient -= 1
            remainder += divisor
        }
        return (quotient, remainder)
    }

    private static func appendDigits(_ value: Int64, count: Int, to bytes: inout [UInt8]) {
        var divisor: Int64 = 1
        for _ in 1..<count { divisor *= 10 }
        var rest = value
        while divisor > 0 {
            bytes.append(UInt8(ascii: "0") + UInt8(rest / divisor))
            rest %= divisor
            divisor /= 10
        }
    }
}

/// A proleptic Gregorian calendar date, converted to and from days since 1970-01-01 with
/// integer arithmetic (the well-known era / day-of-era method).
struct CivilDate: Equatable {
    var year: Int64
    var month: Int64
    var day: Int64

    init(year: Int64, month: Int64, day: Int64) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// The date `days` days after 1970-01-01 (before it when negative).
    init(daysSinceEpoch days: Int64) {
        let shifted = days + 719_468  // days from 0000-03-01 to 1970-01-01
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let marchMonth = (5 * dayOfYear + 2) / 153  // 0 = March ... 11 = February
        day = dayOfYear - (153 * marchMonth + 2) / 5 + 1
        month = marchMonth < 10 ? marchMonth + 3 : marchMonth - 9
        year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    }

    /// Days from 1970-01-01 to this date.
    var daysSinceEpoch: Int64 {
        let marchYear = month <= 2 ? year - 1 : year
        let era = (marchYear >= 0 ? marchYear : marchYear - 399) / 400
        let yearOfEra = marchYear - era * 400
        let marchMonth = month > 2 ? month - 3 : month + 9
        let dayOfYear = (153 * marchMonth + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    static func isLeapYear(_ year: Int64) -> Bool {
        year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    }

    static func daysInMonth(_ month: Int64, year: Int64) -> Int64 {
        switch month {
        case 2: return isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
