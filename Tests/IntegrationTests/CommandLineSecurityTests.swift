import Foundation
import InfluxKit
import Testing

/// The `influxkit` executable against a real influxd speaking HTTPS with a certificate of a
/// throwaway CA, and against one with authentication on.
@Suite(.integration)
struct CommandLineSecurityTests {
    func influxkit(_ arguments: [String], _ input: String = "") throws -> CommandLineTests.Run {
        try CommandLineTests.influxkit(arguments, input: input)
    }

    // MARK: TLS

    @Test func verificationIsOnByDefaultAndTheErrorSaysWhatToDo() throws {
        let server = try InfluxServer.withTLS()
        let run = try influxkit(["ping", "--url", server.url, "--retries", "0"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("tls error"), "\(run.stderr)")
        #expect(run.stderr.contains("--ca-cert"))
        #expect(run.stderr.contains("--unsafe-ssl"))
    }

    @Test func theCAGivenWithCACertIsTrusted() throws {
        let server = try InfluxServer.withTLS()
        let authority = try #require(server.tls?.authority)
        let connection = ["--url", server.url, "--ca-cert", authority.path]
        let ping = try influxkit(["ping"] + connection)
        #expect(ping.status == 0, "\(ping.stderr)")
        #expect(ping.stderr.isEmpty)

        let database = server.makeDatabaseName()
        #expect(try influxkit(["query", "CREATE DATABASE \(database)"] + connection).status == 0)
        let write = try influxkit(["write", "-d", database, "--precision", "s"] + connection, "m v=1 1\nm v=2 2\n")
        #expect(write.status == 0, "\(write.stderr)")
        let count = try influxkit(["query", "-d", database, "--format", "csv", "SELECT count(v) FROM m"] + connection)
        #expect(count.stdout == "name,time,count\nm,1970-01-01T00:00:00Z,2\n")
    }

    @Test func unsafeSSLConnectsWithAWarning() throws {
        let server = try InfluxServer.withTLS()
        let run = try influxkit(["ping", "--url", server.url, "--unsafe-ssl"])
        #expect(run.status == 0)
        #expect(run.stderr.contains("warning: --unsafe-ssl"))
    }

    // MARK: Authentication and authorization

    @Test func noCredentialsExitWith4AndSaySo() throws {
        let server = try InfluxServer.authenticated()
        let database = try server.createDatabase()
        let run = try influxkit(["write", "-d", database, "--precision", "s"] + CommandLineTests.connection(server), "m v=1 1\n")
        #expect(run.status == 4)
        #expect(run.stderr.contains("authentication failed"), "\(run.stderr)")
        #expect(run.stderr.contains("-u"), "the message says how to log in")
    }

    @Test func aWrongPasswordExitsWith4() throws {
        let server = try InfluxServer.authenticated()
        let admin = try #require(server.admin)
        let query = try influxkit(["query", "-u", admin.username, "-p", "not-the-password", "SHOW DATABASES"] + CommandLineTests.connection(server))
        #expect(query.status == 4)
        #expect(query.stderr.contains("authentication failed"), "\(query.stderr)")
        #expect(!query.stderr.contains("not-the-password"))
    }

    @Test func aReaderWritingIsRefusedWithTheServersReason() throws {
        let server = try InfluxServer.authenticated()
        let database = try server.createDatabase()
        let reader = InfluxServer.Credentials(username: "reader_\(UUID().uuidString.prefix(8).lowercased())", password: "read-only-pw")
        try server.execute("CREATE USER \"\(reader.username)\" WITH PASSWORD '\(reader.password)'")
        try server.execute("GRANT READ ON \"\(database)\" TO \"\(reader.username)\"")
        let connection = CommandLineTests.connection(server) + ["-u", reader.username, "-p", reader.password]

        let query = try influxkit(["query", "-d", database, "SHOW MEASUREMENTS"] + connection)
        #expect(query.status == 0, "reading is allowed: \(query.stderr)")
        let write = try influxkit(["write", "-d", database, "--precision", "s"] + connection, "m v=1 1\n")
        #expect(write.status == 4)
        #expect(write.stderr.contains("not authorized"), "\(write.stderr)")
        #expect(write.stderr.contains("not authorized to write to database"), "the server's reason: \(write.stderr)")
    }
}
