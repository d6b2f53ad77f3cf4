import Foundation
import InfluxKit
import Testing

/// The `influxkit` executable, run as a script would run it, against the real server.
@Suite(.integration)
struct CommandLineTests {
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The built `influxkit` executable.
    static var binary: URL {
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("influxkit")
        return FileManager.default.fileExists(atPath: executable.path)
            ? executable
            : Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("influxkit")
    }

    /// Runs the built `influxkit` with `arguments`, feeding `input` on standard input.
    static func influxkit(_ arguments: [String], input: String = "", environment: [String: String] = [:]) throws -> Run {
        try influxkit(arguments, input: Data(input.utf8), environment: environment)
    }

    /// Runs the built `influxkit` with `arguments`, feeding the bytes `input` on standard input.
    static func influxkit(_ arguments: [String], input: Data, environment: [String: String] = [:]) throws -> Run {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("INFLUX_") }
        // No config file of the user's: a test that wants profiles gives XDG_CONFIG_HOME.
        env["XDG_CONFIG_HOME"] = "/nonexistent/influxkit-tests"
        env.merge(environment) { $1 }
        process.environment = env
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        // Feed standard input and read standard error from threads of their own, so neither
        // pipe can fill up and block the process.
        let inputHandle = stdin.fileHandleForWriting
        Thread {
            inputHandle.feed(input)
            try? inputHandle.close()
        }.start()
        let errors = Collected()
        let errorHandle = stderr.fileHandleForReading
        let errorThread = Thread {
            errors.data = errorHandle.readDataToEndOfFile()
            errors.done.signal()
        }
        errorThread.start()
        let out = stdout.fileHandleForReading.readDataToEndOfFile()
        errors.done.wait()
        let err = errors.data
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self),
                   stderr: String(decoding: err, as: UTF8.self))
    }

    /// Bytes read on another thread, handed over once `done` is signalled.
    final class Collected: @unchecked Sendable {
        var data = Data()
        let done = DispatchSemaphore(value: 0)
    }

    static func connection(_ server: InfluxServer) -> [String] {
        ["--host", "127.0.0.1", "--port", String(server.port)]
    }

    @Test func writeReportsBadLinesWithFileAndLineAndWritesTheRest() throws {
        let server = try InfluxServer.shared()
        let database = try server.createDatabase()
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("\(database).lp")
        try "cpu,host=a usage=1 1\ncpu,host=b usage=oops 2\n\ncpu,host=c usage=3 3\ncpu usage=\"open 4\ncpu,host=d usage=4 5\n"
            .write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }

        let run = try Self.influxkit(["write", "-d", database, "--precision", "s", file.path] + Self.connection(server))
        #expect(run.status == 3)
        #expect(run.stderr.contains("\(file.path):2: "))
        #expect(run.stderr.contains("\(file.path):5: "))
        #expect(run.stderr.contains("wrote 3 points, rejected 2 lines"))

        let query = try Self.influxkit(["query", "-d", database, "--epoch", "s", "--format", "csv", "SELECT usage FROM cpu GROUP BY host"] + Self.connection(server))
        #expect(query.status == 0)
        #expect(query.stdout == """
            name,tags,time,usage
            cpu,host=a,1,1
            cpu,host=c,3,3
            cpu,host=d,5,4

            """)
    }

    @Test func aFieldTypeConflictInsideABatchLosesNoValidPoint() throws {
        let server = try InfluxServer.shared()
        let database = try server.createDatabase()
        // influxd refuses such a request whole; the writer must still get the good points in.
        let input = "m,h=a v=1i 1\nm,h=b v=2 2\nm,h=c v=3i 3\nm,h=d v=4i 4\nm,h=e v=5.5 5\nm,h=f v=6i 6\n"
        let run = try Self.influxkit(["write", "-d", database, "--precision", "s"] + Self.connection(server), input: input)
        #expect(run.status == 3)
        #expect(run.stderr.contains("wrote 4 points, rejected 2 lines"))
        #expect(run.stderr.contains("field type conflict"))
        let rows = try server.client().query("SELECT v FROM m", database: database, epoch: .seconds).first?.series.first?.values
        #expect(rows == [1, 3, 4, 6].map { [.integer($0), .integer($0)] })
    }

    @Test func jsonInputReportsRefusedPointsAndExitsThree() throws {
        let server = try InfluxServer.shared()
        let database = try server.createDatabase()
        let body = """
            {"tags": {"region": "eu"}, "points": [
              {"measurement": "m", "fields": {"i": 2, "f": 2.0, "gone": NaN}, "time": 1},
              {"measurement": "m", "fields": {"only": NaN}, "time": 2},
              {"measurement": "", "fields": {"x": 1}, "time": 3},
              {"measurement": "m", "tags": {"region": "us"}, "fields": {"s": "a \\"q\\""}, "time": 4}
            ]}
            """
        let run = try Self.influxkit(["write", "-d", database, "--format", "json", "--precision", "s"] + Self.connection(server), input: body)
        #expect(run.status == 3)
        #expect(run.stderr.contains("point 1:"))
        #expect(run.stderr.contains("point 2:"))
        #expect(run.stderr.contains("wrote 2 points, rejected 2 points"))

        let client = try server.client()
        let results = try client.query("SELECT * FROM m GROUP BY region", database: database, epoch: .seconds)
        let series = try #require(results.first?.series)
        #expect(series.map(\.tags) == [["region": "eu"], ["region": "us"]])
        #expect(series.first?.values == [[.integer(1), .integer(2), .integer(2), .null]])
        #expect(series.last?.values.first?.last == .string("a \"q\""))
    }

    @Test func statementErrorsGoToStandardErrorWithTheirNumberAndExitOne() throws {
        let server = try InfluxServer.shared()
        let run = try Self.influxkit(["query", "--format", "csv", "SHOW DATABASES; SELECT * FROM nowhere..m"] + Self.connection(server))
        #expect(run.status == 1)
        #expect(run.stderr.contains("statement 2: database not found: nowhere"))
        #expect(run.stdout.hasPrefix("name,name\n"))
    }

    @Test func exitCodesFollowTheContract() throws {
        let server = try InfluxServer.shared()
        let deadPort = try #require(DeadPort())
        let dead = deadPort.port
        defer { withExtendedLifetime(deadPort) {} }
        let unreachable = try Self.influxkit(["ping", "--host", "127.0.0.1", "--port", String(dead)])
        #expect(unreachable.status == 2)
        #expect(unreachable.stderr.contains("cannot connect to http://127.0.0.1:\(dead)"))

        let badFlag = try Self.influxkit(["query", "--format", "yaml", "SHOW DATABASES"] + Self.connection(server))
        #expect(badFlag.status == 64)

        let missing = try Self.influxkit(["write", "-d", "no_such_db_here"] + Self.connection(server), input: "m v=1\n")
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("database not found"))
    }


    /// A subcommand named first is parsed on its own; help, version and usage errors must still
    /// come out as the root parser words them, with the full command path.
    @Test func helpAndUsageThroughANamedSubcommandNameTheFullCommand() throws {
        let help = try Self.influxkit(["query", "--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("USAGE: influxkit query [<options>]"))

        let nestedHelp = try Self.influxkit(["db", "create", "-h"])
        #expect(nestedHelp.stdout.contains("USAGE: influxkit db create [<options>] <name>"))

        let version = try Self.influxkit(["ping", "--version"])
        #expect(version.status == 0)
        #expect(version.stdout == (try Self.influxkit(["--version"])).stdout)

        let missing = try Self.influxkit(["db", "create"])
        #expect(missing.status == 64)
        #expect(missing.stderr.contains("Usage: influxkit db create [<options>] <name>"))
    }
    @Test func wrongPasswordExitsFourWithoutShowingIt() throws {
        let server = try InfluxServer.authenticated()
        let run = try Self.influxkit(
            ["query", "SHOW DATABASES", "-u", "admin"] + Self.connection(server),
            environment: ["INFLUX_PASSWORD": "not-the-password"])
        #expect(run.status == 4)
        #expect(run.stderr.contains("authentication failed"))
        #expect(!run.stderr.contains("not-the-password"))
    }
}
