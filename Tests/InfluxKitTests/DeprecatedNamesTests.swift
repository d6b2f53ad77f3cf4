import Testing
@testable import InfluxKit

/// The names influxdb-python users know (and InfluxKit's own earlier names) still work, as
/// deprecated aliases of the Swift names: they read and set the same settings and send the
/// same requests.
@Suite struct DeprecatedNamesTests {
    /// Calls the deprecated aliases; called through a protocol, so that this file (a test that
    /// uses them on purpose) is the only place they are used and the build has no warnings.
    protocol Aliases: Sendable {
        func configuration() -> [Bool]
        func clients() throws -> [ClientConfiguration]
        func writes(on client: InfluxClient) throws
        func seriesHelperConfiguration() -> SeriesHelper.Configuration
        func partialResult() -> ResultSet
    }

    struct OldNames: Aliases {
        @available(*, deprecated, message: "uses the deprecated names on purpose")
        func configuration() -> [Bool] {
            var configuration = ClientConfiguration(host: "h", ssl: true)
            configuration.verifySSL = false
            configuration.gzip = true
            configuration.useUDP = true
            return [
                configuration.usesSSL, configuration.verifiesCertificates, configuration.usesGzip, configuration.usesUDP,
                configuration.ssl, configuration.verifySSL, configuration.gzip, configuration.useUDP,
            ]
        }

        @available(*, deprecated, message: "uses the deprecated names on purpose")
        func clients() throws -> [ClientConfiguration] {
            [
                try InfluxClient(host: "h", ssl: true, verifySSL: false).configuration,
                try InfluxClient(host: "h", ssl: true).configuration,
                try InfluxClient(host: "h", verifySSL: false).configuration,
            ]
        }

        @available(*, deprecated, message: "uses the deprecated names on purpose")
        func writes(on client: InfluxClient) throws {
            try client.write(lines: Array("m v=1 1\n".utf8), precision: .seconds)
            try client.writePoints(
                [Point(measurement: "m", fields: ["v": .integer(2)], time: .epoch(2, .seconds))], timePrecision: .seconds)
        }

        @available(*, deprecated, message: "uses the deprecated names on purpose")
        func seriesHelperConfiguration() -> SeriesHelper.Configuration {
            var configuration = SeriesHelper.Configuration(
                seriesName: "m", fields: ["v"], tags: [], autocommit: true, timePrecision: .seconds)
            configuration.autocommit = configuration.timePrecision == .seconds
            return configuration
        }

        @available(*, deprecated, message: "uses the deprecated names on purpose")
        func partialResult() -> ResultSet {
            var series = Series(name: "m", columns: ["v"], partial: false)
            series.partial = !series.partial
            var result = ResultSet(statementID: 0, series: [series], partial: false)
            result.partial = series.partial && result.series[0].partial
            return result
        }
    }

    static let aliases: any Aliases = OldNames()

    @Test func configurationAliasesReadAndSetTheSwiftNamedSettings() {
        #expect(Self.aliases.configuration() == [true, false, true, true, true, false, true, true])
    }

    @Test func clientInitializerAliasesSetTheSameSettings() throws {
        let settings = try Self.aliases.clients().map { [$0.usesSSL, $0.verifiesCertificates] }
        #expect(settings == [[true, false], [true, true], [false, false]])
    }

    @Test func writeAliasesSendTheSameRequestsAsTheSwiftNames() throws {
        let old = FakeTransport([.init(status: 204), .init(status: 204)])
        try Self.aliases.writes(on: InfluxClient.fake(old))
        let new = FakeTransport([.init(status: 204), .init(status: 204)])
        let client = try InfluxClient.fake(new)
        try client.write(lineProtocol: Array("m v=1 1\n".utf8), precision: .seconds)
        try client.writePoints(
            [Point(measurement: "m", fields: ["v": .integer(2)], time: .epoch(2, .seconds))], precision: .seconds)
        let sent = { (transport: FakeTransport) in
            transport.requests.map { "\($0.path)?\($0.query.map { "\($0.name)=\($0.value)" }.joined(separator: "&")) \(String(decoding: $0.body ?? [], as: UTF8.self))" }
        }
        #expect(sent(old) == ["/write?db=db&precision=s m v=1 1\n", "/write?db=db&precision=s m v=2i 2\n"])
        #expect(sent(old) == sent(new))
    }

    @Test func seriesHelperAliasesSetTheSwiftNamedSettings() {
        let configuration = Self.aliases.seriesHelperConfiguration()
        #expect(configuration.commitsAutomatically)
        #expect(configuration.precision == .seconds)
    }

    @Test func partialAliasesReadAndSetIsPartial() {
        let result = Self.aliases.partialResult()
        #expect(result.isPartial)
        #expect(result.series.map(\.isPartial) == [true])
    }
}
