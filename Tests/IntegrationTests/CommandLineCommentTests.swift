import Foundation
import InfluxKit
import Testing

/// InfluxQL comments (`--` to the end of the line, `/* … */`) through `influxkit query` and the
/// shell, against the real server.
@Suite(.integration)
struct CommandLineCommentTests {
    /// `influxkit query` with `statements` (after `--`) on a fresh database, JSON out, not
    /// chunked unless `options` say so.
    func query(_ statements: [String], options: [String] = ["--no-chunked"]) throws -> CommandLineTests.Run {
        let server = try InfluxServer.shared()
        let database = try server.createDatabase()
        return try CommandLineTests.influxkit(
            ["query", "-d", database, "--format", "json"] + CommandLineTests.connection(server) + options + ["--"] + statements)
    }

    @Test(arguments: [["-- c"], [" ; "], ["/* x ; */"], ["-- a", "/* b */"]])
    func aQueryOfOnlyCommentsIsAUsageError(statements: [String]) throws {
        for options in [["--no-chunked"], ["--chunked"]] {
            let run = try query(statements, options: options)
            #expect(run.status == 64)
            #expect(run.stderr.contains("no statement given"), "\(run.stderr)")
            #expect(run.stdout.isEmpty)
        }
    }

    @Test func aFileOfOnlyCommentsIsAUsageError() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("comments-\(UUID().uuidString.prefix(8)).iql")
        try "-- the report\n/* to come;\n*/ ;\n".write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let run = try query([], options: ["--file", file.path])
        #expect(run.status == 64)
        #expect(run.stderr.contains("no statement given"), "\(run.stderr)")
    }

    @Test(arguments: [
        (["SHOW DATABASES /* x ; */"], 1),
        (["SHOW DATABASES -- a\n; SHOW USERS"], 2),
        (["-- first\nSHOW DATABASES; /* second */ SHOW USERS -- done"], 2),
        (["SHOW DATABASES -- a", "SHOW USERS"], 2),
        (["SHOW MEASUREMENTS WITH MEASUREMENT =~ /--x;/"], 1),
    ])
    func statementsAreCountedWithoutComments(statements: [String], results: Int) throws {
        let run = try query(statements)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.isEmpty)
        #expect(run.stdout.components(separatedBy: "\"statement_id\"").count - 1 == results, "\(run.stdout)")
    }

    @Test func aScriptRunsNoCommentAlone() throws {
        let server = try InfluxServer.shared()
        // A server without databases answers SHOW DATABASES with a header only; make one exist.
        let database = try server.createDatabase()
        let script = "-- a note\nSHOW DATABASES /* ; */\n/* open;\n*/ ;\nSHOW USERS; -- done\n/* never closed"
        let run = try CommandLineTests.influxkit(CommandLineTests.connection(server) + ["--format", "csv"], input: script)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.isEmpty)
        #expect(run.stdout.hasPrefix("name,name\ndatabases,"), "\(run.stdout)")
        #expect(run.stdout.contains("databases,\(database)\n"), "\(run.stdout)")
    }
}
