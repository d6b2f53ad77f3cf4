import Foundation
import InfluxKit
import Testing

/// A piped script keeps the exit-code contract of one-shot commands (2: the server cannot be
/// reached, 4: credentials refused, 1: a statement failed); `use` of a database the server does
/// not list is refused, `use -f` insists.
@Suite(.integration)
struct ShellScriptContractTests {
    @Test func anUnreachableServerExitsTwoEvenWithoutStatements() throws {
        let deadPort = try #require(DeadPort())
        defer { withExtendedLifetime(deadPort) {} }
        let connection = ["--host", "127.0.0.1", "--port", String(deadPort.port)]
        for input in ["", "SHOW DATABASES\n", "format csv\nSELECT * FROM cpu\n"] {
            let run = try CommandLineTests.influxkit(connection, input: input)
            #expect(run.status == 2, "\(input.debugDescription): \(run.stderr)")
            #expect(run.stderr.contains("cannot connect to http://127.0.0.1:\(deadPort.port)"), "\(run.stderr)")
            let shell = try CommandLineTests.influxkit(["shell"] + connection, input: input)
            #expect(shell.status == 2)
        }
    }

    @Test func losingTheServerMidScriptExitsTwo() throws {
        let server = try InfluxServer.shared()
        let deadPort = try #require(DeadPort())
        defer { withExtendedLifetime(deadPort) {} }
        let run = try CommandLineTests.influxkit(
            CommandLineTests.connection(server), input: "SHOW DATABASES\nconnect 127.0.0.1:\(deadPort.port)\nSHOW DATABASES\n")
        #expect(run.status == 2, "\(run.stderr)")
        #expect(run.stdout.contains("databases"), "the first statement ran")
    }

    @Test func refusedCredentialsExitFour() throws {
        let server = try InfluxServer.authenticated()
        let admin = try #require(server.admin)
        let run = try CommandLineTests.influxkit(
            CommandLineTests.connection(server) + ["-u", admin.username, "-p", "Wrong-Pass-123"], input: "SHOW DATABASES\n")
        #expect(run.status == 4, "\(run.stderr)")
        #expect(run.stderr.contains("authentication failed"), "\(run.stderr)")
    }

    @Test func useOfADatabaseThatDoesNotExistIsRefusedUnlessForced() throws {
        let server = try InfluxServer.shared()
        let database = try server.createDatabase()
        let missing = "no_such_db_\(UInt32.random(in: 0..<1_000_000))"
        let refused = try CommandLineTests.influxkit(
            CommandLineTests.connection(server) + ["-d", database, "--format", "csv"],
            input: "use \(missing)\nSHOW RETENTION POLICIES\n")
        #expect(refused.status == 1)
        #expect(refused.stderr == "ERR: not found: database \(missing) does not exist; 'use -f \(missing)' uses it anyway\n")
        #expect(refused.stdout.contains("autogen"), "the database in use did not change")

        let forced = try CommandLineTests.influxkit(
            CommandLineTests.connection(server) + ["-d", database, "--format", "csv"],
            input: "use -f \(missing)\nSHOW RETENTION POLICIES\n")
        #expect(forced.status == 1)
        #expect(forced.stderr.contains("database not found: \(missing)"), "the statement went to it: \(forced.stderr)")
        #expect(!forced.stderr.contains("use -f"))

        let exists = try CommandLineTests.influxkit(CommandLineTests.connection(server), input: "use \(database)\nSHOW RETENTION POLICIES\n")
        #expect(exists.status == 0, "\(exists.stderr)")
    }

    /// influxd 1.6.7 lets a user who is no admin run `SHOW DATABASES` and lists the databases
    /// the user may read or write: one with READ is used; one without is refused, saying why it
    /// may be missing.
    @Test func aUserWhoIsNoAdminUsesTheDatabasesTheServerListsForThem() throws {
        let server = try InfluxServer.authenticated()
        let database = try server.createDatabase()
        let hidden = try server.createDatabase("hiddendatabase")
        let user = "reader\(UInt32.random(in: 0..<1_000_000))"
        let password = "Reader-Pass-\(UInt32.random(in: 0..<1_000_000))"
        try server.execute("CREATE USER \(user) WITH PASSWORD '\(password)'; GRANT READ ON \"\(database)\" TO \(user)")
        let connection = CommandLineTests.connection(server) + ["-u", user, "-p", password, "--format", "csv"]
        let run = try CommandLineTests.influxkit(connection, input: "use \(database)\nSHOW RETENTION POLICIES\n")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("autogen"))
        let refused = try CommandLineTests.influxkit(connection, input: "use \(hidden)\n")
        #expect(refused.status == 1)
        #expect(refused.stderr == "ERR: not found: database \(hidden) does not exist (or user \(user) has no privilege on it); 'use -f \(hidden)' uses it anyway\n")
    }

    /// A server that refuses `SHOW DATABASES` (403) does not keep the user from a database.
    @Test func whenListingDatabasesIsRefusedUseSwitchesWithANote() throws {
        let server = try InfluxServer.shared()
        let database = try server.createDatabase()
        let peer = try HTTPPeer(
            .influxdb, answers: [.init(status: 403, error: "not allowed to list databases", path: "/query")],
            upstream: "http://127.0.0.1:\(server.port)")
        defer { peer.stop() }
        let run = try CommandLineTests.influxkit(
            ["--host", "127.0.0.1", "--port", String(peer.port), "--format", "csv"], input: "use \(database)\nSHOW RETENTION POLICIES\n")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr == "note: not allowed to list databases, so \(database) is used unchecked\n")
        #expect(run.stdout.contains("autogen"), "the next statement went to the database")
    }

    @Test func onATerminalUseSaysTheDatabaseIsMissingAndKeepsThePrompt() throws {
        let server = try InfluxServer.shared()
        let database = try server.createDatabase()
        let shell = try ShellTerminalTests.shell(on: database, server: server)
        defer { shell.close() }
        let (session, prompt) = (shell.session, shell.prompt)
        try session.type("use nope_nope")
        try session.press("Enter")
        let refused = session.wait(for: prompt, count: 2, seconds: 30)
        #expect(refused.matched, "\(refused.screen)")
        #expect(refused.screen.contains("ERR: not found: database nope_nope does not exist; 'use -f nope_nope' uses it anyway"))
        try session.type("use -f nope_nope")
        try session.press("Enter")
        #expect(session.wait(for: "nope_nope> ", seconds: 30).matched, "use -f switches")
    }
}
