import Foundation
import InfluxKit
import Testing

/// Statements that end where a line ends run there, in a piped script and on a terminal, as the
/// Go `influx` shell runs them: `GROUP BY *`, a regular expression after a database and retention
/// policy; a continuous query over several lines is one statement; an empty line at the
/// continuation prompt runs what waits.
@Suite(.integration)
struct ShellContinuationTests {
    static func makeDatabase(_ server: InfluxServer) throws -> String {
        let database = try server.createDatabase()
        let client = try InfluxClient(host: "127.0.0.1", port: server.port, database: database)
        try client.write(lines: ["cpu,host=a usage=1 1000000000", "cpu,host=b usage=2 2000000000", "cpu_load,host=a load=7 1000000000"])
        return database
    }

    @Test func aScriptOfLinesEndingInAStarOrARegexRunsEachLine() throws {
        let server = try InfluxServer.shared()
        let database = try Self.makeDatabase(server)
        let script = """
            SELECT count(*) FROM cpu GROUP BY *
            SELECT sum(usage) AS total_usage FROM cpu
            SELECT max(load) AS max_load FROM "\(database)"."autogen"./cpu_l.*/
            SELECT min(load) AS min_load FROM \(database)../cpu_l.*/
            SELECT last(load) AS last_load FROM autogen./cpu_l.*/
            SHOW RETENTION POLICIES

            """
        let run = try CommandLineTests.influxkit(CommandLineTests.connection(server) + ["-d", database, "--format", "csv"], input: script)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.isEmpty)
        for expected in ["host=a", "host=b", "count_usage", "total_usage", "3", "max_load", "min_load", "last_load", "autogen"] {
            #expect(run.stdout.contains(expected), "\(expected) in \(run.stdout)")
        }
        #expect(run.stdout.components(separatedBy: "\n").filter { $0.hasSuffix(",7") }.count == 3, "three regex sources read: \(run.stdout)")
    }

    @Test func aContinuousQueryOverThreeLinesIsCreatedWhole() throws {
        let server = try InfluxServer.shared()
        let database = try Self.makeDatabase(server)
        let script = """
            CREATE CONTINUOUS QUERY "cq_three_lines" ON "\(database)"
            BEGIN
              SELECT mean(usage) INTO cpu_1h FROM cpu GROUP BY time(1h), *
            END
            SHOW CONTINUOUS QUERIES

            """
        let run = try CommandLineTests.influxkit(CommandLineTests.connection(server) + ["-d", database, "--format", "csv"], input: script)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.isEmpty)
        #expect(run.stdout.contains("cq_three_lines"), "\(run.stdout)")
    }

    @Test func onATerminalGroupByStarRunsAndAnEmptyLineRunsWhatWaits() throws {
        let server = try InfluxServer.shared()
        let database = try Self.makeDatabase(server)
        let shell = try ShellTerminalTests.shell(on: database, server: server)
        defer { shell.close() }
        let (session, prompt) = (shell.session, shell.prompt)

        try session.type("SELECT count(*) FROM cpu GROUP BY *")
        try session.press("Enter")
        let grouped = session.wait(for: prompt, count: 2, seconds: 30)
        #expect(grouped.matched, "the prompt comes back: \(grouped.screen)")
        #expect(grouped.screen.contains("tags: host=b"), "\(grouped.screen)")
        #expect(!grouped.screen.contains("-> "))

        try session.type("SELECT usage FROM cpu WHERE")
        try session.press("Enter")
        #expect(session.wait(for: "-> ").matched, "an incomplete statement waits")
        try session.press("Enter")
        let ran = session.wait(for: prompt, count: 3, seconds: 30)
        #expect(ran.matched, "an empty line runs it: \(ran.screen)")
        #expect(ran.screen.contains("ERR: "), "the server says what is wrong: \(ran.screen)")
    }
}
