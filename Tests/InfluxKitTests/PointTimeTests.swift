import Foundation
import Testing
@testable import InfluxKit

@Suite struct PointTimeTests {
    @Test(arguments: [
        (Point.Time.epoch(1, .hours), 3_600_000_000_000 as Int64),
        (.epoch(-3, .minutes), -180_000_000_000),
        (.epoch(1_700_000_000, .seconds), 1_700_000_000_000_000_000),
        (.epoch(1_700_000_000_123, .milliseconds), 1_700_000_000_123_000_000),
        (.epoch(1_700_000_000_123_456, .microseconds), 1_700_000_000_123_456_000),
        (.epoch(-9_223_372_036_854_775_806, .nanoseconds), -9_223_372_036_854_775_806),
        (.epoch(9_223_372_036_854_775_806, .nanoseconds), 9_223_372_036_854_775_806),
        (.epoch(9_223_372_036, .seconds), 9_223_372_036_000_000_000),
        (.epoch(2_562_047, .hours), 9_223_369_200_000_000_000),
        (.rfc3339("2024-01-02T03:04:05.123456789Z"), 1_704_164_645_123_456_789),
        (.date(Date(timeIntervalSince1970: 1.5)), 1_500_000_000),
        (.date(Date(timeIntervalSince1970: -0.25)), -250_000_000),
    ])
    func convertsToNanoseconds(time: Point.Time, nanoseconds: Int64) throws {
        #expect(try time.nanosecondsSinceEpoch() == nanoseconds)
    }

    /// Bounds checked against influxd 1.6.7 by writing points at the edges.
    @Test(arguments: [
        Point.Time.epoch(9_223_372_036_854_775_807, .nanoseconds),
        .epoch(-9_223_372_036_854_775_807, .nanoseconds),
        .epoch(Int64.min, .nanoseconds),
        .epoch(9_223_372_037, .seconds),
        .epoch(-9_223_372_037, .seconds),
        .epoch(2_562_048, .hours),
        .epoch(153_722_868, .minutes),
        .epoch(9_223_372_036_855, .milliseconds),
        .epoch(9_223_372_036_854_776, .microseconds),
        .epoch(Int64.max, .hours),
        .rfc3339("2262-04-11T23:47:16.854775807Z"),
        .date(Date(timeIntervalSince1970: 1e10)),
        .date(Date(timeIntervalSince1970: -1e10)),
        .date(.distantFuture),
    ])
    func refusesTimesOutsideTheServersRange(time: Point.Time) {
        #expect(throws: InfluxError.self) { try time.nanosecondsSinceEpoch() }
    }

    /// Not an argument: describing a NaN date traps in Foundation.
    @Test func refusesANaNDate() {
        let time = Point.Time.date(Date(timeIntervalSinceReferenceDate: .nan))
        #expect(throws: InfluxError.invalidPoint(reason: "time is not a finite date")) {
            try time.nanosecondsSinceEpoch()
        }
    }

    @Test func refusesMalformedRFC3339() {
        #expect(throws: InfluxError.invalidPoint(reason: "invalid rfc3339 time \"yesterday\"")) {
            try Point.Time.rfc3339("yesterday").nanosecondsSinceEpoch()
        }
    }

    /// Expected values: the exact binary value of the Double, scaled with Python's Decimal.
    @Test func keepsEveryDigitADateHolds() throws {
        let recent = Date(timeIntervalSinceReferenceDate: 757_000_000.123456789)
        #expect(try Point.Time.date(recent).nanosecondsSinceEpoch() == 1_735_307_200_123_456_836)
        let before1970 = Date(timeIntervalSinceReferenceDate: -31_536_000.000000123)
        #expect(try Point.Time.date(before1970).nanosecondsSinceEpoch() == 946_771_199_999_999_877)
    }

    @Test(arguments: [
        (Point.Time.epoch(1_500, .milliseconds), Precision.seconds, 1 as Int64),
        (.epoch(-1_500, .milliseconds), .seconds, -2),
        (.epoch(-1, .nanoseconds), .seconds, -1),
        (.epoch(-1, .nanoseconds), .hours, -1),
        (.epoch(59_999_999_999, .nanoseconds), .minutes, 0),
        (.epoch(-60_000_000_000, .nanoseconds), .minutes, -1),
        (.epoch(7, .hours), .minutes, 420),
        (.epoch(123, .seconds), .seconds, 123),
        (.rfc3339("1969-12-31T23:59:59.999Z"), .milliseconds, -1),
        (.rfc3339("1969-12-31T23:59:59.9999Z"), .milliseconds, -1),
        (.rfc3339("2024-01-02T03:04:05.123456789Z"), .microseconds, 1_704_164_645_123_456),
    ])
    func floorsToCoarserPrecisions(time: Point.Time, precision: Precision, expected: Int64) throws {
        #expect(try time.value(in: precision) == expected)
    }

    @Test func flooringBelowTheEarliestTimeIsRefused() throws {
        let earliest = Point.Time.epoch(Point.Time.minNanoseconds, .nanoseconds)
        #expect(try earliest.value(in: .nanoseconds) == -9_223_372_036_854_775_806)
        #expect(throws: InfluxError.self) { try earliest.value(in: .seconds) }
        #expect(try Point.Time.epoch(-9_223_372_036, .seconds).value(in: .seconds) == -9_223_372_036)
        let latest = Point.Time.epoch(Point.Time.maxNanoseconds, .nanoseconds)
        #expect(try latest.value(in: .hours) == 2_562_047)
    }
}
