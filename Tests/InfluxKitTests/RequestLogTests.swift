import Synchronization
import Testing
@testable import InfluxKit

struct RequestLogTests {
    final class Recorder: Sendable {
        let logs = Mutex<[RequestLog]>([])
        @Sendable func record(_ log: RequestLog) { logs.withLock { $0.append(log) } }
    }

    @Test func everyRequestIsLoggedWithoutCredentials() throws {
        let recorder = Recorder()
        var configuration = ClientConfiguration(username: "alice", password: "s3cret", database: "db")
        configuration.requestObserver = recorder.record
        let transport = FakeTransport([
            .init(status: 200, body: #"{"results":[{"statement_id":0}]}"#),
            .init(status: 401, body: #"{"error":"authorization failed"}"#),
            .init(status: 200, body: #"{"results":[{"statement_id":0}]}"#),
            .init(status: 204),
        ])
        let client = try InfluxClient(configuration: configuration, makeTransport: { _ in transport })
        _ = try client.query("SHOW MEASUREMENTS", epoch: .seconds)
        #expect(throws: InfluxError.self) { try client.write(lines: ["m v=1"]) }
        // A request that carries a secret in its body, and one in its query parameters: the
        // transport sees them (so the check below can fail), the log does not.
        try client.createUser("bob", password: "s3cret")
        _ = try client.send(HTTPRequest(method: .get, path: "/ping", query: [("u", "alice"), ("p", "s3cret")]))
        let sent = transport.requests.map { String(decoding: $0.body ?? [], as: UTF8.self) + "\($0.query)" }
        #expect(sent.filter { $0.contains("s3cret") }.count == 2, "\(sent)")

        let logs = recorder.logs.withLock { $0 }
        #expect(logs.count == 4)
        #expect(logs[3].url == "http://localhost:8086/ping?u=REDACTED&p=REDACTED")
        #expect(logs[0].method == "POST")
        #expect(logs[0].url == "http://localhost:8086/query?db=db&epoch=s&chunked=true")
        #expect(logs[0].status == 200)
        #expect(logs[0].responseBytes == 32)
        #expect(logs[0].requestBytes == "q=SHOW%20MEASUREMENTS".utf8.count)
        #expect(logs[1].status == 401)
        #expect(logs[1].url == "http://localhost:8086/write?db=db&precision=n")
        for log in logs {
            #expect(!"\(log)".contains("s3cret"))
        }
    }

    @Test func secretQueryParametersAreRedacted() {
        let request = HTTPRequest(method: .get, path: "/query", query: [("u", "alice"), ("p", "s3cret"), ("db", "a b")])
        #expect(RequestLog.url(of: request, baseURL: "http://h:1") == "http://h:1/query?u=REDACTED&p=REDACTED&db=a%20b")
    }

    @Test func aFailedConnectionIsLoggedWithoutStatus() throws {
        let recorder = Recorder()
        var configuration = ClientConfiguration(host: "127.0.0.1", port: 1)
        configuration.requestObserver = recorder.record
        let client = try InfluxClient(configuration: configuration)
        #expect(throws: InfluxError.self) { try client.ping() }
        let log = try #require(recorder.logs.withLock { $0.first })
        #expect(log.status == nil)
        #expect(log.error?.contains("cannot connect") == true)
    }
}
