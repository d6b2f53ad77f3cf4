import Foundation
import InfluxKit
import Synchronization
import Testing

/// Exact accounting of `influxkit write` against the real server: every rejected line is named
/// with its number, every valid point is stored, and the summary adds up.
@Suite(.integration)
struct WriteAccountingTests {
    /// A deterministic input of valid lines, malformed lines and lines with field type conflicts
    /// (against fields the database already has, and between lines of the input), with the
    /// line numbers of each kind as the generator intends them.
    struct MixedInput {
        /// The types of the fields already in the database, by field of measurement `pre`.
        static let existing: [(field: String, type: FieldType)] = [("a", .integer), ("b", .float), ("c", .string), ("d", .boolean)]

        enum FieldType: CaseIterable {
            case float, integer, string, boolean

            func value(_ n: Int) -> String {
                switch self {
                case .float: "\(n).5"
                case .integer: "\(n)i"
                case .string: "\"s\(n)\""
                case .boolean: n % 2 == 0 ? "true" : "false"
                }
            }
        }

        var text = ""
        var valid: [Int] = []
        var malformed: [Int] = []
        var conflicting: [Int] = []

        init(lines: Int, base: Int) {
            var random = LinearCongruential(seed: 6)
            // The type of each field `n0`…`n19` of measurement `fresh`, fixed by its first line.
            var freshTypes: [Int: FieldType] = [:]
            for number in 1...lines {
                let time = base + number
                let roll = random.next(below: 100)
                var line: String
                if roll < 8 {
                    let forms = [
                        "pre,s=\(number) v=1 oops",
                        "fresh,s=\(number) v=",
                        "fresh,s= v=2 \(time)",
                        "pre,s=\(number) v=1.2.3 \(time)",
                        "fresh,s=\(number) v=1u \(time)",
                        "pre,s=\(number) v=1,v2 \(time)",
                    ]
                    line = forms[random.next(below: forms.count)]
                    malformed.append(number)
                } else if roll < 14 {
                    let (field, type) = Self.existing[random.next(below: Self.existing.count)]
                    let other = FieldType.allCases.filter { $0 != type }[random.next(below: 3)]
                    line = "pre,s=\(number) v=\(number).5,\(field)=\(other.value(number)) \(time)"
                    conflicting.append(number)
                } else if roll < 20, !freshTypes.isEmpty {
                    let field = freshTypes.keys.sorted()[random.next(below: freshTypes.count)]
                    let other = FieldType.allCases.filter { $0 != freshTypes[field] }[random.next(below: 3)]
                    line = "fresh,s=\(number) v=\(number).5,n\(field)=\(other.value(number)) \(time)"
                    conflicting.append(number)
                } else if roll < 50 {
                    let (field, type) = Self.existing[random.next(below: Self.existing.count)]
                    line = "pre,s=\(number) \(field)=\(type.value(number)),v=\(number).5 \(time)"
                    valid.append(number)
                } else {
                    let field = random.next(below: 20)
                    let type = freshTypes[field] ?? FieldType.allCases[random.next(below: 4)]
                    freshTypes[field] = type
                    line = "fresh,s=\(number % 50) v=\(number).5,n\(field)=\(type.value(number)) \(time)"
                    valid.append(number)
                }
                text += line + "\n"
            }
        }
    }

    /// A small deterministic generator, so the input is the same on every run.
    struct LinearCongruential {
        var state: UInt64

        init(seed: UInt64) {
            state = seed
        }

        mutating func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 17
        }

        mutating func next(below bound: Int) -> Int {
            Int(next() % UInt64(bound))
        }
    }

    @Test func tenThousandMixedLinesAreAccountedForExactly() throws {
        let server = try InfluxServer.shared()
        let database = try server.createDatabase()
        let base = 1_600_000_000 // 2020-09-13T12:26:40Z; the next shard group starts 11.5 h later
        let seed = "pre,s=seed " + MixedInput.existing.map { "\($0.field)=\($0.type.value(1))" }.joined(separator: ",")
            + " \(base)\n"
        let stored = try LoopbackHTTP.send(
            "POST", port: server.port, target: "/write?db=\(database)&precision=s", body: Array(seed.utf8))
        #expect(stored.status == 204)

        let input = MixedInput(lines: 10_000, base: base)
        #expect(input.valid.count + input.malformed.count + input.conflicting.count == 10_000)
        #expect(input.malformed.count > 500 && input.conflicting.count > 800, "the input mixes every kind")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("influxkit-accounting-\(database)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("mixed.lp"), errors = directory.appendingPathComponent("errors.txt")
        try Data(input.text.utf8).write(to: file)

        let run = try CommandLineTests.influxkit(
            ["write", "-d", database, "--precision", "s", "--batch-size", "700", "--errors-file", errors.path, file.path]
                + CommandLineTests.connection(server))
        #expect(run.status == 3)

        var rejectedFor: [Int: String] = [:]
        for entry in try String(contentsOf: errors, encoding: .utf8).split(separator: "\n") {
            let prefix = file.path + ":"
            #expect(entry.hasPrefix(prefix), "\(entry)")
            let rest = entry.dropFirst(prefix.count)
            let number = Int(rest.prefix { $0.isNumber }) ?? 0
            #expect(rejectedFor[number] == nil, "line \(number) is reported once")
            rejectedFor[number] = String(rest)
        }
        let conflicts = Set(rejectedFor.filter { $0.value.contains("field type conflict") }.keys)
        let expected = Set(input.malformed + input.conflicting)
        #expect(Set(rejectedFor.keys) == expected, "unexpected: \(Set(rejectedFor.keys).subtracting(expected).sorted().prefix(20)), missing: \(expected.subtracting(rejectedFor.keys).sorted().prefix(20))")
        #expect(conflicts == Set(input.conflicting), "unexpected: \(conflicts.subtracting(input.conflicting).sorted().prefix(20)), missing: \(Set(input.conflicting).subtracting(conflicts).sorted().prefix(20))")

        let counts = try server.execute("SELECT count(v) FROM pre, fresh", database: database)
        let written = try Self.sum(ofCountsIn: counts)
        #expect(written == input.valid.count)
        #expect(run.stderr.hasSuffix("""
            wrote \(input.valid.count) points, rejected \(input.malformed.count + input.conflicting.count) lines \
            (\(input.malformed.count) invalid, \(input.conflicting.count) with a field type conflict), retried 0 batches

            """), "\(run.stderr.suffix(300))")
    }

    @Test func aConflictAnotherWriterCausedIsTracedToItsLines() throws {
        let server = try InfluxServer.shared()
        let database = try server.createDatabase()
        var options = LineProtocolWriter.Options()
        options.database = database
        options.precision = .seconds
        let rejections = Mutex<[LineProtocolWriter.Rejection]>([])
        let writer = LineProtocolWriter(client: try server.client(), options: options) { rejection in
            rejections.withLock { $0.append(rejection) }
        }
        writer.beginSource("in")
        // The first line makes the writer learn the database's (empty) schema...
        try Array("m g=1i 1\n".utf8).withUnsafeBytes { try writer.append($0) }
        // ...then another writer makes f an integer before the writer's batch arrives.
        let other = try LoopbackHTTP.send(
            "POST", port: server.port, target: "/write?db=\(database)&precision=s", body: Array("m f=7i 2\n".utf8))
        #expect(other.status == 204)
        try Array("m f=1.5 3\nm h=1 4\nm f=2.5,h=2 5\n".utf8).withUnsafeBytes { try writer.append($0) }
        try writer.endSource()
        let summary = try writer.finish()

        let reported = rejections.withLock { $0 }
        #expect(reported.map(\.line) == [2, 4], "the lines the server dropped, not the whole batch")
        #expect(reported.allSatisfy { $0.reason == "field type conflict: field \"f\" is float, already integer" && $0.byServer })
        #expect(summary.written == 2)
        #expect(summary.rejectedByServer == 2)
        let stored = try Self.sum(ofCountsIn: server.execute("SELECT count(*) FROM m", database: database))
        #expect(stored == 3, "g, the other writer's f and h: 3 values")
    }

    /// The sum of the `count` values (every column but the time) of every series of a query's
    /// JSON answer.
    static func sum(ofCountsIn json: String) throws -> Int {
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        let results = object?["results"] as? [[String: Any]] ?? []
        var total = 0
        for result in results {
            for series in result["series"] as? [[String: Any]] ?? [] {
                for row in series["values"] as? [[Any]] ?? [] {
                    total += row.dropFirst().reduce(0) { $0 + (($1 as? NSNumber)?.intValue ?? 0) }
                }
            }
        }
        return total
    }
}
