import Testing
@testable import InfluxKit

struct ServerURLTests {
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
