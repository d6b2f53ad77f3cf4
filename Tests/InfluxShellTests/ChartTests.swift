import InfluxKit
import Testing
@testable import InfluxShell

/// The chart model: scales and ticks, min/max buckets, the braille canvas, traces and gaps.
struct ChartTests {
    @Test(arguments: [
        (1e-9, 5e-9), (0.0, 1.0), (-3.5, 2.25), (97.0, 103.0), (1.0, 1e15), (-1e12, -1e3), (0.001, 0.002), (12_345.0, 98_765.0),
    ])
    func ticksAreRoundAndInsideTheRange(minimum: Double, maximum: Double) {
        let scale = ChartScale(minimum: minimum, maximum: maximum, count: 5)
        #expect(scale.lower == minimum && scale.upper == maximum)
        #expect(scale.ticks.count >= 1 && scale.ticks.count <= 6, "\(scale.ticks)")
        #expect(scale.ticks.allSatisfy { $0 >= minimum - 1e-12 * abs(minimum) && $0 <= maximum * (1 + 1e-12) + 1e-300 })
        #expect(scale.ticks == scale.ticks.sorted())
        if let step = zip(scale.ticks.dropFirst(), scale.ticks).map({ $0 - $1 }).first {
            // 1, 2 or 5 times a power of ten.
            let exponent = Double(Int((step.magnitude).exponent))
            let mantissa = step / ChartScale.pow10(Int((log10Value(step)).rounded(.down)))
            #expect([1, 2, 5, 10].contains { abs(mantissa - $0) < 1e-6 }, "step \(step) \(exponent)")
        }
        if minimum < 0 && maximum > 0 { #expect(scale.ticks.contains(0)) }
    }

    func log10Value(_ value: Double) -> Double {
        var exponent = 0.0, rest = value
        while rest >= 10 { rest /= 10; exponent += 1 }
        while rest < 1 { rest *= 10; exponent -= 1 }
        return exponent
    }

    @Test func aConstantSeriesIsDrawnInTheMiddle() {
        for value in [0.0, 42.0, -7.5, 1e-9] {
            let scale = ChartScale(minimum: value, maximum: value)
            #expect(abs(scale.position(of: value) - 0.5) < 1e-9, "\(value)")
        }
    }

    @Test(arguments: [
        (0.0, "0"), (0.5, "0.5"), (12_000.0, "12k"), (1_234_567.0, "1.23M"), (-2_500.0, "-2.5k"), (3e-9, "3e-9"), (100.0, "100"), (7e12, "7T"),
    ])
    func labelsUseTheUnitsOfTheData(value: Double, label: String) {
        #expect(ChartScale.label(value) == label)
    }

    @Test func aOneSampleSpikeAmongAMillionPointsStaysVisible() {
        var buckets = ChartBuckets(capacity: 200)
        for index in 0..<1_000_000 {
            buckets.add(index == 654_321 ? 1_000 : 1, at: Int64(index) * 1_000_000_000)
        }
        #expect(buckets.buckets.count <= 200)
        #expect(buckets.count == 1_000_000)
        #expect(buckets.buckets.values.map(\.maximum).max() == 1_000)
        let trace = ChartTrace(buckets, range: buckets.timeRange!, count: 80)
        #expect(trace.columns.compactMap { $0?.maximum }.max() == 1_000)
        #expect(trace.columns.allSatisfy { $0 != nil })
    }

    @Test func bucketsAcceptTimesInAnyOrderAndFromBeforeNineteenSeventy() {
        var buckets = ChartBuckets(capacity: 10)
        for time: Int64 in [500, -9_000_000_000_000_000_000, 9_000_000_000_000_000_000, 0, -1] {
            buckets.add(Double(time.signum()), at: time)
        }
        #expect(buckets.buckets.count <= 10)
        #expect(buckets.count == 5)
        #expect(buckets.timeRange!.contains(-9_000_000_000_000_000_000))
        #expect(buckets.timeRange!.contains(9_000_000_000_000_000_000))
    }

    @Test func nullsBreakTheLineAndLonePointsAreDots() {
        var buckets = ChartBuckets(capacity: 100)
        for time: Int64 in 0..<10 { buckets.add(Double(time), at: time) }
        buckets.addGap(at: 10)
        for time: Int64 in 11..<20 { buckets.add(Double(time), at: time) }
        buckets.add(5, at: 30)
        let trace = ChartTrace(buckets, range: 0...30, count: 31)
        let strokes = trace.strokes { $0 / 20 }
        let joins = strokes.filter { $0.from.x != $0.to.x }
        #expect(!joins.contains { $0.from.x < 10 && $0.to.x > 10 }, "no line across the null")
        #expect(joins.contains { $0.from.x == 19 && $0.to.x == 30 }, "points without a null between are joined")
        #expect(strokes.contains { $0.from.x == 30 && $0.to.x == 30 })
    }

    @Test func brailleDotsMapToTheirBits() {
        var canvas = BrailleCanvas(columns: 1, rows: 1)
        #expect(canvas.character(column: 0, row: 0) == " ")
        canvas.set(x: 0, y: 0, colour: 0)
        #expect(canvas.character(column: 0, row: 0) == "⠁")
        canvas.set(x: 1, y: 3, colour: 1)
        #expect(canvas.character(column: 0, row: 0) == "⢁")
        canvas.vertical(x: 0, from: 0, to: 3, colour: 2)
        canvas.vertical(x: 1, from: 3, to: 0, colour: 2)
        #expect(canvas.character(column: 0, row: 0) == "⣿")
        #expect(canvas.colour(column: 0, row: 0) == 2)
        canvas.set(x: 5, y: 9, colour: 3)  // outside: ignored
    }

    @Test func columnsThatAreNotNumbersAreListedAndATimelessResultIsNoted() {
        var model = ChartModel(bucketCapacity: 50)
        model.add(ResultSet(statementID: 0, series: [Series(
            name: "m", tags: ["host": "a"], columns: ["time", "v", "s"],
            values: [[.integer(1), .float(1.5), .string("x")], [.integer(2), .null, .string("y")]])]))
        #expect(model.panels.map(\.column) == ["v"])
        #expect(model.skippedColumns == ["s"])
        #expect(model.panels[0].lines.map(\.label) == ["host=a"])
        #expect(!model.lacksTime)
        model.add(ResultSet(statementID: 0, series: [Series(name: "databases", columns: ["name"], values: [[.string("db")]])]))
        #expect(model.lacksTime)
    }

    @Test func seriesBeyondTheLimitAreCounted() {
        var model = ChartModel(bucketCapacity: 10)
        let series = (0..<(ChartModel.maximumLines + 3)).map { index in
            Series(name: "m", tags: ["host": "h\(index)"], columns: ["time", "v"], values: [[.integer(1), .integer(Int64(index))]])
        }
        model.add(ResultSet(statementID: 0, series: series))
        #expect(model.panels[0].lines.count == ChartModel.maximumLines)
        #expect(model.hiddenSeries == 3)
    }
}
