import Foundation
import Testing
@testable import InfluxKit

@Suite struct ResultSetDecodingTests {
    struct CPU: Decodable, Equatable {
        var time: Date
        var host: String
        var usage: Double
        var count: Int64
        var ok: Bool
        var msg: String?
    }

    /// 2020-09-13T12:26:40Z, 12:26:50Z and 12:27:00Z.
    static let times = [1_600_000_000, 1_600_000_010, 1_600_000_020].map { Date(timeIntervalSince1970: $0) }

    static let expectedCPU = [
        CPU(time: times[0], host: "a", usage: 1.5, count: 3, ok: true, msg: "hi \"there\""),
        CPU(time: times[1], host: "b", usage: 2, count: .max, ok: false, msg: "tab\tnew"),
        CPU(time: times[2], host: "a", usage: -0.25, count: .min, ok: true, msg: "snow ☃ 😀"),
    ]

    @Test func rowsDecodeWithRFC3339TimesAndWholeFloatsAsDouble() throws {
        let rows = try firstResult(ServerFixtures.selectAll).decode(CPU.self)
        #expect(rows == Self.expectedCPU)
    }

    @Test func epochTimesDecodeWithTheirPrecision() throws {
        let result = try #require(QueryResponseDecoder.decode(ServerFixtures.multiStatementEpochNs).first)
        #expect(try result.decode(CPU.self, epoch: .nanoseconds) == Self.expectedCPU)
    }

    @Test(arguments: Precision.allCases)
    func epochIntegersScaleByTheirUnit(precision: Precision) throws {
        struct Row: Decodable { var time: Date }
        let result = ResultSet(statementID: 0, series: [Series(name: "m", columns: ["time"], values: [[.integer(3)]])])
        let seconds = Double(precision.nanosecondsPerUnit) * 3 / 1e9
        #expect(try result.decode(Row.self, epoch: precision).map(\.time) == [Date(timeIntervalSince1970: seconds)])
    }

    @Test func timeMayStayAnIntegerOrAString() throws {
        struct Raw: Decodable, Equatable { var time: Int64 }
        struct Text: Decodable, Equatable { var time: String }
        let epoch = try #require(QueryResponseDecoder.decode(ServerFixtures.multiStatementEpochNs).first)
        #expect(try epoch.decode(Raw.self).map(\.time) == [1_600_000_000, 1_600_000_010, 1_600_000_020].map { $0 * 1_000_000_000 })
        let text = try firstResult(ServerFixtures.selectAll)
        #expect(try text.decode(Text.self).map(\.time) == ["2020-09-13T12:26:40Z", "2020-09-13T12:26:50Z", "2020-09-13T12:27:00Z"])
    }

    @Test func anIntegerTimeWithoutEpochIsATypeMismatch() throws {
        struct Row: Decodable { var time: Date }
        let result = ResultSet(statementID: 0, series: [Series(name: "m", columns: ["time"], values: [[.integer(3)]])])
        #expect {
            try result.decode(Row.self)
        } throws: { error in
            guard case DecodingError.typeMismatch(_, let context) = error else { return false }
            return context.debugDescription.contains("epoch")
        }
    }

    @Test func seriesTagsFillKeysThatAreNotColumns() throws {
        struct Usage: Decodable, Equatable { var host: String; var usage: Double }
        let rows = try firstResult(ServerFixtures.usageGroupByHost).decode(Usage.self)
        #expect(rows == [Usage(host: "a", usage: 1.5), Usage(host: "a", usage: -0.25), Usage(host: "b", usage: 2)])
        let onlyB = try firstResult(ServerFixtures.usageGroupByHost).decode(Usage.self, tags: ["host": "b"])
        #expect(onlyB == [Usage(host: "b", usage: 2)])
        #expect(try firstResult(ServerFixtures.usageGroupByHost).decode(Usage.self, measurement: "mem").isEmpty)
    }

    @Test func nullIsNilAndAMissingOptionalIsNil() throws {
        struct Row: Decodable, Equatable { var a: Int?; var b: String?; var c: Double? }
        let result = ResultSet(statementID: 0, series: [
            Series(name: "m", columns: ["a", "b"], values: [[.null, .string("x")], [.integer(1), .null]]),
        ])
        #expect(try result.decode(Row.self) == [Row(a: nil, b: "x", c: nil), Row(a: 1, b: nil, c: nil)])
    }

    @Test func aMissingColumnIsKeyNotFoundAtItsRow() throws {
        struct Row: Decodable { var a: Int; var missing: Int }
        let series = Series(name: "m", columns: ["a", "missing"], values: [[.integer(1), .integer(2)]])
        let result = ResultSet(statementID: 0, series: [series, Series(name: "m", columns: ["a"], values: [[.integer(3)]])])
        #expect {
            try result.decode(Row.self)
        } throws: { error in
            guard case let DecodingError.keyNotFound(key, context) = error else { return false }
            return key.stringValue == "missing" && context.codingPath.first?.intValue == 1
        }
    }

    @Test(arguments: [
        (JSONValue.float(2.0), Int8(2) as Int8?),
        (.float(2.5), nil),
        (.integer(127), 127),
        (.integer(128), nil),
        (.unsigned(UInt64.max), nil),
        (.string("1"), nil),
    ])
    func integersConvertOnlyWhenExact(value: JSONValue, expected: Int8?) throws {
        struct Row: Decodable { var v: Int8 }
        let result = ResultSet(statementID: 0, series: [Series(name: "m", columns: ["v"], values: [[value]])])
        if let expected {
            #expect(try result.decode(Row.self).map(\.v) == [expected])
        } else {
            #expect(throws: DecodingError.self) { try result.decode(Row.self) }
        }
    }

    @Test func unsignedAndLargeIntegersKeepTheirValue() throws {
        struct Row: Decodable { var u: UInt64; var d: Double }
        let result = ResultSet(statementID: 0, series: [
            Series(name: "m", columns: ["u", "d"], values: [[.unsigned(UInt64.max), .unsigned(1 << 63)]]),
        ])
        let row = try #require(result.decode(Row.self).first)
        #expect(row.u == UInt64.max)
        #expect(row.d == 9_223_372_036_854_775_808.0)
    }

    @Test func rawRepresentableAndOptionalDatesDecode() throws {
        enum Level: String, Decodable { case low, high }
        struct Row: Decodable { var level: Level; var seen: Date?; var gone: Date? }
        let result = ResultSet(statementID: 0, series: [
            Series(name: "m", columns: ["level", "seen", "gone"],
                   values: [[.string("high"), .string("1970-01-01T00:00:01.5Z"), .null]]),
        ])
        let row = try #require(result.decode(Row.self).first)
        #expect(row.level == .high)
        #expect(row.seen == Date(timeIntervalSince1970: 1.5))
        #expect(row.gone == nil)
    }

    @Test func seriesDecodeTheirOwnRows() throws {
        struct Row: Decodable, Equatable { var time: String; var mean: Double; var region: String }
        let result = try firstResult(ServerFixtures.meanGroupByHostRegion)
        #expect(try result.series[1].decode(Row.self) == [Row(time: "1970-01-01T00:00:00Z", mean: 2, region: "us")])
    }
}
