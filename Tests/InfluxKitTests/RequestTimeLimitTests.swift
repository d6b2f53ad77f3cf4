@testable import InfluxKit
import Testing

/// Every request carries a time limit unless the configuration asks for none, and an `async`
/// call's own timeout replaces the configured one for its requests.
@Suite struct RequestTimeLimitTests {
    private static func client(_ transport: FakeTransport, timeout: Double?) throws -> InfluxClient {
        var configuration = ClientConfiguration(database: "db")
        configuration.timeout = timeout
        return try InfluxClient(configuration: configuration, makeTransport: { _ in transport })
    }

    @Test func aDefaultConfigurationLimitsEveryRequest() throws {
        let transport = FakeTransport([
            .init(status: 204), .init(status: 204), .init(status: 200, body: #"{"results":[{"statement_id":0}]}"#),
        ])
        let client = try InfluxClient(configuration: ClientConfiguration(database: "db"), makeTransport: { _ in transport })
        try client.ping()
        try client.write(lines: ["m v=1"])
        _ = try client.query("SHOW DATABASES")
        #expect(transport.requests.count == 3)
        for request in transport.requests {
            let limit = try #require(request.timeLimit)
            #expect(limit.total > 0 && limit.total.isFinite)
            #expect(limit.left <= limit.total)
        }
    }

    @Test func noLimitOnlyWhenAskedFor() throws {
        let transport = FakeTransport([])
        try Self.client(transport, timeout: nil).ping()
        #expect(transport.requests.map(\.timeLimit) == [nil])
    }

    @Test func aCallsTimeoutReplacesTheConfiguredOne() async throws {
        for configured in [nil, 2.0, 600.0] {
            let transport = FakeTransport([])
            let client = try Self.client(transport, timeout: configured)
            try await client.ping(timeout: .seconds(30))
            try await client.write(lines: ["m v=1"], timeout: .milliseconds(1_500))
            #expect(transport.requests.map { $0.timeLimit?.total } == [30, 1.5])
        }
    }
}
