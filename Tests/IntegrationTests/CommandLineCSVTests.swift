import Foundation
import InfluxKit
import Testing

/// `influxkit write --format csv` and `query --format csv`, against the real server and the Go
/// `influx` shell.
@Suite(.integration)
struct CommandLineCSVTests {
    func temporaryFile(_ name: String, _ contents: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("influxkit-\(UUID().uuidString.prefix(8))-\(name)")
        try Data(contents.utf8).write(to: url)
        return url
    }

    func query(_ server: InfluxServer, _ database: String, _ statement: String, _ options: [String] = []) throws -> String {
        let run = try CommandLineTests.influxkit(["query", "-d", database, "--format", "csv"] + options + [statement]
            + CommandLineTests.connection(server))
        #expect(run.status == 0, "\(run.stderr)")
        return run.stdout
    }

    /// Points of several series, types and awkward strings, as line protocol.
    static let points = #"""
        cpu,host=a,dc=eu usage=0.5,n=1i,ok=true,note="plain" 1000000000
        cpu,host=b,dc=eu usage=1.25,n=2i,ok=false,note="a, \"quoted\"\nsecond line" 2000000000
        cpu,host=a,dc=eu usage=2.5,n=3i,ok=true,note="x=1,y" 3000000000
        cpu,host=c\,d,dc=us usage=3.75,n=4i,ok=false 4000000000
        mem,host=a free=7.5 5000000000

        """#

    /// What `query --format csv` prints loads back unchanged: the same rows, and the same
    /// field types (SHOW FIELD KEYS), in another database.
    @Test(arguments: [[], ["--epoch", "ns"], ["--chunked", "--chunk-size", "2"]])
    func queryOutputLoadsBack(options: [String]) throws {
        let server = try InfluxServer.shared()
        let source = try server.createDatabase(), target = try server.createDatabase()
        try server.client().write(lineProtocol: Array(Self.points.utf8), database: source)
        let statement = "SELECT * FROM cpu, mem GROUP BY *"
        let exported = try query(server, source, statement, options)
        let file = try temporaryFile("export.csv", exported)
        defer { try? FileManager.default.removeItem(at: file) }

        let write = try CommandLineTests.influxkit(["write", "-d", target, file.path] + CommandLineTests.connection(server))
        #expect(write.status == 0, "\(write.stderr)")
        #expect(write.stderr.contains("wrote 5 points, rejected 0 rows"), "\(write.stderr)")
        #expect(try query(server, target, statement, options) == exported)
        #expect(try query(server, target, "SHOW FIELD KEYS") == query(server, source, "SHOW FIELD KEYS"))
        #expect(try query(server, target, "SHOW SERIES") == query(server, source, "SHOW SERIES"))
    }

    /// The Go shell's `influx -format csv` output loads back too (times in nanoseconds, the
    /// header repeated for every series).
    @Test func goShellOutputLoadsBack() throws {
        let server = try InfluxServer.shared()
        let source = try server.createDatabase(), target = try server.createDatabase()
        try server.client().write(lineProtocol: Array(Self.points.utf8), database: source)
        let statement = "SELECT * FROM cpu GROUP BY *"
        let go = try goShell(server, source, statement)
        #expect(go.components(separatedBy: "name,tags,time").count == 4, "a header for each of 3 series: \(go)")
        let file = try temporaryFile("go.csv", go)
        defer { try? FileManager.default.removeItem(at: file) }
        let write = try CommandLineTests.influxkit(["write", "-d", target, file.path] + CommandLineTests.connection(server))
        #expect(write.status == 0, "\(write.stderr)")
        #expect(try goShell(server, target, statement) == go)
    }

    /// Bad rows are reported with the line they start on (counted over quoted line breaks) and
    /// the good ones are written; exit status 3. (Without `--field-types`, `oops` would make
    /// the column a string column.)
    @Test func badRowsAreReportedAndTheOthersWritten() throws {
        let server = try InfluxServer.shared()
        let database = try server.createDatabase()
        let text = "time,host,v,note\n1,a,1.5,\"two\nlines\"\n2,b,oops,x\n3,c,2.5,\"say \"\"hi\"\"\"\n4,d,,\n5,e,3.5,\"open\n"
        let file = try temporaryFile("rows.csv", text)
        defer { try? FileManager.default.removeItem(at: file) }
        let run = try CommandLineTests.influxkit(["write", "-d", database, "--precision", "s", "--measurement", "m",
                                                  "--tag-columns", "host", "--field-types", "v=float", file.path] + CommandLineTests.connection(server))
        #expect(run.status == 3, "\(run.stderr)")
        let reported = run.stderr.split(separator: "\n").filter { $0.hasPrefix(file.path + ":") }
        #expect(reported.map { $0.dropFirst(file.path.count + 1).prefix { $0.isNumber } } == ["4", "6", "7"], "\(run.stderr)")
        #expect(reported.first?.contains("column \"v\": \"oops\" is not a number") == true, "\(run.stderr)")
        #expect(run.stderr.contains("wrote 2 points, rejected 3 rows (3 invalid)"), "\(run.stderr)")
        #expect(try query(server, database, "SELECT * FROM m GROUP BY *", ["--epoch", "s"]) == """
            name,tags,time,note,v
            m,host=a,1,"two
            lines",1.5
            m,host=c,3,"say ""hi\""",2.5

            """)
    }

    /// The InfluxDB 2.x docs' example for `influx write` loads unchanged.
    @Test func annotatedCSVLoads() throws {
        let server = try InfluxServer.shared()
        let database = try server.createDatabase()
        let text = """
            #datatype measurement,tag,double,dateTime:RFC3339
            m,host,used_percent,time
            mem,host1,64.23,2020-01-01T00:00:00Z
            mem,host2,72.01,2020-01-01T00:00:00Z
            mem,host1,62.61,2020-01-01T00:00:10Z

            """
        let run = try CommandLineTests.influxkit(["write", "-d", database, "--format", "csv"] + CommandLineTests.connection(server), input: text)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try query(server, database, "SELECT * FROM mem GROUP BY *", ["--epoch", "s"]) == """
            name,tags,time,used_percent
            mem,host=host1,1577836800,64.23
            mem,host=host1,1577836810,62.61
            mem,host=host2,1577836800,72.01

            """)
    }

    /// A header the options cannot use stops the command before anything is written: FILE:LINE
    /// and exit status 64; CSV options without CSV are a usage error.
    @Test func unusableHeadersAndOptions() throws {
        let server = try InfluxServer.shared()
        let database = try server.createDatabase()
        let file = try temporaryFile("plain.csv", "# made by hand\na,b\n1,2\n")
        defer { try? FileManager.default.removeItem(at: file) }
        let noMeasurement = try CommandLineTests.influxkit(["write", "-d", database, file.path] + CommandLineTests.connection(server))
        #expect(noMeasurement.status == 64)
        #expect(noMeasurement.stderr.contains("influxkit: \(file.path):2: no measurement: give --measurement NAME"), "\(noMeasurement.stderr)")
        let missing = try CommandLineTests.influxkit(["write", "-d", database, "--measurement", "m", "--tag-columns", "host", "--field-types", "v=float", file.path]
            + CommandLineTests.connection(server))
        #expect(missing.status == 64)
        #expect(missing.stderr.contains("\(file.path):2: no column \"host\" in the header (a,b)"), "\(missing.stderr)")
        let notCSV = try CommandLineTests.influxkit(["write", "-d", database, "--measurement", "m"] + CommandLineTests.connection(server))
        #expect(notCSV.status == 64)
        #expect(notCSV.stderr.contains("--measurement works with --format csv only"), "\(notCSV.stderr)")
    }

    /// `query --format csv` prints what the Go shell's `-format csv` prints, statement by
    /// statement, but for the header the Go shell repeats for every series of a statement.
    @Test(arguments: [
        "SELECT * FROM cpu", "SELECT * FROM cpu GROUP BY *", "SELECT * FROM cpu, mem", "SHOW MEASUREMENTS",
        "SHOW SERIES", "SHOW TAG VALUES WITH KEY = \"host\"", "SELECT usage FROM cpu; SELECT usage FROM cpu GROUP BY host",
        "SHOW TAG KEYS", "SELECT count(usage) FROM cpu",
    ])
    func csvAsTheGoShellPrintsIt(statement: String) throws {
        let server = try InfluxServer.shared()
        let database = try server.createDatabase()
        try server.client().write(lineProtocol: Array(Self.points.utf8), database: database)
        var lastHeader: Substring?
        let go = try goShell(server, database, statement).split(separator: "\n", omittingEmptySubsequences: false).filter { line in
            // The Go shell repeats the header for each series; influxkit prints it once.
            guard line.hasPrefix("name,") || line == "key" else { return true }
            defer { lastHeader = line }
            return line != lastHeader
        }
        #expect(try query(server, database, statement, ["--epoch", "ns"]) == go.joined(separator: "\n"))
    }

    /// The output of `influx -format csv -precision ns -execute statement`.
    func goShell(_ server: InfluxServer, _ database: String, _ statement: String) throws -> String {
        let influx = Process()
        influx.executableURL = URL(fileURLWithPath: "/usr/bin/influx")
        influx.arguments = ["-host", "127.0.0.1", "-port", String(server.port), "-database", database, "-format", "csv",
                            "-precision", "ns", "-execute", statement]
        let output = Pipe()
        influx.standardOutput = output
        influx.standardError = FileHandle.nullDevice
        try influx.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        influx.waitUntilExit()
        #expect(influx.terminationStatus == 0)
        return String(decoding: data, as: UTF8.self)
    }
}

/// Writes that cannot go anywhere: a database the server does not have, or none given.
@Suite(.integration)
struct CommandLineWriteTargetTests {
    /// The error comes first, with the command that creates the database; then the summary,
    /// which counts the lines not written.
    @Test func aMissingDatabaseIsReportedFirstWithAHint() throws {
        let server = try InfluxServer.shared()
        let run = try CommandLineTests.influxkit(["write", "-d", "no such", "--precision", "s"] + CommandLineTests.connection(server),
                                                 input: "m v=1 1\nm v=2 2\n")
        #expect(run.status == 1)
        let lines = run.stderr.split(separator: "\n")
        #expect(lines.first == #"influxkit: not found: database not found: "no such" (create it with: influxkit db create 'no such')"#,
                "\(run.stderr)")
        #expect(lines.last?.hasPrefix("wrote 0 points, rejected 0 lines, not sent 2 lines") == true, "\(run.stderr)")
    }

    /// Without `-d`, a write fails at its first point, without waiting for the rest of the
    /// input (standard input here stays open), unless the input names its database.
    @Test(arguments: [["--format", "lp"], ["--format", "csv", "--measurement", "m"]])
    func noDatabaseFailsBeforeReadingTheInput(format: [String]) throws {
        let server = try InfluxServer.shared()
        let writer = try CommandLineInterruptTests.Writer(format + CommandLineTests.connection(server), input: "m v=1 1\n")
        #expect(writer.endsWithin(seconds: 30), "it did not wait for the end of the input")
        #expect(writer.process.terminationStatus == 64)
        #expect(writer.stderr.hasPrefix("influxkit: invalid argument: no database given for the write: give -d NAME"))
    }

    @Test func anInputThatNamesItsDatabaseNeedsNoOption() throws {
        let server = try InfluxServer.shared()
        let database = try server.createDatabase()
        let run = try CommandLineTests.influxkit(["write", "--precision", "s"] + CommandLineTests.connection(server),
                                                 input: "# DML\n# CONTEXT-DATABASE: \(database)\nm v=1 1\n")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr == "wrote 1 point, rejected 0 lines, retried 0 batches\n")
    }
}
