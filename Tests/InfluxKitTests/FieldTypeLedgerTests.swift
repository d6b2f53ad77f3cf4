import Testing
@testable import InfluxKit

struct FieldTypeLedgerTests {
    /// Runs `lines` through a validator and a ledger in order; returns each line's conflict.
    func check(
        _ lines: [String], schema: FieldTypeLedger.Schema = .init(), precision: Precision = .seconds,
        database: String? = "db"
    ) throws -> [String?] {
        let validator = LineProtocolValidator(precision: precision)
        var fetches = 0
        let ledger = FieldTypeLedger(precision: precision) { _, _ in
            fetches += 1
            return schema
        }
        let results = try lines.map { line in
            try Array(line.utf8).withUnsafeBytes { bytes -> String? in
                let (problem, parts) = validator.examine(bytes)
                #expect(problem == nil, "\(line)")
                return try ledger.conflict(
                    in: bytes, parts: parts!, time: parts!.timestamp ?? precision.now, database: database, retentionPolicy: nil)
            }
        }
        #expect(fetches == 1, "the schema is asked for once per target")
        return results
    }

    @Test func theFirstTypeOfANewFieldInInputOrderWins() throws {
        let results = try check(["m f=1i 1", "m f=1.5 2", "m g=true,f=2i 3", "m f=\"x\",h=1 4", "m h=2i 5", "m h=1 6"])
        #expect(results == [
            nil,
            "field type conflict: field \"f\" is float, already integer",
            nil,
            "field type conflict: field \"f\" is string, already integer",
            nil,
            "field type conflict: field \"h\" is float, already integer",
        ])
    }

    @Test func aLineLikeThePreviousOneInAllButOneTypeOrKeyIsStillChecked() throws {
        // Each line repeats the keys of the one before with one difference the shortcut for
        // repeated field sets must notice: types swapped, a key renamed, a key moved.
        let results = try check(["m a=1i,b=1.5 1", "m a=1.5,b=1i 2", "m a=1i,c=1.5 3", "m c=1i,a=1i 4", "m ab=1i 5"])
        #expect(results == [
            nil,
            "field type conflict: field \"a\" is float, already integer",
            nil,
            "field type conflict: field \"c\" is integer, already float",
            nil,
        ])
    }

    @Test func measurementsInTurnKeepTheirOwnTypes() throws {
        let results = try check(["a f=1i 1", "b f=1.5 2", "a f=2.5 3", "b f=2.5 4", "b f=1i 5", "a f=3i 6", "a\\ x f=1.5 7"])
        #expect(results == [
            nil, nil, "field type conflict: field \"f\" is float, already integer",
            nil, "field type conflict: field \"f\" is integer, already float", nil, nil,
        ])
    }

    @Test func aRefusedLineTeachesNothing() throws {
        let results = try check(["m a=1i 1", "m a=1.5,b=1i 2", "m b=1.5 3", "m b=true 4"])
        #expect(results == [nil, "field type conflict: field \"a\" is float, already integer", nil,
                            "field type conflict: field \"b\" is boolean, already float"])
    }

    @Test func typesTheServerListsAreChecked() throws {
        var schema = FieldTypeLedger.Schema()
        schema.fields = ["m": ["f": [.integer], "mixed": [.integer, .float]], "n x": ["s": [.string]]]
        let results = try check(
            ["m f=1 1", "m f=2i 2", "m mixed=1 3", "m mixed=1i 4", "n\\ x s=1i 5", "n\\ x s=\"a\" 6", "other f=1 7"],
            schema: schema)
        #expect(results == [
            "field type conflict: field \"f\" is float, already integer", nil,
            nil, "field type conflict: field \"mixed\" is integer, already float",
            "field type conflict: field \"s\" is integer, already string", nil,
            nil,
        ])
    }

    @Test func escapedNamesAreComparedUnescaped() throws {
        let results = try check(["m\\,x f\\ g\\=h=1i 1", "m\\,x f\\ g\\=h=1 2", "m\\,x f\\ g=1 3"])
        #expect(results == [nil, "field type conflict: field \"f g=h\" is float, already integer", nil])
    }

    @Test func eachShardGroupHasItsOwnTypes() throws {
        // influxd's 7-day shard groups run Monday to Monday: the one holding 1970-01-01 (a
        // Thursday) ends on 1970-01-05T00:00:00Z, 4 days after the epoch.
        var schema = FieldTypeLedger.Schema()
        schema.shardGroupDuration = 7 * 86_400 * 1_000_000_000
        let boundary = 4 * 86_400
        let results = try check([
            "m f=1i \(boundary - 1)", "m f=1.5 \(boundary)", "m f=2.5 \(boundary - 2)", "m f=3i \(boundary + 1)",
            "m f=4i \(boundary + 7 * 86_400)",
        ], schema: schema)
        #expect(results == [
            nil, nil,
            "field type conflict: field \"f\" is float, already integer",
            "field type conflict: field \"f\" is integer, already float",
            nil,
        ])
    }

    @Test func aFieldNamedTimeIsIgnoredAsTheServerDropsIt() throws {
        let results = try check(["m time=1i,f=1 1", "m time=1.5,f=2 2"])
        #expect(results == [nil, nil])
    }

    @Test func whenMarkedStaleTheLedgerAsksAgainAndTheServersTypesWin() throws {
        let staleness = FieldTypeLedger.Staleness()
        var schema = FieldTypeLedger.Schema()
        var fetches = 0
        let ledger = FieldTypeLedger(precision: .seconds, staleness: staleness) { _, _ in
            fetches += 1
            return schema
        }
        let validator = LineProtocolValidator(precision: .seconds)
        func check(_ line: String) throws -> String? {
            try Array(line.utf8).withUnsafeBytes { bytes in
                let parts = validator.examine(bytes).parts!
                return try ledger.conflict(in: bytes, parts: parts, time: parts.timestamp!, database: "db", retentionPolicy: nil)
            }
        }
        #expect(try check("m f=1.5 1") == nil)
        #expect(try check("m f=2i 2") == "field type conflict: field \"f\" is integer, already float")
        schema.fields = ["m": ["f": [.integer]]]
        staleness.mark()
        #expect(try check("m f=2i 3") == nil)
        #expect(try check("m f=2.5 4") == "field type conflict: field \"f\" is float, already integer")
        #expect(fetches == 2)
    }

    @Test func durationsAreReadAsTheServerPrintsThem() {
        #expect(FieldTypeLedger.Schema.nanoseconds("168h0m0s") == Int64(168) * 3_600_000_000_000)
        #expect(FieldTypeLedger.Schema.nanoseconds("1h30m0s") == Int64(90) * 60_000_000_000)
        #expect(FieldTypeLedger.Schema.nanoseconds("0s") == 0)
        #expect(FieldTypeLedger.Schema.nanoseconds("1.5h") == nil)
    }
}
