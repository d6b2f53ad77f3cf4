import Testing
@testable import InfluxKit

@Suite struct ClientConfigurationDSNTests {
    struct Parsed: Equatable, CustomStringConvertible {
        var host = "localhost"
        var port = 8086
        var ssl = false
        var useUDP = false
        var username: String?
        var password: String?
        var database: String?

        init(
            host: String = "localhost", port: Int = 8086, ssl: Bool = false, useUDP: Bool = false,
            username: String? = nil, password: String? = nil, database: String? = nil
        ) {
            (self.host, self.port, self.ssl, self.useUDP) = (host, port, ssl, useUDP)
            (self.username, self.password, self.database) = (username, password, database)
        }

        init(_ configuration: ClientConfiguration) {
            self.init(
                host: configuration.host, port: configuration.port, ssl: configuration.usesSSL,
                useUDP: configuration.usesUDP, username: configuration.username,
                password: configuration.password, database: configuration.database)
        }

        var description: String {
            "\(host):\(port) ssl=\(ssl) udp=\(useUDP) user=\(username ?? "-") pass=\(password ?? "-") db=\(database ?? "-")"
        }
    }

    static let valid: [(String, Parsed)] = [
        ("influxdb://localhost:8086/db", Parsed(database: "db")),
        ("influxdb://bob:pw@db.example:1234/metrics",
         Parsed(host: "db.example", port: 1234, username: "bob", password: "pw", database: "metrics")),
        ("influxdb://u%40x:p%3Aw%2F%25%20%C3%A9@h/my%20db",
         Parsed(host: "h", username: "u@x", password: "p:w/% é", database: "my db")),
        ("influxdb://u:p@ss@h", Parsed(host: "h", username: "u", password: "p@ss")),
        ("influxdb://u:a:b@h", Parsed(host: "h", username: "u", password: "a:b")),
        ("https+influxdb://u:p@secure.example/db",
         Parsed(host: "secure.example", ssl: true, username: "u", password: "p", database: "db")),
        ("udp+influxdb://h:8087/db", Parsed(host: "h", port: 8087, useUDP: true, database: "db")),
        ("influxdb://[::1]:9000/", Parsed(host: "::1", port: 9000)),
        ("influxdb://[fe80::1]", Parsed(host: "fe80::1")),
        ("influxdb://", Parsed()),
        ("influxdb:///db", Parsed(database: "db")),
        ("influxdb://h:", Parsed(host: "h")),
        ("influxdb://bob@h", Parsed(host: "h", username: "bob")),
        ("influxdb://:pw@h", Parsed(host: "h", password: "pw")),
        ("INFLUXDB://H_1.example", Parsed(host: "H_1.example")),
    ]

    @Test(arguments: valid)
    func parsesEveryPart(dsn: String, expected: Parsed) throws {
        #expect(Parsed(try ClientConfiguration(dsn: dsn)) == expected)
    }

    @Test func anIPv6HostIsBracketedAgainInTheURL() throws {
        let configuration = try ClientConfiguration(dsn: "https+influxdb://[::1]:9000/db")
        #expect(configuration.baseURL == "https://[::1]:9000")
    }

    @Test func theUDPPortIsSeparateFromTheDSNPort() throws {
        let configuration = try ClientConfiguration(dsn: "udp+influxdb://h:8086/db")
        #expect(configuration.port == 8086)
        #expect(configuration.udpPort == 4444)
    }

    static let malformed = [
        "hunter2",
        "u:hunter2@h:8086/db",
        "http://u:hunter2@h/db",
        "udp+https+influxdb://u:hunter2@h",
        "influxdb://u:hunter2",
        "influxdb://u:hunter2@h:port/db",
        "influxdb://u:hunter2@h:70000",
        "influxdb://u:hunter2@h:0",
        "influxdb://u:hunter2@h:+80",
        "influxdb://u:hunter2@h:80:81",
        "influxdb://u:hunter2@h1,h2/db",
        "influxdb://u:hunter2@[::1/db",
        "influxdb://u:hunter2@[::1]x/db",
        "influxdb://u:hunter2@[nothost]/db",
        "influxdb://u:hunter2@::1/db",
        "influxdb://u:hunter2%zz@h",
        "influxdb://u%:hunter2@h",
        "influxdb://u:hunter2@h/d%zzb",
        "influxdb://u:hunter2@h/db?ssl=true",
        "influxdb://u:hunter2@h/db#x",
        "influxdb://u:hunter2@ho st/db",
        "influxdb://u:hunter2@h\n",
    ]

    @Test(arguments: malformed)
    func aMalformedDSNIsAnArgumentErrorWithoutThePassword(dsn: String) {
        #expect {
            _ = try ClientConfiguration(dsn: dsn)
        } throws: { error in
            guard let error = error as? InfluxError, error.code == .invalidArgument else { return false }
            return error.message.hasPrefix("the dsn ") && !"\(error)".contains("hunter2")
        }
    }

    @Test func aClientFromADSNTakesOverrides() throws {
        let client = try InfluxClient(dsn: "udp+influxdb://bob:pw@h:8087/db") {
            $0.database = "other"
            $0.udpPort = 8089
            $0.timeout = 5
        }
        let configuration = client.configuration
        #expect(Parsed(configuration) == Parsed(host: "h", port: 8087, useUDP: true, username: "bob", password: "pw", database: "other"))
        #expect(configuration.udpPort == 8089)
        #expect(configuration.timeout == 5)
    }

    @Test func compatibilitySettingsHaveInfluxDBPythonDefaults() {
        let configuration = ClientConfiguration()
        #expect(configuration.retries == 3)
        #expect(configuration.usesUDP == false)
        #expect(configuration.udpPort == 4444)
        #expect(configuration.poolSize == 10)
    }
}
