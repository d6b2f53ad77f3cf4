import Foundation
import Testing
import InfluxKit

@Suite struct FrameTests {
    @Test func columnsKeepTheirOrderAndAreFoundByName() throws {
        var frame = try Frame(time: [3, 1], columns: ["b": .integer([1, nil]), "a": .string(["x", "y"])])
        #expect(frame.columnNames == ["b", "a"])
        #expect(frame["a"] == .string(["x", "y"]))
        #expect(frame["zz"] == nil)
        try frame.setColumn("b", .boolean([true, false]))
        try frame.setColumn("c", .float([1, .nan]))
        #expect(frame.columnNames == ["b", "a", "c"])
        #expect(frame["b"] == .boolean([true, false]))
        #expect(frame.removeColumn("a") == .string(["x", "y"]))
        #expect(frame.removeColumn("a") == nil)
        #expect(frame.columns.map(\.name) == ["b", "c"])
    }

    @Test(arguments: [
        ("short", Frame.Column.float([1])), ("time", .float([1, 2])),
    ])
    func badColumnsAreRefused(name: String, column: Frame.Column) throws {
        var frame = try Frame(time: [1, 2])
        #expect(throws: InfluxError.self) { try frame.setColumn(name, column) }
    }

    @Test func aRepeatedNameIsRefused() {
        #expect(throws: InfluxError.invalidArgument("column \"a\" is given twice")) {
            try Frame(time: [1], columns: ["a": .float([1]), "a": .float([2])])
        }
    }

    @Test func missingFloatsCompareEqual() throws {
        #expect(Frame.Column.float([1, .nan]) == .float([1, .nan]))
        #expect(Frame.Column.float([1, .nan]) != .float([1, 2]))
        #expect(Frame.Column.float([1]) != .integer([1]))
    }

    @Test func sortingByTimeIsStableAndMovesEveryColumn() throws {
        let frame = try Frame(time: [5, 1, 5, 0], columns: ["v": .integer([50, 10, 51, 0]), "s": .string(["a", "b", "c", nil])])
        let sorted = frame.sortedByTime()
        #expect(sorted.time == [0, 1, 5, 5])
        #expect(sorted["v"] == .integer([0, 10, 50, 51]))
        #expect(sorted["s"] == .string([nil, "b", "a", "c"]))
    }

    @Test func droppingEmptyColumnsKeepsColumnsWithAValue() throws {
        let frame = try Frame(time: [1, 2], columns: [
            "f": .float([.nan, .nan]), "g": .float([.nan, 1]), "i": .integer([nil, nil]), "s": .string([nil, ""]),
        ])
        #expect(frame.droppingEmptyColumns().columnNames == ["g", "s"])
    }

    @Test(arguments: [
        (Frame.Column.integer([1, nil, -2]), Frame.ColumnType.float, Frame.Column.float([1, .nan, -2])),
        (.float([1, .nan, -2]), .integer, .integer([1, nil, -2])),
        (.float([1.5, .nan]), .string, .string(["1.5", nil])),
        (.boolean([true, nil]), .string, .string(["true", nil])),
        (.integer([7]), .integer, .integer([7])),
    ])
    func columnsConvert(column: Frame.Column, type: Frame.ColumnType, expected: Frame.Column) throws {
        #expect(try column.converted(to: type) == expected)
    }

    @Test(arguments: [
        (Frame.Column.float([1, 2.5]), Frame.ColumnType.integer), (.float([1e300]), .integer),
        (.string(["1"]), .float), (.boolean([true]), .integer), (.integer([1]), .boolean),
    ])
    func impossibleConversionsAreRefused(column: Frame.Column, type: Frame.ColumnType) {
        #expect(throws: InfluxError.self) { try column.converted(to: type) }
    }

    @Test func valuesForWritingLeaveOutMissingAndNonFiniteCells() {
        let column = Frame.Column.float([1.5, .nan, .infinity, -.infinity])
        #expect((0..<4).map(column.value(at:)) == [.float(1.5), nil, nil, nil])
        #expect(Frame.Column.string([nil, "x"]).value(at: 1) == .string("x"))
        #expect(Frame.Column.integer([nil, 3]).value(at: 0) == nil)
    }

    @Test func csvQuotesWhatNeedsItAndLeavesMissingCellsEmpty() throws {
        let frame = try Frame(time: [1_700_000_000_123_000_000, -1], columns: [
            "a,b": .string(["x \"y\"", "line\nbreak"]), "f": .float([0.1, .nan]), "i": .integer([nil, -3]),
            "b": .boolean([false, nil]),
        ])
        let expected = "time,\"a,b\",f,i,b\n"
            + "2023-11-14T22:13:20.123Z,\"x \"\"y\"\"\",0.1,,false\n"
            + "1969-12-31T23:59:59.999999999Z,\"line\nbreak\",,-3,\n"
        #expect(frame.csv() == expected)
        let simple = try Frame(time: [1_500_000_000, -1], columns: ["v": .integer([1, 2])])
        #expect(simple.csv(time: .epoch(.seconds)) == "time,v\n1,1\n-1,2\n")
    }

    @Test func frameKeysDescribeThemselvesWithSortedTags() {
        #expect(FrameKey(measurement: "cpu", tags: ["z": "1", "a": "2"]).description == "cpu,a=2,z=1")
        #expect(FrameKey(measurement: "cpu").description == "cpu")
    }

    @Test func frameKeysSortByMeasurementThenTags() {
        let keys = [
            FrameKey(measurement: "b"), FrameKey(measurement: "a", tags: ["h": "2"]),
            FrameKey(measurement: "a", tags: ["h": "1", "z": "0"]), FrameKey(measurement: "a", tags: ["h": "1"]),
            FrameKey(measurement: "a"), FrameKey(measurement: "a", tags: ["g": "9"]),
        ]
        #expect(keys.sorted().map(\.description) == ["a", "a,g=9", "a,h=1", "a,h=1,z=0", "a,h=2", "b"])
    }

    @Test func datesFollowTheIndex() throws {
        let frame = try Frame(time: [1_700_000_000_250_000_000, -1_500_000_000])
        #expect(frame.dates == [Date(timeIntervalSince1970: 1_700_000_000.25), Date(timeIntervalSince1970: -1.5)])
    }
}
