import Foundation
import Testing
@testable import InfluxKit

@Suite struct SeriesHelperTests {
    static func configuration(
        client: InfluxClient? = nil, bulkSize: Int? = nil, autocommit: Bool = false
    ) -> SeriesHelper.Configuration {
        SeriesHelper.Configuration(
            seriesName: "events.stats.{server_name}", fields: ["time", "some_stat", "other_stat"],
            tags: ["server_name", "zone"], client: client, bulkSize: bulkSize, commitsAutomatically: autocommit,
            precision: .seconds)
    }

    static func bodies(_ transport: FakeTransport) -> [String] {
        transport.requests.map { String(decoding: $0.body ?? [], as: UTF8.self) }
    }

    @Test func timeIsRemovedFromTheFields() throws {
        let helper = try SeriesHelper(Self.configuration())
        #expect(helper.configuration.fields == ["some_stat", "other_stat"])
        #expect(throws: InfluxError.invalidArgument("unknown field \"time\"")) {
            try helper.add(tags: ["server_name": "a", "zone": "z"], fields: ["time": .integer(1)])
        }
    }

    @Test func autocommitWithoutClientIsRefused() {
        #expect(throws: InfluxError.invalidArgument("autocommit needs a client")) {
            try SeriesHelper(Self.configuration(autocommit: true))
        }
    }

    @Test(arguments: [
        (Int?.none, true, Int?.some(1)), (0, true, 1), (-3, true, 1), (7, true, 7),
        (5, false, nil), (nil, false, nil),
    ] as [(Int?, Bool, Int?)])
    func bulkSizeBelowOneIsForcedToOneWithAutocommit(bulkSize: Int?, autocommit: Bool, effective: Int?) throws {
        let client = try InfluxClient.fake(FakeTransport([]))
        let helper = try SeriesHelper(Self.configuration(client: client, bulkSize: bulkSize, autocommit: autocommit))
        #expect(helper.effectiveBulkSize == effective)
    }

    @Test(arguments: [
        (["server_name": "a"], ["some_stat": FieldValue.integer(1)], "missing tag \"zone\""),
        ([:], ["some_stat": .integer(1)], "missing tags \"server_name\", \"zone\""),
        (["server_name": "a", "zone": "z", "rack": "r"], ["some_stat": .integer(1)], "unknown tag \"rack\""),
        (["server_name": "a", "zone": "z"], ["some_stat": .integer(1), "bogus": .integer(2)], "unknown field \"bogus\""),
        (["server_name": "a", "zone": "z", "some_stat": "1"], [:], "unknown tag \"some_stat\""),
    ] as [([String: String], [String: FieldValue], String)])
    func invalidArgumentsAreRefusedAndNothingIsQueued(tags: [String: String], fields: [String: FieldValue], message: String) throws {
        let helper = try SeriesHelper(Self.configuration())
        #expect(throws: InfluxError.invalidArgument(message)) {
            try helper.add(tags: tags, fields: fields, time: .epoch(1, .seconds))
        }
        #expect(helper.pendingPoints.isEmpty)
    }

    @Test func notAllFieldsAreRequiredButOneIs() throws {
        let helper = try SeriesHelper(Self.configuration())
        try helper.add(tags: ["server_name": "a", "zone": "z"], fields: ["other_stat": .float(0.5)], time: .epoch(3, .seconds))
        #expect(helper.pendingBody == "events.stats.a,server_name=a,zone=z other_stat=0.5 3\n")
        #expect(throws: InfluxError.self) {
            try helper.add(tags: ["server_name": "a", "zone": "z"], fields: [:], time: .epoch(4, .seconds))
        }
        #expect(helper.pendingPoints.count == 1)
    }

    @Test(arguments: [
        ("{some_stat}", FieldValue.integer(-7), "-7"), ("{some_stat}", .float(2.5), "2.5"),
        ("{some_stat}", .string("s x"), "s x"), ("{some_stat}", .boolean(true), "true"),
        ("{zone}.{some_stat}", .unsigned(18_000_000_000_000_000_000), "z.18000000000000000000"),
    ] as [(String, FieldValue, String)])
    func seriesNameIsFilledFromTagsAndFields(template: String, value: FieldValue, measurement: String) throws {
        var configuration = Self.configuration()
        configuration.seriesName = template
        let helper = try SeriesHelper(configuration)
        try helper.add(tags: ["server_name": "a", "zone": "z"], fields: ["some_stat": value], time: .epoch(1, .seconds))
        #expect(helper.pendingPoints.map(\.measurement) == [measurement])
    }

    @Test func placeholderOfAnAbsentFieldIsAnError() throws {
        var configuration = Self.configuration()
        configuration.seriesName = "m.{other_stat}"
        let helper = try SeriesHelper(configuration)
        #expect(throws: InfluxError.invalidArgument("series name \"m.{other_stat}\" needs a value for \"other_stat\"")) {
            try helper.add(tags: ["server_name": "a", "zone": "z"], fields: ["some_stat": .integer(1)])
        }
    }

    @Test(arguments: ["m.{nope}", "m.{"])
    func templateIsCheckedAgainstTagsAndFields(template: String) {
        var configuration = Self.configuration()
        configuration.seriesName = template
        #expect(throws: InfluxError.self) { try SeriesHelper(configuration) }
    }

    @Test func aNameCannotBeBothTagAndField() {
        var configuration = Self.configuration()
        configuration.fields.append("zone")
        #expect(throws: InfluxError.invalidArgument("\"zone\" is both a tag and a field")) {
            try SeriesHelper(configuration)
        }
    }

    @Test func aTagCannotBeCalledTime() {
        var configuration = Self.configuration()
        configuration.tags.append("time")
        #expect(throws: InfluxError.invalidArgument("a tag cannot be called time")) {
            try SeriesHelper(configuration)
        }
    }

    @Test func pointsAddedFromManyThreadsAreEachWrittenOnce() throws {
        let transport = FakeTransport([])
        let helper = try SeriesHelper(Self.configuration(client: try InfluxClient.fake(transport), bulkSize: 7, autocommit: true))
        DispatchQueue.concurrentPerform(iterations: 200) { index in
            try? helper.add(tags: ["server_name": "a", "zone": "z"], fields: ["some_stat": .integer(Int64(index))],
                            time: .epoch(Int64(index), .seconds))
        }
        try helper.commit()
        let lines = Self.bodies(transport).flatMap { $0.split(separator: "\n") }
        #expect(lines.count == 200)
        #expect(Set(lines).count == 200)
        #expect(transport.requests.count == 200 / 7 + 1)
    }

    @Test func autocommitWritesAtBulkSizeThenCommitWritesTheRest() throws {
        let transport = FakeTransport([])
        let client = try InfluxClient.fake(transport)
        var configuration = Self.configuration(client: client, bulkSize: 2, autocommit: true)
        configuration.retentionPolicy = "week"
        let helper = try SeriesHelper(configuration)
        for second in 1...5 {
            try helper.add(tags: ["server_name": "s\(second % 2)", "zone": "z"], fields: ["some_stat": .integer(Int64(second))],
                           time: .epoch(Int64(second), .seconds))
        }
        #expect(Self.bodies(transport) == [
            "events.stats.s1,server_name=s1,zone=z some_stat=1i 1\nevents.stats.s0,server_name=s0,zone=z some_stat=2i 2\n",
            "events.stats.s1,server_name=s1,zone=z some_stat=3i 3\nevents.stats.s0,server_name=s0,zone=z some_stat=4i 4\n",
        ])
        #expect(helper.pendingPoints.count == 1)
        #expect(try helper.commit() == 1)
        #expect(try helper.commit() == 0, "an empty queue sends nothing")
        #expect(transport.requests.count == 3)
        #expect(transport.requests[2].query.map { "\($0.name)=\($0.value)" } == ["db=db", "precision=s", "rp=week"])
        #expect(helper.pendingPoints.isEmpty)
    }

    @Test func withoutAutocommitNothingIsWrittenUntilCommit() throws {
        // A client is bound (so an autocommit would reach the transport), the bulk size is 1.
        let transport = FakeTransport([])
        let helper = try SeriesHelper(Self.configuration(client: try InfluxClient.fake(transport), bulkSize: 1))
        try helper.add(tags: ["server_name": "a", "zone": "z"], fields: ["some_stat": .integer(1)], time: .epoch(1, .seconds))
        try helper.add(tags: ["server_name": "a", "zone": "z"], fields: ["some_stat": .integer(2)], time: .epoch(2, .seconds))
        #expect(transport.requests.isEmpty)
        #expect(helper.pendingPoints.count == 2)
        #expect(try helper.commit() == 2)
        #expect(transport.requests.count == 1)

        let unbound = try SeriesHelper(Self.configuration(bulkSize: 1))
        try unbound.add(tags: ["server_name": "a", "zone": "z"], fields: ["some_stat": .integer(1)], time: .epoch(1, .seconds))
        #expect(throws: InfluxError.invalidArgument("no client to commit with")) { try unbound.commit() }
        #expect(try unbound.commit(client: try InfluxClient.fake(transport)) == 1)
        #expect(transport.requests.count == 2)
    }

    @Test func aFailedWriteKeepsThePointsQueued() throws {
        let transport = FakeTransport([.init(status: 500, body: #"{"error":"boom"}"#), .init(status: 204)])
        let helper = try SeriesHelper(Self.configuration(client: try InfluxClient.fake(transport)))
        try helper.add(tags: ["server_name": "a", "zone": "z"], fields: ["some_stat": .integer(1)], time: .epoch(1, .seconds))
        #expect(throws: InfluxError.self) { try helper.commit() }
        #expect(helper.pendingPoints.count == 1)
        #expect(try helper.commit() == 1)
        #expect(Self.bodies(transport)[0] == Self.bodies(transport)[1])
    }

    @Test func aPartialWriteEmptiesTheQueue() throws {
        let transport = FakeTransport([.init(status: 400, body: #"{"error":"partial write: field type conflict dropped=1"}"#)])
        let helper = try SeriesHelper(Self.configuration(client: try InfluxClient.fake(transport)))
        try helper.add(tags: ["server_name": "a", "zone": "z"], fields: ["some_stat": .integer(1)], time: .epoch(1, .seconds))
        #expect(throws: InfluxError.self) { try helper.commit() }
        #expect(helper.pendingPoints.isEmpty)
    }

    @Test func twoHelpersKeepTheirOwnQueues() throws {
        let first = try SeriesHelper(Self.configuration())
        let second = try SeriesHelper(Self.configuration())
        try first.add(tags: ["server_name": "a", "zone": "z"], fields: ["some_stat": .integer(1)])
        #expect(first.pendingPoints.count == 1)
        #expect(second.pendingPoints.isEmpty)
        first.reset()
        #expect(first.pendingPoints.isEmpty)
        #expect(first.pendingBody.isEmpty)
    }

    @Test func aPointWithoutTimeIsStampedWhenAdded() throws {
        let helper = try SeriesHelper(Self.configuration())
        let before = Date()
        try helper.add(tags: ["server_name": "a", "zone": "z"], fields: ["some_stat": .integer(1)])
        let after = Date()
        guard case let .date(stamp)? = helper.pendingPoints.first?.time else {
            Issue.record("no date stamp")
            return
        }
        #expect(stamp >= before && stamp <= after)
    }
}
