import Testing
@testable import InfluxKit

/// The single result of a captured one-statement response.
func firstResult(_ fixture: String) throws -> ResultSet {
    try #require(QueryResponseDecoder.decode(fixture).first)
}

@Suite struct ResultSetPointsTests {
    @Test func keys() throws {
        let grouped = try firstResult(ServerFixtures.groupByHost).keys()
        #expect(grouped.map(\.name) == ["cpu", "cpu"])
        #expect(grouped.map(\.tags) == [["host": "a"], ["host": "b"]])

        let plain = try firstResult(ServerFixtures.selectAll).keys()
        #expect(plain.map(\.name) == ["cpu"])
        #expect(plain.map(\.tags) == [nil])

        // influxdb-python names a series the server sent without a name "results".
        let policies = try firstResult(ServerFixtures.showRetentionPolicies).keys()
        #expect(policies.map(\.name) == ["results"])
        #expect(policies.map(\.tags) == [nil])

        #expect(try firstResult(ServerFixtures.emptyResult).keys().isEmpty)
    }

    @Test func items() throws {
        let items = try firstResult(ServerFixtures.usageGroupByHost).items()
        #expect(items.map(\.key.name) == ["cpu", "cpu"])
        #expect(items.map(\.key.tags) == [["host": "a"], ["host": "b"]])
        #expect(items.map(\.points) == [
            [
                ["time": .string("2020-09-13T12:26:40Z"), "usage": .float(1.5)],
                ["time": .string("2020-09-13T12:27:00Z"), "usage": .float(-0.25)],
            ],
            [["time": .string("2020-09-13T12:26:50Z"), "usage": .integer(2)]],
        ])
    }

    @Test func pointsAreColumnDictionaries() throws {
        let points = try firstResult(ServerFixtures.showRetentionPolicies).points()
        #expect(points == [[
            "name": .string("autogen"), "duration": .string("0s"), "shardGroupDuration": .string("168h0m0s"),
            "replicaN": .integer(1), "default": .bool(true),
        ]])
    }

    struct FilterCase: Sendable, CustomTestStringConvertible {
        let fixture: String
        let label: String
        let measurement: String?
        let tags: [String: String]?
        /// The value of `column` in each expected point, in order.
        let column: String
        let expected: [JSONValue]
        var testDescription: String { "\(label) measurement=\(measurement ?? "nil") tags=\(tags.map { "\($0)" } ?? "nil")" }
    }

    static let t1 = JSONValue.string("2020-09-13T12:26:40Z")
    static let t2 = JSONValue.string("2020-09-13T12:26:50Z")
    static let t3 = JSONValue.string("2020-09-13T12:27:00Z")

    // selectAll: one series "cpu" without tags; rows t1 (host a, eu), t2 (b, us), t3 (a, eu).
    // groupByHost: series cpu{host=a} with rows t1, t3 and cpu{host=b} with t2; region is a column.
    // meanGroupByHostRegion: cpu{host=a,region=eu} mean 0.625, cpu{host=b,region=us} mean 2.
    // showRetentionPolicies: one series without a name, row "autogen".
    // multiMeasurement: series cpu (t1, t2, t3) and mem (hosts a, b) without tags.
    static let filterCases: [FilterCase] = [
        .init(fixture: ServerFixtures.selectAll, label: "all", measurement: nil, tags: nil, column: "time", expected: [t1, t2, t3]),
        .init(fixture: ServerFixtures.selectAll, label: "by name", measurement: "cpu", tags: nil, column: "time", expected: [t1, t2, t3]),
        .init(fixture: ServerFixtures.selectAll, label: "other name", measurement: "mem", tags: nil, column: "time", expected: []),
        .init(fixture: ServerFixtures.selectAll, label: "tag as column", measurement: nil, tags: ["host": "a"], column: "time", expected: [t1, t3]),
        .init(fixture: ServerFixtures.selectAll, label: "two columns", measurement: nil, tags: ["host": "a", "region": "eu"], column: "time", expected: [t1, t3]),
        .init(fixture: ServerFixtures.selectAll, label: "columns disagree", measurement: nil, tags: ["host": "a", "region": "us"], column: "time", expected: []),
        .init(fixture: ServerFixtures.selectAll, label: "no such value", measurement: nil, tags: ["host": "z"], column: "time", expected: []),
        .init(fixture: ServerFixtures.selectAll, label: "no such column", measurement: nil, tags: ["dc": "a"], column: "time", expected: []),
        .init(fixture: ServerFixtures.selectAll, label: "empty filter", measurement: nil, tags: [:], column: "time", expected: [t1, t2, t3]),
        .init(fixture: ServerFixtures.selectAll, label: "number column vs text", measurement: nil, tags: ["usage": "1.5"], column: "time", expected: []),
        .init(fixture: ServerFixtures.selectAll, label: "string field column", measurement: nil, tags: ["msg": "tab\tnew"], column: "time", expected: [t2]),
        .init(fixture: ServerFixtures.selectAll, label: "name and column", measurement: "cpu", tags: ["host": "b"], column: "time", expected: [t2]),
        .init(fixture: ServerFixtures.groupByHost, label: "series tag", measurement: nil, tags: ["host": "a"], column: "time", expected: [t1, t3]),
        .init(fixture: ServerFixtures.groupByHost, label: "column of grouped", measurement: nil, tags: ["region": "us"], column: "time", expected: [t2]),
        .init(fixture: ServerFixtures.groupByHost, label: "series tag plus column never mix", measurement: nil, tags: ["host": "a", "region": "eu"], column: "time", expected: []),
        .init(fixture: ServerFixtures.groupByHost, label: "name and series tag", measurement: "cpu", tags: ["host": "b"], column: "time", expected: [t2]),
        .init(fixture: ServerFixtures.groupByHost, label: "wrong name, right tag", measurement: "mem", tags: ["host": "b"], column: "time", expected: []),
        .init(fixture: ServerFixtures.meanGroupByHostRegion, label: "two series tags", measurement: nil, tags: ["host": "a", "region": "eu"], column: "mean", expected: [.float(0.625)]),
        .init(fixture: ServerFixtures.meanGroupByHostRegion, label: "series tags disagree", measurement: nil, tags: ["host": "a", "region": "us"], column: "mean", expected: []),
        .init(fixture: ServerFixtures.meanGroupByHostRegion, label: "one series tag", measurement: nil, tags: ["region": "us"], column: "mean", expected: [.integer(2)]),
        .init(fixture: ServerFixtures.showRetentionPolicies, label: "unnamed, all", measurement: nil, tags: nil, column: "name", expected: [.string("autogen")]),
        .init(fixture: ServerFixtures.showRetentionPolicies, label: "unnamed is results", measurement: "results", tags: nil, column: "name", expected: [.string("autogen")]),
        .init(fixture: ServerFixtures.showRetentionPolicies, label: "unnamed, other name", measurement: "autogen", tags: nil, column: "name", expected: []),
        .init(fixture: ServerFixtures.showRetentionPolicies, label: "unnamed, column filter", measurement: nil, tags: ["name": "autogen"], column: "name", expected: [.string("autogen")]),
        .init(fixture: ServerFixtures.showRetentionPolicies, label: "unnamed, column mismatch", measurement: nil, tags: ["name": "other"], column: "name", expected: []),
        .init(fixture: ServerFixtures.multiMeasurement, label: "second measurement", measurement: "mem", tags: nil, column: "host", expected: [.string("a"), .string("b")]),
        .init(fixture: ServerFixtures.multiMeasurement, label: "tag across measurements", measurement: nil, tags: ["host": "b"], column: "time", expected: [t2, .string("2020-09-13T12:26:45Z")]),
        .init(fixture: ServerFixtures.emptyResult, label: "no series", measurement: nil, tags: nil, column: "time", expected: []),
    ]

    @Test(arguments: filterCases)
    func pointsFiltering(_ filter: FilterCase) throws {
        let points = try firstResult(filter.fixture).points(measurement: filter.measurement, tags: filter.tags)
        #expect(points.map { $0[filter.column] ?? .null } == filter.expected)
    }

    @Test func pointFromColumnsAndValues() {
        #expect(ResultSet.point(columns: ["a", "b"], values: [.integer(1), .null]) == ["a": .integer(1), "b": .null])
        #expect(ResultSet.point(columns: ["a", "a"], values: [.integer(1), .integer(2)]) == ["a": .integer(2)])
        #expect(ResultSet.point(columns: ["a", "b"], values: [.integer(1)]) == ["a": .integer(1)])
        #expect(ResultSet.point(columns: [], values: []) == [:])
    }
}

@Suite struct ResultSetRawTests {
    /// For each captured body, `raw` of every decoded result equals the server's own JSON for
    /// that result, parsed with the general reader.
    @Test(arguments: [
        ServerFixtures.selectAll, ServerFixtures.groupByHost, ServerFixtures.meanGroupByHostRegion,
        ServerFixtures.showRetentionPolicies, ServerFixtures.multiStatement, ServerFixtures.multiMeasurement,
        ServerFixtures.statementError, ServerFixtures.escapedStrings, ServerFixtures.deprecationMessage,
        ServerFixtures.emptyResult,
    ])
    func rawMatchesTheServerJSON(_ fixture: String) throws {
        let decoded = try QueryResponseDecoder.decode(fixture)
        let tree = try JSONReader().parse(fixture)
        guard case let .array(serverResults)? = tree["results"] else {
            Issue.record("no results array")
            return
        }
        #expect(decoded.map(\.raw) == serverResults)
    }

    @Test func rawOfChunksKeepsPartialFlags() throws {
        let lines = ServerFixtures.chunkedGroupBy.split(separator: "\n")
        for line in lines {
            let decoded = try QueryResponseDecoder.decode(String(line))
            let tree = try JSONReader().parse(String(line))
            #expect(decoded.map(\.raw) == tree["results"].map { value -> [JSONValue] in
                if case let .array(list) = value { return list }
                return []
            })
        }
    }

    @Test func rawSortsTagsAndLeavesOutEmptyMembers() {
        let result = ResultSet(statementID: 2, series: [
            Series(name: nil, tags: ["b": "2", "a": "1", "B": "0"], columns: []),
        ], error: "oops")
        let expected = JSONValue.object([
            ("statement_id", .integer(2)),
            ("series", .array([.object([("tags", .object([("B", .string("0")), ("a", .string("1")), ("b", .string("2"))]))])])),
            ("error", .string("oops")),
        ])
        #expect(result.raw == expected)
    }
}
