import Foundation
import InfluxKit
import Testing

/// `influxkit write` options, against the real server.
@Suite(.integration)
struct CommandLineWriteTests {
    /// The number of points in `measurement` of `database`.
    func count(_ server: InfluxServer, _ database: String, _ measurement: String = "m", rp: String? = nil) throws -> Int {
        let from = rp.map { "\"\($0)\".\"\(measurement)\"" } ?? "\"\(measurement)\""
        let rows = try server.client().query("SELECT count(v) FROM \(from)", database: database).first?.series.first?.values
        guard case let .integer(count) = rows?.first?.last else { return 0 }
        return Int(count)
    }

    /// `text` compressed by the system's gzip.
    func gzipped(_ text: String) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/gzip")
        process.arguments = ["-c"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        let handle = input.fileHandleForWriting
        Thread { handle.feed(Data(text.utf8)); try? handle.close() }.start()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return data
    }

    func temporaryFile(_ name: String, _ contents: Data) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("influxkit-\(UUID().uuidString.prefix(8))-\(name)")
        try contents.write(to: url)
        return url
    }

    @Test func threeMalformedLinesInTenThousand() throws {
        let server = try InfluxServer.shared()
        let database = try server.createDatabase()
        let bad: Set<Int> = [17, 5000, 9999]
        let text = (1...10_000).map { $0 == 17 ? "m v=1 oops" : $0 == 5000 ? "m v=" : $0 == 9999 ? "m,t= v=2" : "m,k=\($0 % 7) v=\($0) \($0)" }
            .joined(separator: "\n") + "\n"
        let file = try temporaryFile("lines.lp", Data(text.utf8))
        defer { try? FileManager.default.removeItem(at: file) }

        let run = try CommandLineTests.influxkit(["write", "-d", database, "--precision", "s", file.path] + CommandLineTests.connection(server))
        #expect(run.status == 3)
        #expect(run.stdout.isEmpty)
        let reported = run.stderr.split(separator: "\n").filter { $0.hasPrefix(file.path + ":") }
            .compactMap { Int($0.dropFirst(file.path.count + 1).prefix { $0.isNumber }) }
        #expect(Set(reported) == bad)
        #expect(reported.count == 3)
        #expect(run.stderr.contains("wrote 9997 points, rejected 3 lines"))
        #expect(try count(server, database) == 9997)
    }

    @Test func gzipFilesAndGzipStandardInputAreDecompressed() throws {
        let server = try InfluxServer.shared()
        let database = try server.createDatabase()
        let compressed = try gzipped("m v=1 1\nm v=2 2\nm v=3 3\n")
        let file = try temporaryFile("points.lp.gz", compressed)
        defer { try? FileManager.default.removeItem(at: file) }
        let arguments = ["write", "-d", database, "--precision", "s"] + CommandLineTests.connection(server)

        let fromFile = try CommandLineTests.influxkit(arguments + [file.path])
        #expect(fromFile.status == 0)
        #expect(fromFile.stderr == "wrote 3 points, rejected 0 lines, retried 0 batches\n")

        let fromPipe = try CommandLineTests.influxkit(arguments, input: try gzipped("m v=4 4\n"))
        #expect(fromPipe.status == 0)
        #expect(fromPipe.stderr == "wrote 1 point, rejected 0 lines, retried 0 batches\n")
        #expect(try count(server, database) == 4)

        let truncated = try CommandLineTests.influxkit(arguments, input: compressed.prefix(compressed.count - 6))
        #expect(truncated.status == 64)
        #expect(truncated.stderr.contains("gzip input is truncated"))
    }

    @Test func rejectedLinesGoToTheErrorsFile() throws {
        let server = try InfluxServer.shared()
        let database = try server.createDatabase()
        let errors = FileManager.default.temporaryDirectory.appendingPathComponent("influxkit-\(database).errors")
        defer { try? FileManager.default.removeItem(at: errors) }
        let run = try CommandLineTests.influxkit(
            ["write", "-d", database, "--errors-file", errors.path, "--precision", "s"] + CommandLineTests.connection(server),
            input: "m v=1 1\nm v=x 2\nm v=3 3\nm 4\n")
        #expect(run.status == 3)
        #expect(run.stderr == "wrote 2 points, rejected 2 lines (2 invalid), retried 0 batches\n")
        let lines = try String(contentsOf: errors, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines.first?.hasPrefix("-:2: ") == true)
        #expect(lines.last?.hasPrefix("-:4: ") == true)
    }

    @Test func aDryRunPrintsTheRequestsAndSendsNothing() throws {
        let server = try InfluxServer.shared()
        let database = try server.createDatabase()
        let run = try CommandLineTests.influxkit(
            ["write", "-d", database, "--dry-run", "--precision", "s", "--batch-size", "2"] + CommandLineTests.connection(server),
            input: "m v=1 1\nm v=bad 2\nm v=3 3\nm v=4 4\n")
        #expect(run.status == 3)
        #expect(run.stdout == """
            # write db=\(database) rp=- precision=s points=2
            m v=1 1
            m v=3 3
            # write db=\(database) rp=- precision=s points=1
            m v=4 4

            """)
        #expect(run.stderr.contains("-:2: "))
        #expect(run.stderr.contains("would write 3 points, rejected 1 line"))
        #expect(try count(server, database) == 0)
    }

    @Test func anInfluxImportFileCreatesItsDatabasesAndWritesEachContext() throws {
        let server = try InfluxServer.shared()
        let first = server.makeDatabaseName(), second = server.makeDatabaseName()
        let export = """
            # INFLUXDB EXPORT: 1677-09-21T00:12:43Z - 2262-04-11T23:47:16Z
            # DDL
            CREATE DATABASE \(first) WITH NAME autogen
            CREATE DATABASE \(second) WITH NAME autogen
            CREATE RETENTION POLICY forever ON \(second) DURATION INF REPLICATION 1
            # DML
            # CONTEXT-DATABASE:\(first)
            # CONTEXT-RETENTION-POLICY:autogen
            # writing tsm data
            m,k=a v=1 1
            m,k=b v=2 2
            # CONTEXT-DATABASE:\(second)
            # CONTEXT-RETENTION-POLICY:forever
            m v=3 3

            """
        let file = try temporaryFile("export.txt", Data(export.utf8))
        defer { try? FileManager.default.removeItem(at: file) }
        let run = try CommandLineTests.influxkit(["write", "--precision", "s", file.path] + CommandLineTests.connection(server))
        #expect(run.status == 0)
        #expect(run.stderr == "wrote 3 points, rejected 0 lines, retried 0 batches\n")
        #expect(try count(server, first) == 2)
        #expect(try count(server, second, rp: "forever") == 1)
        #expect(try count(server, second) == 0, "the default retention policy got nothing")
    }

    @Test func aFailingDDLStatementIsReportedWithItsLine() throws {
        let server = try InfluxServer.shared()
        let database = try server.createDatabase()
        let run = try CommandLineTests.influxkit(
            ["write", "-d", database] + CommandLineTests.connection(server),
            input: "# DDL\nCREATE NONSENSE\n# DML\nm v=1\n")
        #expect(run.status == 3)
        #expect(run.stderr.contains("-:2: error parsing query"))
        #expect(run.stderr.contains("wrote 1 point, rejected 1 line"), "\(run.stderr)")
    }

    @Test func progressRateLimitAndConsistency() throws {
        let server = try InfluxServer.shared()
        let database = try server.createDatabase()
        let input = (1...40).map { "m v=\($0) \($0)" }.joined(separator: "\n")
        let run = try CommandLineTests.influxkit(
            ["write", "-d", database, "--precision", "s", "--progress", "always", "--rate-limit", "100", "--consistency", "all"]
                + CommandLineTests.connection(server),
            input: input)
        #expect(run.status == 0)
        #expect(run.stderr.contains("points/s"))
        #expect(run.stderr.hasSuffix("wrote 40 points, rejected 0 lines, retried 0 batches\n"))
        #expect(try count(server, database) == 40)

        let quiet = try CommandLineTests.influxkit(
            ["write", "-d", database, "--progress", "never"] + CommandLineTests.connection(server), input: "m v=1\n")
        #expect(quiet.stderr == "wrote 1 point, rejected 0 lines, retried 0 batches\n")

        let bad = try CommandLineTests.influxkit(["write", "-d", database, "--rate-limit", "0"] + CommandLineTests.connection(server))
        #expect(bad.status == 64)
    }

    @Test func ofTwoPointsOfOneSeriesAtOneTimeTheLaterWinsThoughTheBatchIsSorted() throws {
        let server = try InfluxServer.shared()
        let database = try server.createDatabase()
        let run = try CommandLineTests.influxkit(
            ["write", "-d", database, "--precision", "s"] + CommandLineTests.connection(server),
            input: "m,k=b v=1.5 5\nm,k=a v=2.5 5\nm,k=b v=3.5 5\nm,k=a v=4.5 5\n")
        #expect(run.status == 0, "\(run.stderr)")
        let rows = try server.client().query("SELECT v FROM m GROUP BY k", database: database, epoch: .seconds).first?.series
        #expect(rows?.map { $0.tags?["k"] } == ["a", "b"])
        #expect(rows?.map(\.values) == [[[.integer(5), .float(4.5)]], [[.integer(5), .float(3.5)]]])
    }

    @Test func aPointOfAnotherTypeThanTheServersIsNamedByItsLineThoughTheBatchIsSorted() throws {
        let server = try InfluxServer.shared()
        let database = try server.createDatabase()
        try server.client().write(lines: ["m v=1i 1"], database: database, precision: .seconds)
        // Sorted, the request would be lines 3, 2, 1, 4; line 3 (a float where the server has v as
        // an integer) is kept out of it and named.
        let run = try CommandLineTests.influxkit(
            ["write", "-d", database, "--precision", "s"] + CommandLineTests.connection(server),
            input: "m,k=c v=2i 2\nm,k=b v=3i 3\nm,k=a v=4.5 4\nm,k=d v=5i 5\n")
        #expect(run.status == 3)
        #expect(run.stderr.contains("-:3: field type conflict: field \"v\" is float, already integer"), "\(run.stderr)")
        #expect(run.stderr.contains("wrote 3 points, rejected 1 line"), "\(run.stderr)")
        #expect(try count(server, database) == 4)
    }

    @Test func helpShowsExamplesAndVersionPrintsIt() throws {
        for command in ["ping", "query", "write"] {
            let help = try CommandLineTests.influxkit([command, "--help"])
            #expect(help.status == 0)
            let examples = try #require(help.stdout.range(of: "Examples:\n"), "\(command)")
            #expect(help.stdout[examples.upperBound...].contains("influxkit \(command) "), "\(command)")
        }
        let version = try CommandLineTests.influxkit(["--version"])
        #expect(version.status == 0)
        // The release, the commit it was built from (the checkout's, unless built outside git)
        // and the libcurl the binary loaded.
        let release = try #require(version.stdout.split(separator: " ").first)
        #expect(release == "0.1.0")
        #expect(version.stdout.range(of: #"^0\.1\.0 \(commit ([0-9a-f]{12}(-dirty)?|unknown), libcurl [0-9]+\.[0-9]+\.[0-9]+\)\n$"#, options: .regularExpression) != nil,
                "\(version.stdout)")
    }
}
