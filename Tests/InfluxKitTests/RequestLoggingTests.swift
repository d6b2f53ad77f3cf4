import InMemoryLogging
import Logging
import Testing
@testable import InfluxKit

/// What a client logs to its `Logger`: one `.debug` record per request, never a credential.
struct RequestLoggingTests {
    @Test func everyRequestIsLoggedWithoutCredentials() throws {
        let (logger, log) = recordingLogger()
        let configuration = ClientConfiguration(username: "alice", password: "s3cret", database: "db")
        let transport = FakeTransport([
            .init(status: 200, body: #"{"results":[{"statement_id":0}]}"#),
            .init(status: 401, body: #"{"error":"authorization failed"}"#),
            .init(status: 200, body: #"{"results":[{"statement_id":0}]}"#),
            .init(status: 204),
        ])
        var logged = configuration
        logged.logger = logger
        let client = try InfluxClient(configuration: logged, makeTransport: { _ in transport })
        _ = try client.query("SHOW MEASUREMENTS", epoch: .seconds)
        #expect(throws: InfluxError.self) { try client.write(lines: ["m v=1"]) }
        // A request that carries a secret in its body, and one in its query parameters: the
        // transport sees them (so the check below can fail), the log does not.
        try client.createUser("bob", password: "s3cret")
        _ = try client.send(HTTPRequest(method: .get, path: "/ping", query: [("u", "alice"), ("p", "s3cret"), ("token", "s3cret")]))
        let sent = transport.requests.map { String(decoding: $0.body ?? [], as: UTF8.self) + "\($0.query)" }
        #expect(sent.filter { $0.contains("s3cret") }.count == 2, "\(sent)")

        let logs = log.entries
        #expect(logs.count == 4)
        #expect(logs.allSatisfy { $0.level == .debug })
        #expect(logs[3][LogMetadataKey.url] == "http://localhost:8086/ping?u=REDACTED&p=REDACTED&token=REDACTED")
        #expect(logs[0][LogMetadataKey.method] == "POST")
        #expect(logs[0][LogMetadataKey.url] == "http://localhost:8086/query?db=db&epoch=s&chunked=true")
        #expect(logs[0][LogMetadataKey.status] == "200")
        #expect(logs[0][LogMetadataKey.responseBytes] == "32")
        #expect(logs[0][LogMetadataKey.requestBytes] == "\("q=SHOW%20MEASUREMENTS".utf8.count)")
        #expect(logs[0][LogMetadataKey.error] == nil)
        #expect(logs[0].message.description == "POST http://localhost:8086/query?db=db&epoch=s&chunked=true -> 200")
        #expect(logs[1][LogMetadataKey.status] == "401")
        #expect(logs[1][LogMetadataKey.url] == "http://localhost:8086/write?db=db&precision=n")
        for log in logs {
            #expect(!log.text.contains("s3cret"))
            #expect(log[LogMetadataKey.milliseconds].flatMap(Double.init) != nil)
        }
    }

    @Test func secretQueryParametersAreRedacted() {
        let request = HTTPRequest(
            method: .get, path: "/query",
            query: [("u", "alice"), ("p", "s3cret"), ("db", "a b"), ("token", "t"), ("password", "pw")])
        #expect(request.redactedURL(baseURL: "http://h:1") == "http://h:1/query?u=REDACTED&p=REDACTED&db=a%20b&token=REDACTED&password=REDACTED")
    }

    @Test func aFailedConnectionIsLoggedWithoutStatus() throws {
        let (logger, log) = recordingLogger()
        let client = try InfluxClient(configuration: ClientConfiguration(host: "127.0.0.1", port: 1), logger: logger)
        #expect(throws: InfluxError.self) { try client.ping() }
        let record = try #require(log.entries.first)
        #expect(record[LogMetadataKey.status] == nil)
        #expect(record[LogMetadataKey.error]?.contains("cannot connect") == true)
        #expect(record.message.description.hasSuffix(" -> failed"))
    }

    /// A logger at `.info` hears the retry (`.notice`) and not the two requests (`.debug`).
    @Test func aLoggerAtInfoHearsRetriesOnly() throws {
        let (logger, log) = recordingLogger()
        var configuration = ClientConfiguration()
        configuration.logger = logger
        configuration.logger.logLevel = .info
        configuration.retryBaseDelay = 0.001
        let transport = FakeTransport([.init(status: 503, body: #"{"error":"busy"}"#), .init(status: 204)])
        let client = try InfluxClient(configuration: configuration, makeTransport: { _ in transport })
        try client.ping()
        #expect(transport.requests.count == 2)
        let records = log.entries
        #expect(records.map(\.level) == [.notice])
        #expect(records.first?[LogMetadataKey.retry] == "1")
        #expect(records.first?[LogMetadataKey.error]?.contains("busy") == true)
    }

    @Test func nanFieldsLeftOutOfAWriteAreAWarning() throws {
        let (logger, log) = recordingLogger()
        var configuration = ClientConfiguration(database: "db")
        configuration.logger = logger
        let transport = FakeTransport([.init(status: 204)])
        let client = try InfluxClient(configuration: configuration, makeTransport: { _ in transport })
        try client.writePoints([
            Point(measurement: "m", fields: ["a": .float(.nan), "b": .float(1)]),
            Point(measurement: "m", fields: ["a": .float(.infinity), "b": .float(2)]),
        ])
        let warnings = log.entries.filter { $0.level == .warning }
        #expect(warnings.map(\.message.description) == ["2 NaN or infinite field values left out of the write"])
    }

    @Test func theDescriptionNamesTheLoggerOnly() {
        var configuration = ClientConfiguration()
        var (logger, _) = recordingLogger()
        logger[metadataKey: "request-secret"] = "s3cret"
        configuration.logger = logger
        #expect(configuration.description.contains(#"logger: Logger(label: "test", logLevel: trace)"#))
        #expect(!configuration.description.contains("s3cret"))
    }
}

/// A logger that keeps every record, at every level, and the handler that reads them back.
func recordingLogger() -> (logger: Logger, records: InMemoryLogHandler) {
    var handler = InMemoryLogHandler()
    handler.logLevel = .trace
    return (Logger(label: "test", factory: { _ in handler }), handler)
}

extension InMemoryLogHandler.Entry {
    /// The value of `key` as text, `nil` when absent.
    subscript(_ key: String) -> String? { metadata[key].map { "\($0)" } }
    /// Everything of the record as text: what must never hold a secret.
    var text: String { "\(level) \(message) \(metadata)" }
}
