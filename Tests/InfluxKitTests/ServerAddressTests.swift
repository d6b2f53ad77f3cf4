import Testing
@testable import InfluxKit

struct ServerAddressTests {
    @Test func dsnCarriesUserPasswordHostPortAndDatabase() throws {
        let configuration = try ClientConfiguration(dsn: "influxdb://al%40ce:p%3Ass@db.example:9086/my%20db")
        #expect(configuration.username == "al@ce")
        #expect(configuration.password == "p:ss")
        #expect(configuration.host == "db.example")
        #expect(configuration.port == 9086)
        #expect(configuration.database == "my db")
        #expect(!configuration.ssl)
    }

    @Test func httpsDSNDefaultsToPort8086AndTakesTheFirstHost() throws {
        let configuration = try ClientConfiguration(dsn: "https+influxdb://one.example,two.example:1234")
        #expect(configuration.ssl)
        #expect(configuration.host == "one.example")
        #expect(configuration.port == 8086)
        #expect(configuration.database == nil)
        #expect(configuration.username == nil)
    }

    @Test func bracketedIPv6Hosts() throws {
        let configuration = try ClientConfiguration(dsn: "influxdb://[::1]:8087/d")
        #expect(configuration.host == "::1")
        #expect(configuration.port == 8087)
        #expect(configuration.baseURL == "http://[::1]:8087")
    }

    @Test(arguments: ["udp+influxdb://h:8089", "ftp://h", "influxdb://", "influxdb://h:0", "influxdb://h:x", "h:8086", "influxdb://h/d?x=1"])
    func badDSNsAreRefused(dsn: String) {
        #expect(throws: InfluxError.self) { try ClientConfiguration(dsn: dsn) }
    }

    @Test func errorsNeverShowThePassword() {
        do {
            _ = try ClientConfiguration(dsn: "influxdb://u:hunter2@h:99999")
            Issue.record("no error")
        } catch {
            #expect(!"\(error)".contains("hunter2"))
            #expect("\(error)".contains("h:99999"))
        }
    }

    @Test func aURLSetsSchemeHostPortAndPathPrefix() throws {
        var configuration = ClientConfiguration(host: "old", port: 1)
        try configuration.setServerURL("https://gateway.example/influx/v1/")
        #expect(configuration.ssl)
        #expect(configuration.port == 443)
        #expect(configuration.pathPrefix == "/influx/v1/")
        #expect(configuration.baseURL == "https://gateway.example:443/influx/v1")

        try configuration.setServerURL("http://u:p@127.0.0.1:8086")
        #expect(!configuration.ssl)
        #expect(configuration.port == 8086)
        #expect(configuration.pathPrefix == "")
        #expect(configuration.username == "u")
        #expect(configuration.password == "p")
    }

    @Test func aURLMustBeHTTPOrHTTPS() {
        var configuration = ClientConfiguration()
        #expect(throws: InfluxError.self) { try configuration.setServerURL("influxdb://h") }
    }
}
