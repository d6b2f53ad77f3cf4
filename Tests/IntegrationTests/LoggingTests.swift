import Foundation
import InfluxKit
import InMemoryLogging
import Logging
import Testing

/// What a client logs to the `Logger` it is given, against a real influxd and a scripted peer:
/// a `.debug` record per request with its metadata, a `.notice` per retry, and never a secret.
@Suite(.integration)
struct LoggingTests {
    @Test func queriesWritesAndPingsAreLoggedAtDebugWithTheirMetadata() throws {
        let server = try InfluxServer.shared()
        let database = try server.createDatabase()
        let (logger, log) = recordingLogger()
        let client = try InfluxClient(
            configuration: ClientConfiguration(host: "127.0.0.1", port: server.port, database: database),
            logger: logger)
        try client.ping()
        try client.write(lines: ["cpu value=1 1000000000", "cpu value=2 2000000000"])
        let results = try client.query("SELECT value FROM cpu")
        #expect(try results.onlyRows().count == 2)

        let records = log.entries
        try #require(records.count == 3, "\(records.map(\.message.description))")
        #expect(records.allSatisfy { $0.level == .debug })
        let base = "http://127.0.0.1:\(server.port)"
        let (ping, write, query) = (records[0], records[1], records[2])
        #expect(ping[LogMetadataKey.method] == "GET")
        #expect(ping[LogMetadataKey.url] == "\(base)/ping")
        #expect(ping[LogMetadataKey.status] == "204")
        #expect(ping[LogMetadataKey.requestBytes] == "0")
        #expect(ping[LogMetadataKey.responseBytes] == "0")
        #expect(write[LogMetadataKey.method] == "POST")
        #expect(write[LogMetadataKey.url] == "\(base)/write?db=\(database)&precision=n")
        #expect(write[LogMetadataKey.status] == "204")
        #expect(write[LogMetadataKey.requestBytes] == "\("cpu value=1 1000000000\ncpu value=2 2000000000\n".utf8.count)")
        #expect(query[LogMetadataKey.method] == "POST")
        #expect(query[LogMetadataKey.url]?.hasPrefix("\(base)/query?db=\(database)") == true)
        #expect(query[LogMetadataKey.status] == "200")
        #expect(Int(query[LogMetadataKey.responseBytes] ?? "") ?? 0 > 0)
        #expect(query.message.description == "POST \(query[LogMetadataKey.url] ?? "") -> 200")
        for record in records {
            #expect(record[LogMetadataKey.error] == nil)
            #expect(Double(record[LogMetadataKey.milliseconds] ?? "").map { $0 >= 0 } == true)
        }
    }

    @Test func aRetryIsANoticeBetweenTheTwoRequests() throws {
        let peer = try HTTPPeer(.influxdb, answers: [.init(status: 503, error: "overloaded")])
        let (logger, log) = recordingLogger()
        var configuration = peer.configuration()
        configuration.retryBaseDelay = 0.01
        let client = try InfluxClient(configuration: configuration, logger: logger)
        try client.write(lines: ["m v=1 1"])
        #expect(try peer.requests().count == 2)

        let records = log.entries
        #expect(records.map(\.level) == [.debug, .notice, .debug])
        #expect(records.first?[LogMetadataKey.status] == "503")
        #expect(records.last?[LogMetadataKey.status] == "204")
        let retry = try #require(records.dropFirst().first)
        #expect(retry[LogMetadataKey.retry] == "1")
        #expect(Double(retry[LogMetadataKey.retryDelay] ?? "").map { $0 >= 0 } == true)
        #expect(retry[LogMetadataKey.error]?.contains("overloaded") == true)
    }

    /// Every kind of request on a server with authentication, a refused one included: the
    /// password, and the Basic credentials it travels in, appear in no record.
    @Test func noRecordHoldsTheCredentialsOfAnAuthenticatedServer() throws {
        let server = try InfluxServer.authenticated()
        let admin = try #require(server.admin)
        let database = try server.createDatabase()
        let (logger, log) = recordingLogger()
        var configuration = ClientConfiguration(
            host: "127.0.0.1", port: server.port, username: admin.username, password: admin.password, database: database)
        configuration.retries = 0
        let client = try InfluxClient(configuration: configuration, logger: logger)
        try client.ping()
        try client.write(lines: ["m v=1 1"])
        _ = try client.query("SELECT * FROM m")
        let user = "logged_\(database)"
        let password = "Pw-\(UUID().uuidString)"
        try client.createUser(user, password: password)
        try client.setPassword(password + "-2", forUser: user)
        try client.dropUser(user)
        try client.switchUser(admin.username, password: "Wrong-\(admin.password)")
        #expect(throws: InfluxError.self) { try client.query("SHOW DATABASES") }

        let records = log.entries
        #expect(records.count == 7)
        #expect(records.last?[LogMetadataKey.status] == "401")
        let basic = Data("\(admin.username):\(admin.password)".utf8).base64EncodedString()
        for record in records {
            for secret in [admin.password, password, password + "-2", basic] {
                #expect(!record.text.contains(secret), "\(record.text)")
            }
        }
    }

    /// A token (as 2.x takes it, in an `Authorization` header) is never in a record either.
    @Test func noRecordHoldsTheToken() throws {
        let token = "Tok-\(UUID().uuidString)"
        let peer = try HTTPPeer(.influxdb2, token: token, databases: ["db"])
        let (logger, log) = recordingLogger()
        var configuration = peer.configuration()
        configuration.token = token
        let client = try InfluxClient(configuration: configuration, logger: logger)
        try client.ping()
        try client.write(lines: ["m v=1 1"])
        let records = log.entries
        #expect(records.count == 2)
        #expect(records.allSatisfy { !$0.text.contains(token) })
    }
}
