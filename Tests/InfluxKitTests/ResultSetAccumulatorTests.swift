import Testing
@testable import InfluxKit

@Suite struct ResultSetAccumulatorTests {
    @Test func chunkedGroupByMergesLikeTheUnchunkedAnswer() throws {
        let chunks = try QueryResponseDecoder.decode(ServerFixtures.chunkedGroupBy)
        #expect(chunks.count == 3)
        #expect(chunks.mergingChunks() == (try QueryResponseDecoder.decode(ServerFixtures.usageGroupByHost)))
    }

    @Test func chunkedStatementsMergeLikeTheUnchunkedAnswer() throws {
        let chunks = try QueryResponseDecoder.decode(ServerFixtures.chunkedMultiStatement)
        #expect(chunks.count == 3)
        #expect(chunks.mergingChunks() == (try QueryResponseDecoder.decode(ServerFixtures.multiStatementEpochNs)))
    }

    @Test func statementErrorsKeepTheFirstError() throws {
        let merged = try QueryResponseDecoder.decode(ServerFixtures.statementErrorChunked).mergingChunks()
        #expect(merged.map(\.statementID) == [0, 1])
        #expect(merged.map(\.error) == [nil, "database not found: nodb"])
        #expect(merged.first?.series.count == 1)
        #expect(merged.first?.series.first?.values.count == 3)
        #expect(merged.first?.isPartial == false)
    }

    @Test func accumulatorReturnsAStatementWhenTheNextBegins() {
        var accumulator = ResultSetAccumulator()
        let first = ResultSet(
            statementID: 0,
            series: [Series(name: "m", columns: ["a"], values: [[.integer(1)]], isPartial: true)],
            isPartial: true
        )
        let second = ResultSet(statementID: 0, series: [Series(name: "m", columns: ["a"], values: [[.integer(2)]])],
                               messages: [.init(level: "warning", text: "w")])
        let third = ResultSet(statementID: 1)
        #expect(accumulator.add(first) == nil)
        #expect(accumulator.add(second) == nil)
        let completed = accumulator.add(third)
        #expect(completed == ResultSet(
            statementID: 0,
            series: [Series(name: "m", columns: ["a"], values: [[.integer(1)], [.integer(2)]])],
            messages: [.init(level: "warning", text: "w")]
        ))
        #expect(accumulator.finish() == third)
        #expect(accumulator.finish() == nil)
    }

    struct ContinuationCase: Sendable, CustomTestStringConvertible {
        let label: String
        let previous: Series
        let next: Series
        let appends: Bool
        var testDescription: String { label }
    }

    static let base = Series(
        name: "cpu", tags: ["host": "a"], columns: ["time", "v"], values: [[.integer(1), .integer(1)]], isPartial: true
    )

    static func changing(_ change: (inout Series) -> Void) -> Series {
        var series = base
        series.values = [[.integer(2), .integer(2)]]
        series.isPartial = false
        change(&series)
        return series
    }

    static let continuationCases: [ContinuationCase] = [
        .init(label: "same series continues", previous: base, next: changing { _ in }, appends: true),
        .init(label: "previous not partial", previous: Series(name: "cpu", tags: ["host": "a"], columns: ["time", "v"]),
              next: changing { _ in }, appends: false),
        .init(label: "other name", previous: base, next: changing { $0.name = "mem" }, appends: false),
        .init(label: "unnamed", previous: base, next: changing { $0.name = nil }, appends: false),
        .init(label: "other tags", previous: base, next: changing { $0.tags = ["host": "b"] }, appends: false),
        .init(label: "no tags", previous: base, next: changing { $0.tags = nil }, appends: false),
        .init(label: "other columns", previous: base, next: changing { $0.columns = ["time", "w"] }, appends: false),
    ]

    @Test(arguments: continuationCases)
    func seriesContinuation(_ example: ContinuationCase) {
        let chunks = [
            ResultSet(statementID: 0, series: [example.previous], isPartial: true),
            ResultSet(statementID: 0, series: [example.next]),
        ]
        let merged = chunks.mergingChunks()
        #expect(merged.count == 1)
        if example.appends {
            #expect(merged.first?.series.count == 1)
            #expect(merged.first?.series.first?.values == example.previous.values + example.next.values)
            #expect(merged.first?.series.first?.isPartial == false)
        } else {
            #expect(merged.first?.series == [example.previous, example.next])
        }
    }

    @Test func onlyTheLastSeriesOfAChunkContinues() {
        let chunks = [
            ResultSet(
                statementID: 0,
                series: [Self.base, Series(name: "mem", columns: ["time"], values: [[.integer(5)]], isPartial: true)],
                isPartial: true
            ),
            ResultSet(statementID: 0, series: [Self.changing { _ in }]),
        ]
        #expect(chunks.mergingChunks().first?.series.count == 3)
    }

    @Test func emptyInput() {
        #expect([ResultSet]().mergingChunks().isEmpty)
    }
}
