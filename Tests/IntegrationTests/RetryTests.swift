import Foundation
import Synchronization
import InfluxKit
import Testing

/// Retries against a scripted peer, and against a real influxd behind a peer that loses answers.
@Suite(.integration)
struct RetryTests {
    /// A client of `peer` that retries without waiting long.
    func client(_ peer: HTTPPeer, retries: Int = 3) throws -> InfluxClient {
        var configuration = peer.configuration()
        configuration.retries = retries
        configuration.retryBaseDelay = 0.01
        return try InfluxClient(configuration: configuration)
    }

    @Test func aWriteSucceedsAfterTransientAnswers() throws {
        let peer = try HTTPPeer(.influxdb, answers: [
            .init(status: 503), .init(status: 503, retryAfter: "1"), .init(status: 429),
        ])
        try client(peer).write(lines: ["m v=1 1"])
        let requests = try peer.requests()
        #expect(requests.count == 4)
        #expect(requests.allSatisfy { $0.path == "/write" && $0.bodyBytes == Array("m v=1 1\n".utf8) })
    }

    @Test func aPingIsRetriedToo() throws {
        let peer = try HTTPPeer(.influxdb, answers: [.init(status: 502)])
        #expect(try client(peer).ping() == "1.6.7-peer")
        #expect(try peer.requests().count == 2)
    }

    @Test func aQueryIsRetriedBeforeAnyAnswerArrived() throws {
        let peer = try HTTPPeer(.influxdb, queryBody: [TransportTests.cpuAnswer], answers: [.init(status: 503)])
        let results = try client(peer).query("SELECT value FROM cpu")
        #expect(try results.onlyRows() == TransportTests.cpuRows)
        #expect(try peer.requests().count == 2)
    }

    @Test(arguments: [400, 401, 403, 404])
    func finalAnswersAreNotRetried(status: Int) throws {
        let peer = try HTTPPeer(.influxdb, answers: [.init(status: status, error: "final")])
        #expect(throws: InfluxError.self) { try client(peer).write(lines: ["m v=1 1"]) }
        #expect(try peer.requests().count == 1)
    }

    @Test func retriesStopAfterTheConfiguredNumber() throws {
        let peer = try HTTPPeer(.influxdb, answers: Array(repeating: .init(status: 503, error: "busy"), count: 3))
        #expect(throws: InfluxError.http(status: 503, message: "busy")) {
            try client(peer, retries: 2).write(lines: ["m v=1 1"])
        }
        #expect(try peer.requests().count == 3)
    }

    @Test func aRetryAfterLongerThanTheLongestWaitEndsTheRetries() throws {
        let peer = try HTTPPeer(.influxdb, answers: [.init(status: 503, retryAfter: "3600", error: "later")])
        #expect(throws: InfluxError.http(status: 503, message: "later")) { try client(peer).write(lines: ["m v=1 1"]) }
        #expect(try peer.requests().count == 1)
    }

    @Test func aRetryAfterBeyondTheTimeoutEndsTheRetries() throws {
        let peer = try HTTPPeer(.influxdb, answers: [.init(status: 503, retryAfter: "5", error: "later")])
        var configuration = peer.configuration()
        configuration.timeout = 2
        #expect(throws: InfluxError.http(status: 503, message: "later")) {
            try InfluxClient(configuration: configuration).write(lines: ["m v=1 1"])
        }
        #expect(try peer.requests().count == 1)
    }

    @Test func aHalfStreamedQueryIsNeverReplayed() throws {
        let pieces = [
            #"{"results":[{"statement_id":0,"series":[{"name":"m","columns":["time","v"],"values":[[1,10]],"partial":true}],"partial":true}]}"# + "\n",
            #"{"results":[{"statement_id":0,"series":[{"name":"m","columns":["time","v"],"values":[[2,20]]}]}]}"# + "\n",
        ]
        // The peer sends the first chunk, then hangs up instead of sending the second.
        let peer = try HTTPPeer(.stream, queryBody: pieces, releaseTimeout: 0.3)
        var received: [ResultSet] = []
        let error = caught { try client(peer).query("SELECT v FROM m") { received.append($0) } }
        guard error?.code == .connectionFailed else {
            Issue.record("expected the dropped connection, got \(String(describing: error))")
            return
        }
        #expect(received.count == 1, "the first chunk was handed over once")
        #expect(try peer.events() == ["request", "abandoned"], "one request: the query was not sent again")
    }

    @Test func aQueryThatChangesDataIsNotRetriedAfterA5xx() throws {
        let peer = try HTTPPeer(.influxdb, answers: [.init(status: 503, error: "busy")])
        #expect(throws: InfluxError.http(status: 503, message: "busy")) {
            _ = try client(peer).query("SELECT mean(v) INTO \"m_1h\" FROM m GROUP BY time(1h)")
        }
        #expect(try peer.requests().count == 1, "it may have run: running it twice is not harmless")

        let slowDown = try HTTPPeer(.influxdb, queryBody: [#"{"results":[{"statement_id":0}]}"#], answers: [.init(status: 429)])
        _ = try client(slowDown).query("DELETE FROM m WHERE time < 10")
        #expect(try slowDown.requests().count == 2, "a 429 means it did not run")
    }

    @Test func aTimeoutAfterRetriesSaysTheTimeoutAndTheAttempts() throws {
        let peer = try HTTPPeer(.backlog)
        var configuration = peer.configuration()
        configuration.connectTimeout = 0.3
        configuration.timeout = nil
        configuration.retries = 2
        configuration.retryBaseDelay = 0.01
        let error = caught { try InfluxClient(configuration: configuration).ping() }
        #expect(error == .timeout(url: peer.url, seconds: 0.3, attempts: 3))
        #expect(error?.description == "timed out after 0.3s talking to \(peer.url) (3 attempts)")
    }

    // MARK: The writer

    /// Writes `text` through a writer of `client` and returns the summary and the rejections.
    func write(_ text: String, client: InfluxClient, options: LineProtocolWriter.Options = .init())
        throws -> (summary: LineProtocolWriter.Summary, rejections: [LineProtocolWriter.Rejection]) {
        let rejections = Mutex<[LineProtocolWriter.Rejection]>([])
        let writer = LineProtocolWriter(client: client, options: options) { rejection in
            rejections.withLock { $0.append(rejection) }
        }
        writer.beginSource("in")
        try Array(text.utf8).withUnsafeBytes { try writer.append($0) }
        try writer.endSource()
        let summary = try writer.finish()
        return (summary, rejections.withLock { $0 })
    }

    @Test func retriedBatchesAreCounted() throws {
        let peer = try HTTPPeer(.influxdb, answers: [.init(status: 503, path: "/write"), .init(status: 500, path: "/write")])
        var options = LineProtocolWriter.Options()
        options.batchSize = 2
        let (summary, rejections) = try write("m v=1 1\nm v=2 2\nm v=3 3\n", client: client(peer), options: options)
        #expect(rejections.isEmpty)
        #expect(summary.written == 3)
        #expect(summary.batches == 2)
        #expect(summary.retriedBatches == 1, "only the first batch was answered 503 and 500")
        #expect(try peer.requests().filter { $0.path == "/write" }.count == 4)
    }

    @Test func aBodyTooLargeIsSentAgainInSmallerParts() throws {
        let lines = (1...8).map { "m v=\($0) \($0)" }
        let peer = try HTTPPeer(.influxdb, maxBody: 20)
        let (summary, rejections) = try write(
            lines.joined(separator: "\n") + "\nm,tag=much-too-long-for-the-server v=9 9\n", client: client(peer))
        #expect(summary.written == 8)
        #expect(summary.rejectedByServer == 1)
        #expect(rejections.map(\.line) == [9])
        let accepted = try peer.requests().filter { $0.bodyBytes.count <= 20 }
        let written = accepted.flatMap { String(decoding: $0.bodyBytes, as: UTF8.self).split(separator: "\n") }
        #expect(written.map(String.init) == lines, "every line once, in order")
    }

    @Test(arguments: [false, true])
    func aLostAnswerDuplicatesNothingUnlessTheServerStamps(serverTimestamps: Bool) throws {
        let server = try InfluxServer.shared()
        let database = try server.createDatabase("lostAnswer\(serverTimestamps)")
        let peer = try HTTPPeer(.influxdb, answers: [.init(status: 503, forward: true, path: "/write")], upstream: "http://127.0.0.1:\(server.port)")
        var options = LineProtocolWriter.Options()
        options.database = database
        options.serverTimestamps = serverTimestamps
        let (summary, _) = try write("m,k=a v=1\nm,k=b v=2\nm,k=c v=3\n", client: client(peer), options: options)
        #expect(summary.written == 3)
        #expect(summary.retriedBatches == 1)
        let rows = try server.client().query("SELECT count(v) FROM m", database: database).onlyRows()
        #expect(rows.first?.last == .integer(serverTimestamps ? 6 : 3), "the first try was stored, its answer lost")
    }

    @Test func pointsWithoutTimestampsCarryTheClientsTime() throws {
        let server = try InfluxServer.shared()
        let database = try server.createDatabase()
        var options = LineProtocolWriter.Options()
        options.database = database
        options.precision = .seconds
        let before = Int64(Date().timeIntervalSince1970)
        _ = try write("m v=1\nm v=2.5 1000\n", client: server.client(), options: options)
        let after = Int64(Date().timeIntervalSince1970)
        let rows = try server.client().query("SELECT v FROM m", database: database, epoch: .nanoseconds).onlyRows()
        #expect(rows.count == 2)
        #expect(rows.first == [.integer(1000 * 1_000_000_000), .float(2.5)])
        guard case let .integer(stamped) = rows.last?.first else { throw TestFailure("no time: \(rows)") }
        #expect(stamped % 1_000_000_000 == 0, "stamped in the write's precision")
        #expect((before...after).contains(stamped / 1_000_000_000))
    }

    // MARK: The command line

    @Test func theWriteSummaryCountsRetriedBatches() throws {
        let peer = try HTTPPeer(.influxdb, answers: [.init(status: 503, retryAfter: "0", path: "/write")])
        let run = try CommandLineTests.influxkit(
            ["write", "--url", peer.url, "-d", "db", "--batch-size", "1", "--precision", "s"], input: "m v=1 1\nm v=2 2\n")
        #expect(run.status == 0)
        #expect(run.stderr == "wrote 2 points, rejected 0 lines, retried 1 batch\n")
        #expect(try peer.requests().filter { $0.path == "/write" }.count == 3)
    }

    @Test func withRetriesZeroAFailedWriteIsNotRepeated() throws {
        let peer = try HTTPPeer(.influxdb, answers: [.init(status: 503, error: "overloaded", path: "/write")])
        let run = try CommandLineTests.influxkit(
            ["write", "--url", peer.url, "-d", "db", "--retries", "0"], input: "m v=1 1\n")
        #expect(run.status == 1)
        #expect(run.stderr.contains("server answered http 503: overloaded"), "\(run.stderr)")
        #expect(try peer.requests().filter { $0.path == "/write" }.count == 1)
    }

    @Test func theHelpSaysWhyServerTimestampsAreUnsafe() throws {
        let run = try CommandLineTests.influxkit(["write", "--help"])
        #expect(run.stdout.contains("--server-timestamps"))
        #expect(run.stdout.contains("Unsafe"))
    }
}

/// The InfluxError `work` throws, or `nil`.
private func caught(_ work: () throws -> Void) -> InfluxError? {
    do {
        try work()
        return nil
    } catch let error as InfluxError {
        return error
    } catch {
        Issue.record("unexpected error \(error)")
        return nil
    }
}
