import Foundation
import Testing

/// Checks the test harness itself against the real `influxd` it starts.
@Suite(.integration)
struct InfluxServerTests {
    @Test func pingAnswersWithTheServerVersion() throws {
        let server = try InfluxServer.shared()
        let response = try server.ping()
        #expect(response.status == 204)
        let version = try #require(response.header("X-Influxdb-Version"))
        #expect(version.hasPrefix("1."))
    }

    @Test func serverListensOnLoopbackOnly() throws {
        let server = try InfluxServer.shared()
        #expect(server.url == "http://127.0.0.1:\(server.port)")
        #expect(server.port >= 10000)
        #expect(!LoopbackPort.isFree(server.port))
        #expect(!LoopbackPort.isFree(server.port + 1))
    }

    @Test func createdDatabaseIsListedUntilDropped() throws {
        let server = try InfluxServer.shared()
        let name = server.makeDatabaseName()
        #expect(try !server.databaseNames().contains(name))

        try server.execute("CREATE DATABASE \"\(name)\"")
        #expect(try server.databaseNames().contains(name))

        try server.execute("DROP DATABASE \"\(name)\"")
        #expect(try !server.databaseNames().contains(name))
    }

    @Test func databaseNamesAreDistinctAndNeedNoQuoting() throws {
        let server = try InfluxServer.shared()
        let names = (0..<20).map { _ in server.makeDatabaseName("Same Label (x)") }
        #expect(Set(names).count == names.count)
        for name in names {
            #expect(name.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "_") })
        }
    }

    @Test func executeReportsAFailedStatement() throws {
        let server = try InfluxServer.shared()
        let database = server.makeDatabaseName()
        let error = #expect(throws: InfluxServerError.self) {
            try server.execute("SELECT * FROM nowhere", database: database)
        }
        guard case let .statementFailed(_, _, body) = try #require(error) else {
            Issue.record("expected statementFailed, got \(String(describing: error))")
            return
        }
        #expect(body.contains("database not found"))
    }

    @Test func authServerRefusesAnonymousQueries() throws {
        let server = try InfluxServer.authenticated()
        let anonymous = try server.query("SHOW DATABASES", as: .anonymous)
        #expect(anonymous.status == 401)

        let admin = try server.query("SHOW DATABASES", as: .admin)
        #expect(admin.status == 200)
    }

    @Test func authServerRefusesAWrongPassword() throws {
        let server = try InfluxServer.authenticated()
        let admin = try #require(server.admin)
        let intruder = InfluxServer.Credentials(username: admin.username, password: admin.password + "x")
        let response = try server.query("SHOW DATABASES", as: .user(intruder))
        #expect(response.status == 401)
    }

    @Test func missingInfluxdFailsWithInstallAdvice() throws {
        let error = #expect(throws: InfluxServerError.self) {
            try InfluxServer.start(searchPath: "/nonexistent")
        }
        let advice = String(describing: try #require(error))
        #expect(advice.contains("scripts/bootstrap"))
        #expect(advice.contains("apt-get install influxdb"))
    }
}
