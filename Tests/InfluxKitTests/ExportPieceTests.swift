import Testing
@testable import InfluxKit

/// The smaller parts of an export: slicing, the regular expression literal, the
/// `influx -import` header, gzip members, the slice buffer.
struct ExportPieceTests {
    let day: Int64 = 86_400_000_000_000

    @Test func slicesFollowShardGroupsTheSelectionAndTheSliceDuration() {
        let groups = [0..<(7 * day), (7 * day)..<(14 * day)]
        var selection = ExportSelection(database: "d", start: 5 * day, end: 9 * day + 1, sliceDuration: day)
        let slices = InfluxClient.slices(of: groups, policy: "rp", measurement: "m", selection: selection)
        #expect(slices.map(\.start) == [5 * day, 6 * day, 7 * day, 8 * day, 9 * day])
        #expect(slices.map(\.end) == [6 * day, 7 * day, 8 * day, 9 * day, 9 * day + 1])
        selection.sliceDuration = nil
        selection.start = nil
        selection.end = nil
        #expect(InfluxClient.slices(of: groups, policy: "rp", measurement: "m", selection: selection).count == 2)
    }

    @Test func theLastSliceReachesTheLastInstant() {
        let groups = [(Int64.max - day)..<Int64.max]
        let selection = ExportSelection(database: "d", sliceDuration: day / 2)
        let slices = InfluxClient.slices(of: groups, policy: "rp", measurement: "m", selection: selection)
        #expect(slices.count == 2)
        #expect(slices.last?.end == Int64.max)
    }

    @Test(arguments: [
        ("^cpu$", "/^cpu$/"), ("a/b", #"/a\/b/"#), (#"a\/b"#, #"/a\/b/"#), (#"a\\/b"#, #"/a\\\/b/"#), ("", "//"),
    ])
    func regexLiteralsCannotBeEndedEarly(pattern: String, literal: String) {
        #expect(InfluxQL.regexLiteral(pattern) == literal)
    }

    @Test func theImportHeaderMakesTheDefaultPolicyWithTheDatabase() {
        let plan = ExportPlan(
            database: "my db",
            retentionPolicies: [
                RetentionPolicy(name: "week", duration: "168h0m0s", shardGroupDuration: "24h0m0s", replication: 1, isDefault: false),
                RetentionPolicy(name: "forever", duration: "0s", shardGroupDuration: "168h0m0s", replication: 1, isDefault: true),
            ],
            fields: [:], slices: [])
        #expect(plan.importHeader() == """
            # DDL
            CREATE DATABASE "my db" WITH DURATION 0s REPLICATION 1 SHARD DURATION 168h0m0s NAME "forever"
            CREATE RETENTION POLICY "week" ON "my db" DURATION 168h0m0s REPLICATION 1 SHARD DURATION 24h0m0s
            # DML
            # CONTEXT-DATABASE: my db

            """)
    }

    @Test func gzipMembersDecompressToTheInputWhereverTheyAreCut() throws {
        let gzip = try Gzip()
        var compressed: [UInt8] = []
        var boundaries: [Int] = []
        let pieces = (0..<3).map { piece in Array((0..<50_000).map { "line \(piece) \($0)\n" }.joined().utf8) }
        for piece in pieces {
            try piece.withUnsafeBytes { try gzip.compress($0) { compressed += $0 } }
            try gzip.finishMember { compressed += $0 }
            boundaries.append(compressed.count)
        }
        for (index, boundary) in boundaries.enumerated() {
            var output: [UInt8] = []
            let gunzip = try Gunzip()
            try compressed[..<boundary].withUnsafeBytes { try gunzip.decompress(UnsafeRawBufferPointer($0)) { output += $0 } }
            try gunzip.finish()
            #expect(output == pieces[...index].flatMap { $0 })
        }
        #expect(compressed.count < pieces.reduce(0) { $0 + $1.count } / 3)
    }

    @Test func aDiscardedMemberLeavesNothing() throws {
        let gzip = try Gzip()
        var compressed: [UInt8] = []
        try Array("dropped\n".utf8).withUnsafeBytes { try gzip.compress($0) { compressed += $0 } }
        compressed.removeAll()
        gzip.discardMember()
        try Array("kept\n".utf8).withUnsafeBytes { try gzip.compress($0) { compressed += $0 } }
        try gzip.finishMember { compressed += $0 }
        var output: [UInt8] = []
        try compressed.withUnsafeBytes { try Gunzip().decompress($0) { output += $0 } }
        #expect(String(decoding: output, as: UTF8.self) == "kept\n")
    }

    @Test func aSliceBufferSpillsToAFileAndGivesBackEveryByteInOrder() throws {
        let buffer = SliceBuffer(memoryLimit: 1_000)
        var expected: [UInt8] = []
        var generator = SeededGenerator(seed: 7)
        for _ in 0..<200 {
            let piece = (0..<Int.random(in: 1...700, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) }
            expected += piece
            try piece.withUnsafeBytes { try buffer.append($0) }
        }
        var read: [UInt8] = []
        try buffer.forEachPiece { read += $0 }
        #expect(read == expected)
        try buffer.removeAll()
        try Array("again".utf8).withUnsafeBytes { try buffer.append($0) }
        read.removeAll()
        try buffer.forEachPiece { read += $0 }
        #expect(read == Array("again".utf8))
    }
}
