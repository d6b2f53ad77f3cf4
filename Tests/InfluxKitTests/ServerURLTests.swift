import Testing
@testable import InfluxKit

struct ServerURLTests {
    @Test func aURLSetsSchemeHostPortAndPathPrefix() throws {
        var configuration = ClientConfiguration(host: "old", port: 1)
        try configuration.setServerURL("https://gateway.example/influx/v1/")
        #expect(configuration.usesSSL)
        #expect(configuration.port == 443)
        #expect(configuration.pathPrefix == "/influx/v1/")
        #expect(configuration.baseURL == "https://gateway.example:443/influx/v1")

        try configuration.setServerURL("http://u:p@127.0.0.1:8086")
        #expect(!configuration.usesSSL)
        #expect(configuration.port == 8086)
        #expect(configuration.pathPrefix == "")
        #expect(configuration.username == "u")
        #expect(configuration.password == "p")
    }

    /// A `/` in a password ends what parses as the authority, so the password once came back
    /// in the "bad port" message.
    @Test(arguments: ["http://bOb:Pq/Zx@host:1", "http://bOb:Pq/Zx@host:x", "ftp://bOb:Pq/Zx@host", "http://bOb:Pq/Zx@:1",
                      "http://bOb:Pq/Zx@host?q", "http://bOb:Pq%zz@host", "http://bOb:Pq/Zx@[::1"])
    func errorsNeverRepeatUserInformation(_ url: String) {
        var configuration = ClientConfiguration()
        do {
            try configuration.setServerURL(url)
            Issue.record("\(url) accepted")
        } catch {
            let message = "\(error)"
            #expect(!message.contains("Pq") && !message.contains("Zx") && !message.contains("bOb"), "\(message)")
        }
    }

    @Test func aURLMustBeHTTPOrHTTPS() {
        var configuration = ClientConfiguration()
        #expect(throws: InfluxError.self) { try configuration.setServerURL("influxdb://h") }
    }
}
