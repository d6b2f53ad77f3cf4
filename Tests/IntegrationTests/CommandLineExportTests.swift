import Foundation
import Glibc
import InfluxKit
import Testing

/// `influxkit export` against real servers: what it reads, written back with `influxkit write`
/// (and with the Go `influx -import`), must be what the source holds.
@Suite(.integration)
struct CommandLineExportTests {
    func temporaryPath(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("influxkit-\(UUID().uuidString.prefix(8))-\(name)").path
    }

    func remove(_ paths: String...) {
        for path in paths { unlink(path) }
    }

    func export(_ server: InfluxServer, _ arguments: [String]) throws -> CommandLineTests.Run {
        try CommandLineTests.influxkit(["export"] + arguments + CommandLineTests.connection(server))
    }

    @Test func theHardDatasetRoundTripsThroughTheImportFormat() throws {
        let source = try InfluxServer.shared(), target = try InfluxServer.second()
        let database = source.makeDatabaseName()
        try ExportDataset.create(database, on: source)
        let file = temporaryPath("hard.txt")
        defer { unlink(file) }

        let exported = try export(source, ["-d", database, "--format", "import", "-o", file])
        #expect(exported.status == 0, "\(exported.stderr)")
        let points = ExportDataset.batches.reduce(0) { $0 + $1.lines.count }
        #expect(exported.stderr.contains("exported \(points) points"), "\(exported.stderr)")
        #expect(exported.stderr.contains("warning: field \"v\" of \"autogen\".\"mixed\" has the types"))

        // The database does not exist on the target: the file's # DDL creates it.
        let imported = try CommandLineTests.influxkit(["write", file] + CommandLineTests.connection(target))
        #expect(imported.status == 0, "\(imported.stderr)")
        let expected = try ExportDataset.contents(of: database, on: source)
        let stored = try ExportDataset.contents(of: database, on: target)
        #expect(stored.keys.sorted() == expected.keys.sorted())
        for key in expected.keys.sorted() {
            #expect(stored[key] == expected[key], "\(key)")
        }
        // The integer part of `mixed` stays an integer, the float part a float.
        let mixed = try target.client().query("SELECT v::integer FROM mixed WHERE time < 1000000000000000", database: database, epoch: .nanoseconds)
        #expect(mixed.first?.series.first?.values == [[.integer(86_400_000_000_000), .integer(7)]])
        let fields = try target.client().query("SHOW FIELD KEYS FROM mixed", database: database)
        let types = (fields.first?.series.first?.values ?? []).map { $0.map { "\($0)" }.joined(separator: " ") }
        #expect(types.sorted().count == 2)
        #expect(Set(types).count == 2)
    }

    @Test func theGoShellImportsTheSameFile() throws {
        let source = try InfluxServer.shared(), target = try InfluxServer.second()
        let database = source.makeDatabaseName()
        try ExportDataset.create(database, on: source)
        let file = temporaryPath("go.txt")
        defer { unlink(file) }
        #expect(try export(source, ["-d", database, "--format", "import", "-o", file]).status == 0)

        let influx = Process()
        influx.executableURL = URL(fileURLWithPath: "/usr/bin/influx")
        influx.arguments = ["-host", "127.0.0.1", "-port", String(target.port), "-import", "-path", file, "-precision", "ns"]
        influx.standardOutput = FileHandle.nullDevice
        influx.standardError = FileHandle.nullDevice
        try influx.run()
        influx.waitUntilExit()
        #expect(influx.terminationStatus == 0)
        let expected = try ExportDataset.contents(of: database, on: source)
        let stored = try ExportDataset.contents(of: database, on: target)
        // The Go shell reads its input line by line: a string holding a newline comes back
        // with two. Every other value is stored as the source holds it.
        for key in expected.keys.sorted() where key != "short rp events" {
            #expect(stored[key] == expected[key], "\(key)")
        }
    }

    @Test func lineProtocolToStandardOutputWritesBackIntoAnotherDatabase() throws {
        let source = try InfluxServer.shared(), target = try InfluxServer.second()
        let database = source.makeDatabaseName()
        try ExportDataset.create(database, on: source)
        // One policy at a time, into the same policy of a database made beforehand.
        let copy = try target.createDatabase()
        try target.execute("CREATE RETENTION POLICY \"short rp\" ON \(copy) DURATION 0s REPLICATION 1 SHARD DURATION 1d")
        for policy in ["autogen", "short rp"] {
            let exported = try export(source, ["-d", database, "--rp", policy])
            #expect(exported.status == 0, "\(exported.stderr)")
            #expect(!exported.stdout.contains("#"))
            let written = try CommandLineTests.influxkit(["write", "-d", copy, "--rp", policy] + CommandLineTests.connection(target), input: exported.stdout)
            #expect(written.status == 0, "\(written.stderr)")
        }
        let expected = try ExportDataset.contents(of: database, on: source)
        let stored = try ExportDataset.contents(of: copy, on: target)
        for key in expected.keys.sorted() where key != "policies" {
            #expect(stored[key] == expected[key], "\(key)")
        }
    }

    @Test func queryFormatLineProtocolWritesTheRowsBack() throws {
        let source = try InfluxServer.shared(), target = try InfluxServer.second()
        let database = source.makeDatabaseName()
        try ExportDataset.create(database, on: source)
        let copy = try target.createDatabase()
        let query = try CommandLineTests.influxkit(
            ["query", "-d", database, "--format", "lp", #"SELECT * FROM "cpu load" GROUP BY *"#, "SELECT * FROM sparse GROUP BY *"]
                + CommandLineTests.connection(source))
        #expect(query.status == 0, "\(query.stderr)")
        #expect(query.stdout.contains("count=9223372036854775807i"))
        let written = try CommandLineTests.influxkit(["write", "-d", copy] + CommandLineTests.connection(target), input: query.stdout)
        #expect(written.status == 0, "\(written.stderr)")
        for measurement in ["cpu load", "sparse"] {
            let statement = "SELECT * FROM \(InfluxQL.quoteIdentifier(measurement)) GROUP BY *"
            let expected = try source.client().query(statement, database: database, epoch: .nanoseconds)
            #expect(try target.client().query(statement, database: copy, epoch: .nanoseconds) == expected)
        }
        let aggregate = try CommandLineTests.influxkit(
            ["query", "-d", database, "--format", "lp", "SELECT count(a) FROM sparse", "SHOW MEASUREMENTS"] + CommandLineTests.connection(source))
        #expect(aggregate.status == 1)
        #expect(aggregate.stdout == "sparse count=2 0\n")
        #expect(aggregate.stderr.contains("statement 2: --format lp needs"))
    }

    @Test func selectionByMeasurementTimeAndTag() throws {
        let server = try InfluxServer.shared()
        let database = server.makeDatabaseName()
        try ExportDataset.create(database, on: server)
        let base = ["-d", database, "--rp", "autogen"]

        let one = try export(server, base + ["--measurement", "cpu load", "--start", "0", "--end", "1500000000123456789", "--where", "host = 'web2'"])
        #expect(one.status == 0, "\(one.stderr)")
        #expect(one.stdout == #"cpu\ load,host=web2 count=0i,note="a,b=c d",usage=1.7976931348623157e+308 0"# + "\n"
            + #"cpu\ load,host=web2 usage=-0 1"# + "\n")

        let regex = try export(server, base + ["--measurement-regex", "^(dual|sparse)$", "--start", "2020-09-13T12:26:40.000000004Z"])
        #expect(regex.status == 0, "\(regex.stderr)")
        let lines = regex.stdout.split(separator: "\n")
        #expect(lines.count == 4)
        #expect(lines.first == "dual,host=b shared=2.5 1600000000000000004")
        #expect(lines.allSatisfy { $0.hasPrefix("dual,") || $0.hasPrefix("sparse ") })

        let seconds = try export(server, base + ["--measurement", "sparse", "--precision", "s"])
        #expect(seconds.stdout == "sparse a=1 1600000000\nsparse b=\"only b\" 1600000000\nsparse a=2,c=true 1600000000\n")
    }

    @Test func parallelReadsAndGzipGiveTheSameBytes() throws {
        let server = try InfluxServer.shared()
        let database = try server.createDatabase()
        let lines = (0..<3_000).map { "m,host=h\($0 % 13) v=\($0)i,s=\"\($0)\" \(1_600_000_000_000_000_000 + Int64($0) * 60_000_000_000)" }
        try server.client().write(lines: lines, database: database)
        let one = temporaryPath("one.lp"), three = temporaryPath("three.lp"), zipped = temporaryPath("z.lp.gz")
        defer { remove(one, three, zipped) }

        let base = ["-d", database, "--slice", "3h"]
        #expect(try export(server, base + ["-o", one]).status == 0)
        let parallel = try export(server, base + ["-o", three, "--parallel", "3"])
        #expect(parallel.status == 0)
        #expect(parallel.stderr.contains("exported 3000 points from 13 series in "), "\(parallel.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: one)) == Data(contentsOf: URL(fileURLWithPath: three)))
        #expect(try Data(contentsOf: URL(fileURLWithPath: one)).count > 60_000)

        #expect(try export(server, base + ["-o", zipped, "--parallel", "2"]).status == 0)
        let gunzip = Process()
        gunzip.executableURL = URL(fileURLWithPath: "/bin/gzip")
        gunzip.arguments = ["-dc", zipped]
        let pipe = Pipe()
        gunzip.standardOutput = pipe
        try gunzip.run()
        let decompressed = pipe.fileHandleForReading.readDataToEndOfFile()
        gunzip.waitUntilExit()
        #expect(gunzip.terminationStatus == 0)
        #expect(decompressed == (try Data(contentsOf: URL(fileURLWithPath: one))))
    }

    @Test func aKilledExportResumesFromItsCheckpointToTheSameFile() throws {
        let server = try InfluxServer.shared()
        let database = try server.createDatabase()
        let lines = (0..<20_000).map { "m,host=h\($0 % 7) v=\($0) \(1_600_000_000_000_000_000 + Int64($0) * 30_000_000_000)" }
        try server.client().write(lines: lines, database: database)
        let whole = temporaryPath("whole.lp"), resumed = temporaryPath("resumed.lp"), checkpoint = temporaryPath("ckpt")
        defer { remove(whole, resumed, checkpoint) }
        let base = ["-d", database, "--slice", "1h"] + CommandLineTests.connection(server)
        #expect(try export(server, ["-d", database, "--slice", "1h", "-o", whole]).status == 0)

        // Killed once some slices are recorded, and again, until one run finishes.
        var kills = 0
        while true {
            let process = Process()
            process.executableURL = CommandLineTests.binary
            process.arguments = ["export", "-o", resumed, "--checkpoint", checkpoint] + base
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            let before = (try? Data(contentsOf: URL(fileURLWithPath: checkpoint))) ?? Data()
            try process.run()
            while process.isRunning && ((try? Data(contentsOf: URL(fileURLWithPath: checkpoint))) ?? Data()) == before {
                usleep(2_000)
            }
            if process.isRunning && kills < 3 {
                kill(process.processIdentifier, SIGKILL)
                process.waitUntilExit()
                if process.terminationReason == .uncaughtSignal { kills += 1 }
                continue
            }
            process.waitUntilExit()
            #expect(process.terminationStatus == 0)
            break
        }
        #expect(kills > 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: resumed)) == Data(contentsOf: URL(fileURLWithPath: whole)))
    }

    @Test func aServerThatDiesLeavesWholeSlicesAndTheRerunCompletesTheFile() throws {
        let server = try RestartableInfluxd()
        defer { server.stop() }
        _ = try server.execute("CREATE DATABASE d")
        let client = try InfluxClient(configuration: ClientConfiguration(host: "127.0.0.1", port: server.port))
        let lines = (0..<6_000).map { "m,host=h\($0 % 5) v=\($0) \(1_600_000_000_000_000_000 + Int64($0) * 60_000_000_000)" }
        try client.write(lines: lines, database: "d")
        let file = temporaryPath("dies.lp"), checkpoint = temporaryPath("dies.ckpt")
        defer { remove(file, checkpoint) }
        let arguments = ["export", "-d", "d", "--slice", "1h", "-o", file, "--checkpoint", checkpoint, "--retries", "1",
                         "--host", "127.0.0.1", "--port", String(server.port)]
        let full = try CommandLineTests.influxkit(["export", "-d", "d", "--slice", "1h", "--host", "127.0.0.1", "--port", String(server.port)])

        let process = Process()
        process.executableURL = CommandLineTests.binary
        process.arguments = arguments
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        while process.isRunning && !FileManager.default.fileExists(atPath: checkpoint) { usleep(2_000) }
        server.kill()
        process.waitUntilExit()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        if process.terminationStatus != 0 {
            #expect(process.terminationStatus == 2, "\(message)")
            let saved = try JSONDecoder().decode(ExportCheckpointFile.self, from: Data(contentsOf: URL(fileURLWithPath: checkpoint)))
            let written = try Data(contentsOf: URL(fileURLWithPath: file))
            #expect(written.count == saved.outputBytes)
            #expect(written.isEmpty || written.last == UInt8(ascii: "\n"))
        }
        try server.start()
        let rerun = try CommandLineTests.influxkit(arguments)
        #expect(rerun.status == 0, "\(rerun.stderr)")
        let after = String(decoding: try Data(contentsOf: URL(fileURLWithPath: file)), as: UTF8.self)
        #expect(after == full.stdout, "\(message)")
        #expect(full.stdout.split(separator: "\n").count == 6_000)
    }

    @Test func badSelectionsAreNamedWithTheirExitStatus() throws {
        let server = try InfluxServer.shared()
        let database = server.makeDatabaseName()
        try ExportDataset.create(database, on: server)
        let missingDatabase = try export(server, ["-d", "no_such_db_here"])
        #expect(missingDatabase.status == 1)
        #expect(missingDatabase.stderr.contains("database not found: no_such_db_here"))
        let missingPolicy = try export(server, ["-d", database, "--rp", "nope"])
        #expect(missingPolicy.status == 1)
        #expect(missingPolicy.stderr.contains("retention policy not found: \"nope\""))
        let missingMeasurement = try export(server, ["-d", database, "--measurement", "nope"])
        #expect(missingMeasurement.status == 1)
        #expect(missingMeasurement.stderr.contains("measurement not found: \"nope\""))
        let noOutput = try export(server, ["-d", database, "--checkpoint", temporaryPath("c")])
        #expect(noOutput.status == 64)
        let noDatabase = try export(server, [])
        #expect(noDatabase.status == 64)
        #expect(missingDatabase.stdout.isEmpty && missingPolicy.stdout.isEmpty)
    }

    @Test func outputThatCannotBeWrittenIsAnError() throws {
        let server = try InfluxServer.shared()
        let database = try server.createDatabase()
        try server.client().write(lines: (0..<5_000).map { "m v=\($0) \($0)" }, database: database)
        for output in [["-o", "/dev/full"], ["-o", "/dev/full", "--compress", "gzip"]] {
            let run = try export(server, ["-d", database] + output)
            #expect(run.status == 1, "\(output) \(run.stderr)")
            #expect(run.stderr.contains("cannot write to /dev/full"), "\(run.stderr)")
            #expect(!run.stderr.contains("exported"))
        }
        let missingDirectory = try export(server, ["-d", database, "-o", "/nonexistent/dir/out.lp"])
        #expect(missingDirectory.status == 1)
        #expect(missingDirectory.stderr.contains("cannot open /nonexistent/dir/out.lp"))
    }

    @Test func aUserWithoutReadPermissionGetsStatusFour() throws {
        let server = try InfluxServer.authenticated()
        let database = try server.createDatabase()
        try server.execute("CREATE USER nobody WITH PASSWORD 'secret-1'")
        defer { _ = try? server.execute("DROP USER nobody") }
        let run = try CommandLineTests.influxkit(
            ["export", "-d", database, "-u", "nobody"] + CommandLineTests.connection(server),
            environment: ["INFLUX_PASSWORD": "secret-1"])
        #expect(run.status == 4, "\(run.stderr)")
    }
}

/// The part of an export checkpoint the tests read.
private struct ExportCheckpointFile: Decodable {
    var outputBytes: Int
}
