import Foundation
import InfluxKit
import Testing

/// The shell reading a script from standard input (not a terminal): no prompts, shell commands
/// and statements in order, exit status 1 when anything failed.
@Suite(.integration)
struct ShellScriptTests {
    @Test func aScriptWithUseInsertAndFormatRunsInOrder() throws {
        let server = try InfluxServer.shared()
        let database = server.makeDatabaseName()
        let script = """
            CREATE DATABASE \(database)
            use \(database)
            insert cpu,host=a usage=1.5 1000000000
            insert cpu,host=b usage=2.5 2000000000
            format csv
            SELECT usage
              FROM cpu WHERE
              host = 'b'; SELECT count(usage) FROM cpu
            """
        let run = try CommandLineTests.influxkit(CommandLineTests.connection(server), input: script)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == "name,time,usage\ncpu,1970-01-01T00:00:02Z,2.5\nname,time,count\ncpu,1970-01-01T00:00:00Z,2\n")
        #expect(run.stderr.isEmpty)
        #expect(!run.stdout.contains(">"), "no prompt")
    }

    @Test func theShellSubcommandTakesTheDatabaseAndFormatOptions() throws {
        let server = try InfluxServer.shared()
        let database = try server.createDatabase()
        let client = try InfluxClient(host: "127.0.0.1", port: server.port, database: database)
        try client.write(lines: ["m v=7 5000000000"])
        let run = try CommandLineTests.influxkit(
            ["shell"] + CommandLineTests.connection(server) + ["-d", database, "--format", "jsonl", "--precision", "s"],
            input: "SELECT v FROM m\n")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == #"{"name":"m","tags":{},"time":5,"v":7}"# + "\n")
    }

    @Test(arguments: [
        ("SELECT * FROM", "ERR: "),
        ("insert cpu usage=", "ERR: line 1:"),
        ("format xml", "ERR: invalid argument: format is one of"),
        ("SELECT * FROM nowhere_db..cpu; SHOW DATABASES", "ERR: database not found"),
    ])
    func aFailureIsReportedAndTheScriptGoesOn(_ failing: String, _ message: String) throws {
        let server = try InfluxServer.shared()
        let database = try server.createDatabase()
        let run = try CommandLineTests.influxkit(
            CommandLineTests.connection(server) + ["-d", database, "--format", "csv"],
            input: "\(failing)\nSHOW MEASUREMENTS; SHOW RETENTION POLICIES\n")
        #expect(run.status == 1)
        #expect(run.stderr.hasPrefix(message), "\(run.stderr)")
        #expect(run.stdout.contains("autogen"), "the next statements ran")
    }

    @Test func insertsWithoutADatabaseFail() throws {
        let server = try InfluxServer.shared()
        let run = try CommandLineTests.influxkit(CommandLineTests.connection(server), input: "insert m v=1\n")
        #expect(run.status == 1)
        #expect(run.stderr.contains("ERR: invalid argument: no database given"))
    }

    @Test func sourceRunsAFileAndOutputGoesToAFile() throws {
        let server = try InfluxServer.shared()
        let database = try server.createDatabase()
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("influxkit-source-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let included = directory.appendingPathComponent("inner.iql")
        try "insert m v=3 1000000000\nSELECT v\nFROM m\n".write(to: included, atomically: true, encoding: .utf8)
        let results = directory.appendingPathComponent("out.csv")
        let run = try CommandLineTests.influxkit(
            CommandLineTests.connection(server) + ["-d", database],
            input: "format csv\n\\o \(results.path)\nsource \(included.path)\n\\o\nSHOW DATABASES\n")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try String(contentsOf: results, encoding: .utf8) == "name,time,v\nm,1970-01-01T00:00:01Z,3\n")
        #expect(run.stdout.contains(database))
        #expect(!run.stdout.contains("1970"))
    }

    @Test func connectKeepsTheCredentials() throws {
        let open = try InfluxServer.shared()
        let guarded = try InfluxServer.authenticated()
        let admin = try #require(guarded.admin)
        let run = try CommandLineTests.influxkit(
            CommandLineTests.connection(open) + ["-u", admin.username],
            input: "connect 127.0.0.1:\(guarded.port)\nformat csv\nSHOW USERS\n",
            environment: ["INFLUX_PASSWORD": admin.password])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("Connected to http://127.0.0.1:\(guarded.port) version"))
        #expect(run.stdout.contains("\n\(admin.username),true\n"), "the administrator's credentials went along")
        #expect(!run.stdout.contains(admin.password) && !run.stderr.contains(admin.password))
    }
}
