import Synchronization
import Testing
import InfluxKit

struct LineProtocolWriterDryRunTests {
    final class Recorder: Sendable {
        let operations = Mutex<[LineProtocolWriter.Operation]>([])
        let rejections = Mutex<[LineProtocolWriter.Rejection]>([])
        @Sendable func operation(_ operation: LineProtocolWriter.Operation) { operations.withLock { $0.append(operation) } }
        @Sendable func rejection(_ rejection: LineProtocolWriter.Rejection) { rejections.withLock { $0.append(rejection) } }
    }

    /// Runs `sources` through a dry-run writer.
    func dryRun(_ sources: [(String, String)], options: LineProtocolWriter.Options = .unstamped)
        throws -> (operations: [LineProtocolWriter.Operation], rejections: [LineProtocolWriter.Rejection], summary: LineProtocolWriter.Summary) {
        let recorder = Recorder()
        let writer = LineProtocolWriter(options: options, onRejection: recorder.rejection, dryRun: recorder.operation)
        for (name, text) in sources {
            writer.beginSource(name)
            try Array(text.utf8).withUnsafeBytes { try writer.append($0) }
            try writer.endSource()
        }
        let summary = try writer.finish()
        return (recorder.operations.withLock { $0 }, recorder.rejections.withLock { $0 }, summary)
    }

    static func write(_ body: String, _ database: String?, _ rp: String?, _ points: Int) -> LineProtocolWriter.Operation {
        .write(body: Array(body.utf8), database: database, retentionPolicy: rp, points: points)
    }

    @Test func anImportFileRunsItsDDLThenWritesEachContextSeparately() throws {
        let export = """
            # INFLUXDB EXPORT: 1677-09-21T00:12:43Z - 2262-04-11T23:47:16Z
            # DDL
            CREATE DATABASE one WITH NAME autogen
            # DML
            # CONTEXT-DATABASE:one
            # CONTEXT-RETENTION-POLICY:autogen
            # writing tsm data
            m,k=a v=1 1
            m,k=b v=2 2
            # CONTEXT-DATABASE: two
            m v=3 3
            m v=oops 4

            """
        var options = LineProtocolWriter.Options.unstamped
        options.database = "default"
        let run = try dryRun([("export.txt", export)], options: options)
        #expect(run.operations == [
            .statement("CREATE DATABASE one WITH NAME autogen", database: "default"),
            Self.write("m,k=a v=1 1\nm,k=b v=2 2\n", "one", "autogen", 2),
            Self.write("m v=3 3\n", "two", "autogen", 1),
        ])
        #expect(run.rejections.map(\.line) == [12])
        #expect(run.summary.written == 3)
        #expect(run.summary.statements == 1)
        #expect(run.summary.rejectedByValidator == 1)
        #expect(run.summary.records == 5, "3 points written, 1 statement run, 1 line rejected")
    }

    @Test func eachSourceStartsWithTheTargetOfTheOptions() throws {
        var options = LineProtocolWriter.Options.unstamped
        options.database = "main"
        let run = try dryRun([("a", "# CONTEXT-DATABASE: other\nm v=1\n"), ("b", "m v=2\n")], options: options)
        #expect(run.operations == [Self.write("m v=1\n", "other", nil, 1), Self.write("m v=2\n", "main", nil, 1)])
    }

    @Test func plainCommentsAndLinesAreUnaffected() throws {
        let run = try dryRun([("-", "# just a note\nm v=1\n#DML\nm v=2\n")])
        #expect(run.operations == [Self.write("m v=1\nm v=2\n", nil, nil, 2)])
    }

    @Test func aRateLimitMakesBatchesNoLargerThanOneSecondsWorth() throws {
        var options = LineProtocolWriter.Options.unstamped
        options.pointsPerSecond = 2
        let run = try dryRun([("-", "m v=1\nm v=2\nm v=3\n")], options: options)
        #expect(run.operations == [Self.write("m v=1\nm v=2\n", nil, nil, 2), Self.write("m v=3\n", nil, nil, 1)])
    }
}

extension LineProtocolWriter.Options {
    /// The defaults, but lines without a timestamp are sent as they are.
    static var unstamped: Self {
        var options = Self()
        options.serverTimestamps = true
        return options
    }
}

extension LineProtocolWriterDryRunTests {
    @Test func fieldTypeConflictsInsideTheInputAreRejectedWithTheirLines() throws {
        let run = try dryRun([("in.lp", "m f=1i 1\nm f=1.5 2\nm f=oops 3\nm f=2i 4\n")])
        #expect(run.rejections.map(\.line) == [2, 3])
        #expect(run.rejections.first?.reason == "field type conflict: field \"f\" is float, already integer")
        #expect(run.summary.rejectedByFieldType == 1)
        #expect(run.summary.rejectedByValidator == 1)
        #expect(run.summary.written == 2)
        #expect(run.summary.records == run.summary.written + run.summary.rejected)
    }
}
