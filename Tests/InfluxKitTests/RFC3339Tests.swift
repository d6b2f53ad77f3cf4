import Testing
@testable import InfluxKit

/// Expected values computed independently with Python's datetime.
@Suite struct RFC3339Tests {
    @Test(arguments: [
        ("1970-01-01T00:00:00Z", 0 as Int64),
        ("2024-01-02T03:04:05.123456789Z", 1_704_164_645_123_456_789),
        ("2024-01-02T05:04:05.5+02:00", 1_704_164_645_500_000_000),
        ("2024-01-01T22:34:05-04:30", 1_704_164_645_000_000_000),
        ("2000-02-29T23:59:59.999999999Z", 951_868_799_999_999_999),
        ("1969-12-31T23:59:59.9Z", -100_000_000),
        ("1900-03-01T00:00:00Z", -2_203_891_200_000_000_000),
        ("2020-12-31T23:59:59.000000001+23:59", 1_609_372_859_000_000_001),
        ("1999-12-31T00:00:00.000000010Z", 946_598_400_000_000_010),
        ("1677-09-21T00:12:43.145224194Z", -9_223_372_036_854_775_806),
        ("2262-04-11T23:47:16.854775806Z", 9_223_372_036_854_775_806),
    ])
    func parsesExactly(text: String, nanoseconds: Int64) throws {
        #expect(try RFC3339.nanoseconds(from: text) == nanoseconds)
    }

    @Test(arguments: [
        "", "2024-01-02", "2024-01-02T03:04:05", "2024-01-02 03:04:05Z", "2024-01-02t03:04:05Z",
        "2024-01-02T03:04:05z", "2024-1-02T03:04:05Z", "24-01-02T03:04:05Z", "2024-01-02T03:04:05.Z",
        "2024-01-02T03:04:05.1234567890Z", "2024-13-01T00:00:00Z", "2024-00-01T00:00:00Z",
        "2024-01-00T00:00:00Z", "2024-01-32T00:00:00Z", "2023-02-29T00:00:00Z", "1900-02-29T00:00:00Z",
        "2024-04-31T00:00:00Z", "2024-01-02T24:00:00Z", "2024-01-02T03:60:00Z", "2024-01-02T03:04:60Z",
        "2024-01-02T03:04:05+0200", "2024-01-02T03:04:05+02", "2024-01-02T03:04:05+24:00",
        "2024-01-02T03:04:05+02:60", "2024-01-02T03:04:05Z ", " 2024-01-02T03:04:05Z",
        "2024-01-02T03:04:05ZZ", "2024-01-02T03:04:05.12a4Z", "+2024-01-02T03:04:05Z", "2024-01-02T03:04:05.-1Z",
    ])
    func refusesMalformedText(text: String) {
        #expect(RFC3339.parse(text) == .malformed)
        #expect(throws: InfluxError.self) { try RFC3339.nanoseconds(from: text) }
    }

    @Test(arguments: ["2000-02-29T00:00:00Z", "2024-02-29T00:00:00Z", "1600-02-29T12:00:00Z"])
    func acceptsLeapDays(text: String) {
        #expect(RFC3339.parse(text) != .malformed)
    }

    @Test(arguments: [
        "1677-09-21T00:12:43.145224193Z", "2262-04-11T23:47:16.854775807Z", "0001-01-01T00:00:00Z",
        "9999-12-31T23:59:59Z", "2262-04-12T00:00:00Z", "2262-04-11T23:47:16.854775806-00:01",
    ])
    func refusesTimesOutsideTheServersRange(text: String) {
        #expect(RFC3339.parse(text) == .outOfRange)
    }

    @Test(arguments: [
        (0 as Int64, "1970-01-01T00:00:00Z"),
        (1, "1970-01-01T00:00:00.000000001Z"),
        (-1, "1969-12-31T23:59:59.999999999Z"),
        (1_500_000_000, "1970-01-01T00:00:01.5Z"),
        (1_704_164_645_120_000_000, "2024-01-02T03:04:05.12Z"),
        (951_868_799_999_999_999, "2000-02-29T23:59:59.999999999Z"),
        (-2_203_891_200_000_000_000, "1900-03-01T00:00:00Z"),
        (-9_223_372_036_854_775_806, "1677-09-21T00:12:43.145224194Z"),
        (9_223_372_036_854_775_806, "2262-04-11T23:47:16.854775806Z"),
        (Int64.min, "1677-09-21T00:12:43.145224192Z"),
        (Int64.max, "2262-04-11T23:47:16.854775807Z"),
    ])
    func formatsLikeTheServer(nanoseconds: Int64, text: String) {
        #expect(RFC3339.string(fromNanoseconds: nanoseconds) == text)
    }

    @Test func formatAndParseRoundTrip() throws {
        var generator = SeededGenerator(seed: 42)
        for _ in 0..<2000 {
            let value = Int64(bitPattern: generator.next()) / 2  // well inside the range
            let text = RFC3339.string(fromNanoseconds: value)
            #expect(try RFC3339.nanoseconds(from: text) == value, "\(text)")
        }
    }

    @Test func civilDatesMatchDayCounts() {
        #expect(CivilDate(year: 1970, month: 1, day: 1).daysSinceEpoch == 0)
        #expect(CivilDate(year: 2000, month: 3, day: 1).daysSinceEpoch == 11_017)
        #expect(CivilDate(year: 1969, month: 12, day: 31).daysSinceEpoch == -1)
        for days: Int64 in stride(from: -110_000, through: 110_000, by: 7) {
            let date = CivilDate(daysSinceEpoch: days)
            #expect(date.daysSinceEpoch == days)
            #expect(date.day >= 1 && date.day <= CivilDate.daysInMonth(date.month, year: date.year))
        }
    }

    @Test func timesOutsideTheRangeOfPointsStillReadAsSecondsAndFraction() throws {
        // 0001-01-01 is 719,162 days before 1970-01-01.
        let start = try #require(RFC3339.secondsAndFraction("0001-01-01T00:00:00Z"))
        #expect(start.seconds == -719_162 * 86_400 && start.fraction == 0)
        let shifted = try #require(RFC3339.secondsAndFraction("1500-01-01T01:00:00.25+01:00"))
        let day = try #require(RFC3339.secondsAndFraction("1500-01-01T00:00:00Z"))
        #expect(shifted.seconds == day.seconds && shifted.fraction == 250_000_000)
        #expect(RFC3339.secondsAndFraction("1500-02-30T00:00:00Z") == nil)
    }
}

extension RFC3339 {
    static func parse(_ text: String) -> ParseResult {
        Array(text.utf8).withUnsafeBytes { parse($0) }
    }
}
