import InfluxKit
import InfluxShell
import Testing

/// What `connect` keeps of the current connection and what it replaces.
struct ConnectTests {
    static var current: ClientConfiguration {
        var configuration = ClientConfiguration(host: "old.example", port: 9000, usesSSL: true, username: "ada", password: "pw", database: "metrics")
        configuration.pathPrefix = "/influx"
        return configuration
    }

    @Test func hostAndPortKeepTheSchemeThePrefixAndTheCredentials() throws {
        let switched = try Self.current.connecting(to: "new.example:8087")
        #expect(switched.baseURL == "https://new.example:8087/influx")
        #expect(switched.username == "ada")
        #expect(switched.password == "pw")
        #expect(switched.database == "metrics")
    }

    @Test func aHostAloneIsOnTheDefaultPort() throws {
        #expect(try Self.current.connecting(to: "new.example").baseURL == "https://new.example:8086/influx")
    }

    @Test func aURLSetsTheSchemeAndThePrefix() throws {
        #expect(try Self.current.connecting(to: "http://new.example:8087").baseURL == "http://new.example:8087")
        #expect(try Self.current.connecting(to: "http://new.example:8087/db").baseURL == "http://new.example:8087/db")
        #expect(try Self.current.connecting(to: "new.example:8087/db").baseURL == "https://new.example:8087/db")
        let withUser = try Self.current.connecting(to: "http://bob:secret@new.example:8087")
        #expect(withUser.username == "bob")
        #expect(withUser.password == "secret")
    }

    @Test func aBadAddressIsRefused() {
        #expect(throws: InfluxError.self) { try Self.current.connecting(to: "ftp://new.example") }
        #expect(throws: InfluxError.self) { try Self.current.connecting(to: "new.example:port") }
    }
}
