import Foundation
import InfluxKit
import Testing

/// Points queued by a `SeriesHelper` reach the server exactly as added.
@Suite(.integration)
struct SeriesHelperRoundTripTests {
    @Test func autocommittedAndCommittedPointsComeBackExactly() throws {
        let server = try InfluxServer.shared()
        let database = server.makeDatabaseName()
        let client = try server.client(database: database)
        try client.createRetentionPolicy("week", duration: "7d", database: database)
        let helper = try SeriesHelper(.init(
            seriesName: "events.stats.{server_name}", fields: ["time", "some_stat", "other_stat", "note"],
            tags: ["server_name"], client: client, bulkSize: 3, commitsAutomatically: true,
            retentionPolicy: "week", precision: .milliseconds))
        let base = Int64(Date().timeIntervalSince1970) * 1_000 - 3_600_000  // inside the 7-day policy
        var expected: [String: [[JSONValue]]] = [:]
        for index in 0..<7 {
            let server = index % 2 == 0 ? "us.east-1" : "eu \"west\""
            var fields: [String: FieldValue] = ["some_stat": .integer(Int64(150 + index))]
            if index % 3 == 0 { fields["other_stat"] = .float(Double(index) + 0.25) }
            if index == 4 { fields["note"] = .string("a \"quoted\" \\ note\nwith 🚀") }
            try helper.add(tags: ["server_name": server], fields: fields, time: .epoch(base + Int64(index), .milliseconds))
            expected["events.stats.\(server)", default: []].append([
                .integer(base + Int64(index)),
                index == 4 ? .string("a \"quoted\" \\ note\nwith 🚀") : .null,
                index % 3 == 0 ? .float(Double(index) + 0.25) : .null,
                .string(server),
                .integer(Int64(150 + index)),
            ])
        }
        #expect(helper.pendingPoints.count == 1, "six of seven points were autocommitted")
        let beforeCommit = try client.query("SELECT count(some_stat) FROM week./events.stats.*/", epoch: .milliseconds)
        #expect(beforeCommit.first?.series.map { $0.values.first?[1] } == [.integer(3), .integer(3)])
        #expect(try helper.commit() == 1)

        let results = try client.query(
            "SELECT time, note, other_stat, server_name, some_stat FROM week./events.stats.*/", epoch: .milliseconds)
        let series = try #require(results.first?.series)
        #expect(Dictionary(uniqueKeysWithValues: series.map { ($0.name ?? "", $0.values) }) == expected)
        #expect(try client.query("SELECT * FROM autogen./events.stats.*/").first?.series.isEmpty == true,
                "nothing went to the default retention policy")
    }

    @Test func helpersOnTwoClientsWriteToTheirOwnDatabases() throws {
        let server = try InfluxServer.shared()
        let first = try server.client(database: server.makeDatabaseName())
        let second = try server.client(database: server.makeDatabaseName())
        func helper(_ client: InfluxClient) throws -> SeriesHelper {
            try SeriesHelper(.init(seriesName: "m", fields: ["v"], tags: [], client: client, precision: .seconds))
        }
        let a = try helper(first)
        let b = try helper(second)
        try a.add(tags: [:], fields: ["v": .integer(1)], time: .epoch(10, .seconds))
        try b.add(tags: [:], fields: ["v": .integer(2)], time: .epoch(20, .seconds))
        try a.commit()
        try b.commit()
        #expect(try first.query("SELECT v FROM m", epoch: .seconds).onlyRows() == [[.integer(10), .integer(1)]])
        #expect(try second.query("SELECT v FROM m", epoch: .seconds).onlyRows() == [[.integer(20), .integer(2)]])
    }
}
