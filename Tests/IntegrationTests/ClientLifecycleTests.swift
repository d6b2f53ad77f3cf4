import Foundation
import InfluxKit
import Testing

/// Clients made from DSNs, and closing, against the real server.
@Suite(.integration)
struct ClientLifecycleTests {
    @Test func aDSNClientReachesTheServerAndUsesItsDatabase() throws {
        let server = try InfluxServer.shared()
        let database = try server.createDatabase()
        let client = try InfluxClient(dsn: "influxdb://127.0.0.1:\(server.port)/\(database)")
        #expect(try client.ping().hasPrefix("1.6.7"))
        try client.write(lines: ["m v=1i 1"], precision: .seconds)
        #expect(try client.measurements() == ["m"])
    }

    @Test func aDSNCarriesPercentEncodedCredentials() throws {
        let server = try InfluxServer.authenticated()
        let admin = try server.client()
        let name = "dsn user \(server.makeDatabaseName())"
        let password = "p@ss:w/rd%?#"
        try admin.createUser(name, password: password, admin: true)
        defer { try? admin.dropUser(name) }

        let encodedName = try #require(name.addingPercentEncoding(withAllowedCharacters: .alphanumerics))
        let encodedPassword = try #require(password.addingPercentEncoding(withAllowedCharacters: .alphanumerics))
        let client = try InfluxClient(dsn: "influxdb://\(encodedName):\(encodedPassword)@127.0.0.1:\(server.port)")
        #expect(try client.users().contains(User(name: name, isAdmin: true)))

        let wrong = try InfluxClient(dsn: "influxdb://\(encodedName):wrong@127.0.0.1:\(server.port)")
        #expect {
            _ = try wrong.users()
        } throws: { error in
            if (error as? InfluxError)?.code == .authentication { return true }
            return false
        }
    }

    @Test func aClosedClientReconnectsOnItsNextCall() throws {
        let server = try InfluxServer.shared()
        let client = try server.client()
        #expect(try client.ping().hasPrefix("1.6.7"))
        client.close()
        client.close()
        #expect(try client.ping().hasPrefix("1.6.7"))
        let database = server.makeDatabaseName()
        try client.createDatabase(database)
        #expect(try client.databases().contains(database))
    }
}
