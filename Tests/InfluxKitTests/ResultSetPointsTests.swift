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

        init(
            _ fixture: String, _ label: String, _ measurement: String?, _ tags: [String: String]?,
            _ column: String, _ expected: [JSONValue]
        ) {
            (self.fixture, self.label, self.measurement, self.tags) = (fixture, label, measurement, tags)
            (self.column, self.expected) = (column, expected)
        }
    }

    static let all = ServerFixtures.selectAll
    static let grouped = ServerFixtures.groupByHost
    static let means = ServerFixtures.meanGroupByHostRegion
    static let policies = ServerFixtures.showRetentionPolicies
    static let mixed = ServerFixtures.multiMeasurement

    static let t1 = JSONValue.string("2020-09-13T12:26:40Z")
    static let t2 = JSONValue.string("2020-09-13T12:26:50Z")
    static let t3 = JSONValue.string("2020-09-13T12:27:00Z")

    // Every expectation below was also checked by running influxdb-python 5.3.2's
    // ResultSet.get_points on the same captured bodies.
    // all (selectAll): one series "cpu" without tags; rows t1 (host a, eu), t2 (b, us), t3 (a, eu).
    // grouped (groupByHost): series cpu{host=a} with rows t1, t3 and cpu{host=b} with t2; region is a column.
    // means (meanGroupByHostRegion): cpu{host=a,region=eu} mean 0.625, cpu{host=b,region=us} mean 2.
    // policies (showRetentionPolicies): one series without a name, row "autogen".
    // mixed (multiMeasurement): series cpu (t1, t2, t3) and mem (hosts a, b) without tags.
    static let filterCases: [FilterCase] = [
        .init(all, "all", nil, nil, "time", [t1, t2, t3]),
        .init(all, "by name", "cpu", nil, "time", [t1, t2, t3]),
        .init(all, "other name", "mem", nil, "time", []),
        .init(all, "tag as column", nil, ["host": "a"], "time", [t1, t3]),
        .init(all, "two columns", nil, ["host": "a", "region": "eu"], "time", [t1, t3]),
        .init(all, "columns disagree", nil, ["host": "a", "region": "us"], "time", []),
        .init(all, "no such value", nil, ["host": "z"], "time", []),
        .init(all, "no such column", nil, ["dc": "a"], "time", []),
        .init(all, "empty filter", nil, [:], "time", [t1, t2, t3]),
        .init(all, "number column vs text", nil, ["usage": "1.5"], "time", []),
        .init(all, "string field column", nil, ["msg": "tab\tnew"], "time", [t2]),
        .init(all, "name and column", "cpu", ["host": "b"], "time", [t2]),
        .init(grouped, "series tag", nil, ["host": "a"], "time", [t1, t3]),
        .init(grouped, "column of grouped", nil, ["region": "us"], "time", [t2]),
        .init(grouped, "series tag plus column never mix", nil, ["host": "a", "region": "eu"], "time", []),
        .init(grouped, "name and series tag", "cpu", ["host": "b"], "time", [t2]),
        .init(grouped, "wrong name, right tag", "mem", ["host": "b"], "time", []),
        .init(means, "two series tags", nil, ["host": "a", "region": "eu"], "mean", [.float(0.625)]),
        .init(means, "series tags disagree", nil, ["host": "a", "region": "us"], "mean", []),
        .init(means, "one series tag", nil, ["region": "us"], "mean", [.integer(2)]),
        .init(policies, "unnamed, all", nil, nil, "name", [.string("autogen")]),
        .init(policies, "unnamed is results", "results", nil, "name", [.string("autogen")]),
        .init(policies, "unnamed, other name", "autogen", nil, "name", []),
        .init(policies, "unnamed, column filter", nil, ["name": "autogen"], "name", [.string("autogen")]),
        .init(policies, "unnamed, column mismatch", nil, ["name": "other"], "name", []),
        .init(mixed, "second measurement", "mem", nil, "host", [.string("a"), .string("b")]),
        .init(mixed, "tag across measurements", nil, ["host": "b"], "time", [t2, .string("2020-09-13T12:26:45Z")]),
        .init(ServerFixtures.emptyResult, "no series", nil, nil, "time", []),
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
            // Fed, not decoded as a whole body: a body ending after a partial chunk is cut short.
            var decoder = QueryResponseDecoder()
            var decoded: [ResultSet] = []
            try decoder.feed(Array(line.utf8)) { decoded.append($0) }
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
            ("series", .array([
                .object([("tags", .object([("B", .string("0")), ("a", .string("1")), ("b", .string("2"))]))]),
            ])),
            ("error", .string("oops")),
        ])
        #expect(result.raw == expected)
    }
}
